import Domain
import FluentKit
import Foundation
import Persistence
import Vapor

/// One way for mentors to pay: what happens when a contribution is made, where the mentor
/// goes to pay, and how money goes back on a refund. `Funding`, `Refunds` and the pages ask
/// the provider named by the contribution instead of testing names.
protocol PaymentProvider: Sendable {
    /// The stored name (`contributions.provider`, `PAYMENT_PROVIDERS`).
    var name: String { get }

    /// Inside the transaction that creates `contribution`: a provider that needs no one else
    /// (the demonstration) pays it here; the others leave it pending.
    func created(_ contribution: ContributionModel, app: Application, on db: any Database) async throws

    /// After the commit: the page where the mentor pays, if the provider has one.
    func paymentPage(for contribution: ContributionModel, req: Request) async throws -> String?

    /// Whether the platform can give money back by itself (a background job, no admin): true
    /// for cards and the demonstration, false for bank transfers, which a person sends.
    var refundsByItself: Bool { get }

    /// Checks what the admin typed for a refund before anything is reserved (a bad input
    /// changes nothing).
    func checkRefund(bankReference: String?) throws

    /// Sends `amount` (minor units) back to the mentor, outside any transaction. Returns the
    /// provider's reference for the refund and the amount it actually gave back.
    func refund(
        _ contribution: ContributionModel, amount: Int, bankReference: String?, app: Application, on db: any Database
    ) async throws -> (reference: String, amount: Int)
}

extension PaymentProvider {
    func checkRefund(bankReference: String?) throws {}
    func created(_ contribution: ContributionModel, app: Application, on db: any Database) async throws {}
    func paymentPage(for contribution: ContributionModel, req: Request) async throws -> String? { nil }
}

enum PaymentProviders {
    static let all: [any PaymentProvider] = [BankTransferProvider(), StripeProvider(), DemoProvider()]

    /// The provider a contribution was made with. Unknown names are a broken row, not input.
    static func named(_ name: String) throws -> any PaymentProvider {
        guard let provider = all.first(where: { $0.name == name }) else {
            throw DomainError(.paymentUnavailable, field: "provider")
        }
        return provider
    }

    /// A refund's reference for providers that have none of their own: unique per contribution.
    static func localReference(_ contribution: ContributionModel, on db: any Database) async throws -> String {
        let id = try contribution.requireID()
        let sequence = try await RefundModel.query(on: db).filter(\.$contribution.$id == id).count() + 1
        return "\(contribution.provider)-refund-\(contribution.number)-\(sequence)"
    }
}

/// The mentor transfers the money with the contribution's payment reference; an admin records
/// it. Refunds are transfers the admin makes, recorded with their bank reference.
struct BankTransferProvider: PaymentProvider {
    let name = "bank-transfer"
    let refundsByItself = false

    func checkRefund(bankReference: String?) throws {
        _ = try Self.reference(bankReference)
    }

    func refund(
        _ contribution: ContributionModel, amount: Int, bankReference: String?, app: Application, on db: any Database
    ) async throws -> (reference: String, amount: Int) {
        (try Self.reference(bankReference), amount)
    }

    /// The transfer's reference as the admin typed it, required.
    static func reference(_ bankReference: String?) throws -> String {
        var validator = Validator()
        let reference = "bank:" + validator.text(bankReference, field: "bankReference", max: 100)
        try validator.finish()
        return reference
    }
}

/// Cards through Stripe Checkout; the webhook marks the contribution paid.
struct StripeProvider: PaymentProvider {
    let name = "stripe"
    let refundsByItself = true

    func paymentPage(for contribution: ContributionModel, req: Request) async throws -> String? {
        guard contribution.status == .pending else { return nil }
        return try await CardPayments.checkoutURL(for: contribution, req: req)
    }

    func refund(
        _ contribution: ContributionModel, amount: Int, bankReference: String?, app: Application, on db: any Database
    ) async throws -> (reference: String, amount: Int) {
        let id = try contribution.requireID()
        guard let intent = contribution.providerReference else { throw DomainError(.nothingToRefund) }
        // The same sequence number for a retry after a failure: Stripe's idempotency key makes it one refund.
        let sequence = try await RefundModel.query(on: db).filter(\.$contribution.$id == id).count() + 1
        do {
            let refund = try await CardPayments.client(app).createRefund(
                paymentIntent: intent, amount: Money(minor: amount, currency: contribution.currency),
                contributionID: id, sequence: sequence)
            return (refund.id, StripeClient.minorUnits(refund.amount, of: contribution.currency))
        } catch let error as DomainError {
            throw error
        } catch {
            app.logger.error("stripe refund failed", metadata: ["error": "\(error)"])
            throw DomainError(.providerUnreachable, field: "provider")
        }
    }
}

/// `make run`'s pretend payment: paid at once, refunded at once, marked as a demonstration
/// wherever it appears. Only offered when `PAYMENT_PROVIDERS` lists it.
struct DemoProvider: PaymentProvider {
    let name = "demo"
    let refundsByItself = true

    func created(_ contribution: ContributionModel, app: Application, on db: any Database) async throws {
        try await Funding.markPaid(contribution, providerReference: "demo-\(contribution.number)", app: app, on: db)
    }

    func refund(
        _ contribution: ContributionModel, amount: Int, bankReference: String?, app: Application, on db: any Database
    ) async throws -> (reference: String, amount: Int) {
        (try await PaymentProviders.localReference(contribution, on: db), amount)
    }
}
