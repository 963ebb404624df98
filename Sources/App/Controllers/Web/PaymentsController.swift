import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Stripe's webhook, and admins giving a contribution's unspent value back.
enum PaymentsController {
    /// `POST /api/webhooks/stripe`: 200 with what was done (also for repeats), 400 for a bad or
    /// stale signature (nothing changed), 404 while Stripe is not configured.
    @Sendable static func stripeWebhook(req: Request) async throws -> Response {
        guard req.application.mentore.config.paymentProviders.contains("stripe") else {
            throw DomainError(.notFound)
        }
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        let outcome = try await CardPayments.receiveWebhook(
            payload: body, signature: req.headers.first(name: "Stripe-Signature"), app: req.application)
        let response = Response(status: .ok)
        try response.content.encode(Received(outcome: outcome))
        return response
    }

    struct Received: Content {
        var received = true
        var outcome: String
    }

    /// An admin refunds what a contribution has not spent: by card through Stripe's API, by a
    /// bank transfer the admin made (its reference recorded), or in demonstration mode.
    @Sendable static func refund(req: Request) async throws -> Response {
        let id = try AdminCatalogController.id(req, "contributionID")
        guard let contribution = try await ContributionModel.find(id, on: req.db) else {
            throw DomainError(.notFound)
        }
        struct Input: Content { var bankReference: String? }
        let input = req.method == .POST ? try req.content.decode(Input.self) : Input()
        var errors: [String: String] = [:]
        var status = HTTPResponseStatus.ok
        var notice: String?
        if req.method == .POST {
            do {
                let refunded = try await refund(contribution, bankReference: input.bankReference, req: req)
                try await Audit.record(req, "refund", "contribution", id, detail: "\(refunded)", on: req.db)
                notice = req.t(
                    "admin-refund-done",
                    ["amount": .string(FundsController.money(req, refunded, contribution.currency))])
            } catch let problems as ValidationErrors {
                errors = req.messages(for: problems)
                status = .unprocessableEntity
            } catch let error as DomainError where error.code != .notFound {
                errors = req.messages(for: ValidationErrors([error]))
                status = LocalizedErrorMiddleware.status(for: error.code)
            }
        }
        let fresh = try await ContributionModel.find(id, on: req.db).orNotFound()
        let refundable = try await Refunds.refundable(fresh, on: req.db)
        let money = { (minor: Int) in FundsController.money(req, minor, contribution.currency) }
        var form = FormView(
            action: SiteRoute.adminContributionRefund(.value(id)).path, submit: req.t("action-refund"),
            fields: contribution.provider == "bank-transfer" && refundable > 0
                ? [
                    .init(
                        name: "bankReference", label: req.t("field-refund-bank-reference"), type: "text",
                        value: input.bankReference ?? "")
                ] : [],
            intro: req.t(
                "admin-refund-intro",
                [
                    "reference": .string(contribution.paymentReference), "amount": .string(money(fresh.amountMinor)),
                    "refunded": .string(money(fresh.refundedMinor)), "refundable": .string(money(refundable)),
                ]))
        form.notice = notice
        form.confirms = refundable > 0
        form.links = [.init(href: SiteRoute.adminContributions.path, label: req.t("admin-contributions-title"))]
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return try await req.page(
            "form", title: req.t("admin-refund-title"), form,
            status: status)
    }

    /// Refunds everything refundable now; returns the amount booked (minor units).
    static func refund(_ contribution: ContributionModel, bankReference: String?, req: Request) async throws -> Int {
        let app = req.application
        let refundable = try await Refunds.refundable(contribution, on: req.db)
        guard refundable > 0 else { throw DomainError(.nothingToRefund) }
        let id = try contribution.requireID()
        let base = contribution.refundedMinor
        let provider = contribution.provider
        let reference: String
        var amount = refundable
        switch provider {
        case "stripe":
            guard let intent = contribution.providerReference else { throw DomainError(.nothingToRefund) }
            let sequence = try await RefundModel.query(on: req.db).filter(\.$contribution.$id == id).count() + 1
            do {
                let refund = try await CardPayments.client(app).createRefund(
                    paymentIntent: intent, amount: Money(minor: refundable, currency: contribution.currency),
                    contributionID: id, sequence: sequence)
                reference = refund.id
                amount = contribution.currency.minorUnits == 0 ? refund.amount / 100 : refund.amount
            } catch {
                req.logger.error("stripe refund failed", metadata: ["error": "\(error)"])
                throw DomainError(.providerUnreachable, field: "provider")
            }
        case "bank-transfer":
            var validator = Validator()
            reference = "bank:" + validator.text(bankReference, field: "bankReference", max: 100)
            try validator.finish()
        default:
            let sequence = try await RefundModel.query(on: req.db).filter(\.$contribution.$id == id).count() + 1
            reference = "\(provider)-refund-\(contribution.number)-\(sequence)"
        }
        let total = base + amount
        let outcome = try await req.db.writeTransaction { db in
            try await Refunds.book(
                contribution, refundedTotal: total, provider: provider, reference: reference,
                by: req.currentUser?.id, app: app, on: db)
        }
        guard outcome != .alreadyBooked else { throw DomainError(.nothingToRefund) }
        return amount
    }
}
