import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Payment by card through Stripe: a Checkout Session per contribution, and the webhooks that
/// say it was paid or refunded, each processed exactly once.
enum CardPayments {
    static func client(_ app: Application) throws -> StripeClient {
        let config = app.mentore.config
        guard let key = config.stripeSecretKey else { throw DomainError(.paymentUnavailable, field: "provider") }
        return StripeClient(base: config.stripeAPIBase, secretKey: key, http: app.http.client.shared)
    }

    /// Checkout's own page languages that we speak; Albanian is not among them, so Stripe picks
    /// from the browser.
    static func checkoutLocale(_ language: String) -> String {
        switch language {
        case "it": "it"
        case "en", "en-XA": "en"
        default: "auto"
        }
    }

    /// Where to send the mentor to pay a pending card contribution: the session made the first
    /// time (a retried form reuses it; Stripe's idempotency key makes concurrent creations one).
    static func checkoutURL(for contribution: ContributionModel, req: Request) async throws -> String {
        if let url = contribution.checkoutURL { return url }
        let id = try contribution.requireID()
        let fund = try await FundModel.query(on: req.db).filter(\.$id == contribution.$fund.id).with(\.$texts)
            .first().orNotFound()
        let fundName = FundPresenter.text(of: fund, for: req)?.name ?? ""
        let snapshot = ContributionModelSnapshot(
            id: id, currency: contribution.currency,
            unitPrice: Money(
                minor: contribution.kind == .places ? contribution.unitPriceMinor ?? 0 : contribution.amountMinor,
                currency: contribution.currency),
            quantity: contribution.kind == .places ? contribution.places ?? 1 : 1)
        let site = req.application.mentore.config.siteURL
        let session: StripeClient.CheckoutSession
        do {
            session = try await client(req.application).createCheckoutSession(
                contribution: snapshot,
                productName: req.t(
                    contribution.kind == .places ? "checkout-product-places" : "checkout-product-amount",
                    ["fund": .string(fundName), "count": .integer(snapshot.quantity)]),
                successURL: site + SiteRoute.contribution(.value(id)).path + "?checkout=done",
                cancelURL: site + SiteRoute.fund(.value(contribution.$fund.id)).path,
                locale: checkoutLocale(req.language), email: req.currentUser?.email)
        } catch let error as DomainError {
            throw error
        } catch {
            req.logger.error("stripe checkout failed", metadata: ["error": "\(error)"])
            throw DomainError(.providerUnreachable, field: "provider")
        }
        guard let url = session.url else { throw DomainError(.providerUnreachable, field: "provider") }
        let sql = req.db as! any SQLDatabase
        try await sql.update(ContributionModel.schema)
            .set("checkout_id", to: SQLBind(session.id)).set("checkout_url", to: SQLBind(url))
            .where("id", .equal, SQLBind(id)).where(SQLIdentifier("checkout_id"), .is, SQLLiteral.null)
            .run()
        return url
    }

    // MARK: Webhooks

    struct EventHeader: Decodable {
        var id: String
        var type: String
    }

    struct EventBody<Object: Decodable>: Decodable {
        struct Payload: Decodable { var object: Object }
        var data: Payload
    }

    struct Charge: Decodable {
        var id: String
        var amountRefunded: Int
        var currency: String
        var paymentIntent: String?

        enum CodingKeys: String, CodingKey {
            case id, currency
            case amountRefunded = "amount_refunded"
            case paymentIntent = "payment_intent"
        }
    }

    /// Verifies and applies one webhook delivery. Returns what was done (`applied`,
    /// `duplicate`, `ignored`, …). A bad or stale signature changes nothing and throws.
    static func receiveWebhook(payload: [UInt8], signature: String?, app: Application) async throws -> String {
        guard let secret = app.mentore.config.stripeWebhookSecret else { throw DomainError(.notFound) }
        do {
            try StripeSignature.verify(
                payload: payload, header: signature ?? "", secret: secret, now: app.mentore.now())
        } catch {
            app.logger.warning("stripe webhook refused", metadata: ["reason": "\(error)"])
            throw DomainError(.signatureInvalid)
        }
        let data = Data(payload)
        guard let header = try? JSONDecoder().decode(EventHeader.self, from: data) else {
            throw DomainError(.invalidValue)
        }
        let now = app.mentore.now()
        return try await app.db.writeTransaction { db in
            let sql = db as! any SQLDatabase
            let rowID = UUID()
            let inserted = try await sql.insert(into: PaymentEventModel.schema)
                .columns("id", "provider", "event_id", "type", "outcome", "received_at")
                .values(
                    SQLBind(rowID), SQLBind("stripe"), SQLBind(header.id), SQLBind(header.type),
                    SQLBind("received"), SQLBind(now)
                )
                .ignoringConflicts(with: ["provider", "event_id"])
                .returning("id").all()
            guard !inserted.isEmpty else { return "duplicate" }
            let outcome = try await apply(header, data: data, app: app, on: db)
            try await sql.update(PaymentEventModel.schema).set("outcome", to: SQLBind(outcome))
                .where("id", .equal, SQLBind(rowID)).run()
            return outcome
        }
    }

    static func apply(_ header: EventHeader, data: Data, app: Application, on db: any Database) async throws
        -> String
    {
        switch header.type {
        case "checkout.session.completed", "checkout.session.async_payment_succeeded":
            let session = try JSONDecoder().decode(EventBody<StripeClient.CheckoutSession>.self, from: data).data
                .object
            guard session.paymentStatus == "paid" else { return "awaiting-payment" }
            guard let reference = session.clientReferenceID, let id = UUID(uuidString: reference),
                let contribution = try await ContributionModel.find(id, on: db), contribution.provider == "stripe"
            else { return "unknown-contribution" }
            guard session.amountTotal == StripeClient.stripeAmount(contribution.amount),
                session.currency == contribution.currency.rawValue.lowercased()
            else {
                app.logger.error("stripe amount differs from the contribution", metadata: ["event": "\(header.id)"])
                return "amount-mismatch"
            }
            let paid = try await Funding.markPaid(
                contribution, providerReference: session.paymentIntent ?? session.id, app: app, on: db)
            return paid ? "applied" : "not-pending"
        case "charge.refunded":
            let charge = try JSONDecoder().decode(EventBody<Charge>.self, from: data).data.object
            guard let intent = charge.paymentIntent,
                let contribution = try await ContributionModel.query(on: db).filter(\.$provider == "stripe")
                    .filter(\.$providerReference == intent).first()
            else { return "unknown-contribution" }
            let total = StripeClient.minorUnits(charge.amountRefunded, of: contribution.currency)
            let result = try await Refunds.book(
                contribution, refundedTotal: total, provider: "stripe",
                reference: "charge:\(charge.id):\(charge.amountRefunded)", by: nil, app: app, on: db)
            return result.rawValue
        default:
            return "ignored"
        }
    }
}
