import Domain
import Fluent
import Foundation
import NIOHTTP1
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("Card payments through Stripe: checkout, signed webhooks, refunds")
struct StripeTests {
    static let webhook = SiteRoute.stripeWebhook.path

    /// Posts a webhook delivery as Stripe would: raw JSON body and `Stripe-Signature`.
    static func deliver(_ app: Application, body: String, signature: String?) async throws -> (HTTPStatus, String) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let signature { headers.add(name: "Stripe-Signature", value: signature) }
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, webhook, headers: headers, body: ByteBuffer(string: body)) { response in
            result = (response.status, response.body.string)
        }
        return result
    }

    /// A signed-up mentor's card contribution of `places` places at the web-marketing course.
    static func startCheckout(
        _ app: Application, _ stripe: FakeStripe, email: String, places: Int = 2, key: String = UUID().uuidString
    ) async throws -> (browser: TestBrowser, contribution: ContributionModel, location: String?) {
        let browser = TestBrowser(app, acceptLanguage: "it")
        try await browser.signUp(email)
        _ = try await browser.get(FundingTests.webMarketing)
        let sent = try await browser.post(
            FundingTests.webMarketing + "/contributions",
            FundingTests.contribution(
                [("kind", "places"), ("places", "\(places)"), ("currency", "EUR"), ("provider", "stripe")], key: key))
        let contribution = try #require(
            try await ContributionModel.query(on: app.db).filter(\.$idempotencyKey == key).first())
        return (browser, contribution, sent.location)
    }

    @Test("signatures: one matching v1 among several passes; wrong, missing, malformed and stale ones fail")
    func signatures() throws {
        let body = Array(#"{"id":"evt_1","type":"checkout.session.completed"}"#.utf8)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let t = 1_800_000_000 - 10
        let good = StripeSignature.header(payload: body, secrets: ["whsec_old", "whsec_new"], timestamp: t)
        #expect(try StripeSignature.verify(payload: body, header: good, secret: "whsec_new", now: now) == t)
        #expect(try StripeSignature.verify(payload: body, header: good, secret: "whsec_old", now: now) == t)
        #expect(throws: StripeSignature.Failure.mismatch) {
            try StripeSignature.verify(payload: body, header: good, secret: "whsec_other", now: now)
        }
        #expect(throws: StripeSignature.Failure.mismatch) {
            try StripeSignature.verify(payload: body + [32], header: good, secret: "whsec_new", now: now)
        }
        #expect(throws: StripeSignature.Failure.noSignature) {
            try StripeSignature.verify(payload: body, header: "t=\(t),v0=abc", secret: "whsec_new", now: now)
        }
        #expect(throws: StripeSignature.Failure.malformedHeader) {
            try StripeSignature.verify(payload: body, header: "v1=abc", secret: "whsec_new", now: now)
        }
        let old = StripeSignature.header(payload: body, secrets: ["whsec_new"], timestamp: t - 301)
        #expect(throws: StripeSignature.Failure.stale) {
            try StripeSignature.verify(payload: body, header: old, secret: "whsec_new", now: now)
        }
        // HMAC-SHA256 keyed with the secret over "t.payload", in hex (Python's hmac agrees).
        #expect(
            StripeSignature.signature(payload: Array("payload".utf8), secret: "secret", timestamp: 1)
                == "0cb97d5610dee9645ed2ef52bff5370e436d4414b426199dc8c9aacc001d6c14")
    }

    /// Signed examples for Tests/Tools/test_stripe_signatures.py, which checks them with the
    /// `stripe` package's own `WebhookSignature.verify_header` (written when
    /// `STRIPE_SIGNATURE_FIXTURES` names a directory, as `make test` does).
    static let fixtureDirectory = ProcessInfo.processInfo.environment["STRIPE_SIGNATURE_FIXTURES"]

    @Test(
        "signed examples are written for the stripe package to verify",
        .enabled(if: fixtureDirectory != nil, "STRIPE_SIGNATURE_FIXTURES names no directory"))
    func signatureFixtures() throws {
        let directory = try #require(Self.fixtureDirectory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let now = Int(Date().timeIntervalSince1970)
        let checkedAt = Date(timeIntervalSince1970: Double(now))
        let payloads = [
            #"{"id":"evt_fixture_1","object":"event","type":"checkout.session.completed"}"#,
            #"{"id":"evt_fixture_2","data":{"object":{"name":"Shkodër — artigiane, 12,50 €"}}}"#,
            "{\n  \"id\": \"evt_fixture_3\"\n}\n",
        ]
        var cases: [[String: Any]] = []
        for (index, payload) in payloads.enumerated() {
            let bytes = Array(payload.utf8)
            let secrets = index == 1 ? ["whsec_rolled_old", "whsec_fixture"] : ["whsec_fixture"]
            let header = StripeSignature.header(payload: bytes, secrets: secrets, timestamp: now)
            for (secret, tolerance) in [("whsec_fixture", 300), ("whsec_wrong", 300)] {
                let valid =
                    (try? StripeSignature.verify(
                        payload: bytes, header: header, secret: secret, now: checkedAt, tolerance: Double(tolerance)))
                    != nil
                cases.append([
                    "payload": payload, "header": header, "secret": secret, "tolerance": tolerance, "valid": valid,
                ])
            }
        }
        let stale = StripeSignature.header(payload: Array(payloads[0].utf8), secrets: ["whsec_fixture"], timestamp: 1)
        cases.append([
            "payload": payloads[0], "header": stale, "secret": "whsec_fixture", "tolerance": 300,
            "valid":
                (try? StripeSignature.verify(
                    payload: Array(payloads[0].utf8), header: stale, secret: "whsec_fixture", now: checkedAt)) != nil,
        ])
        #expect(cases.filter { $0["valid"] as? Bool == true }.count == 3)
        // The verdicts hold at `checked_at`: the Python check sets its clock there.
        let fixture: [String: Any] = ["checked_at": now, "cases": cases]
        let data = try JSONSerialization.data(withJSONObject: fixture, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent("signatures.json"))
    }

    @Test("a card contribution goes to Stripe's checkout; the signed webhook pays it once, however often it comes")
    func checkoutAndWebhook() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let key = UUID().uuidString
                let (browser, contribution, location) = try await Self.startCheckout(
                    app, stripe, email: "carta@example.org", key: key)
                let session = try #require(stripe.sessions.first)
                #expect(location == "\(stripe.base)/c/pay/\(session.id)")
                let request = try #require(stripe.requests.first)
                #expect(request.path == "/v1/checkout/sessions")
                #expect(request.authorization == "Bearer " + FakeStripe.secretKey)
                #expect(request.form["mode"] == "payment")
                #expect(request.form["line_items[0][price_data][currency]"] == "eur")
                #expect(request.form["line_items[0][price_data][unit_amount]"] == "4000")
                #expect(request.form["line_items[0][quantity]"] == "2")
                #expect(request.form["client_reference_id"] == contribution.id!.uuidString.lowercased())
                #expect(request.form["locale"] == "it")
                #expect(request.form["customer_email"] == "carta@example.org")
                #expect(request.idempotencyKey?.contains(contribution.id!.uuidString) == true)
                #expect(contribution.status == .pending)

                // Submitting the same form again goes back to the same checkout, without a new session.
                let again = try await browser.post(
                    FundingTests.webMarketing + "/contributions",
                    FundingTests.contribution(
                        [("kind", "places"), ("places", "2"), ("currency", "EUR"), ("provider", "stripe")], key: key))
                #expect(again.location == location)
                #expect(stripe.sessions.count == 1)

                // Back from Stripe before the webhook: being confirmed, nothing issued yet.
                let back = try await browser.get(
                    SiteRoute.contribution(.value(contribution.id!)).path + "?checkout=done")
                #expect(back.shows("il pagamento è in fase di conferma"))
                #expect(
                    try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.id!).count()
                        == 0)

                let (body, signature) = stripe.completed(session.id)
                let first = try await Self.deliver(app, body: body, signature: signature)
                #expect(first.0 == .ok)
                #expect(first.1.contains("\"applied\""))
                let second = try await Self.deliver(app, body: body, signature: signature)
                #expect(second.0 == .ok)
                #expect(second.1.contains("\"duplicate\""))

                let paid = try #require(try await ContributionModel.find(contribution.id, on: app.db))
                #expect(paid.status == .paid)
                #expect(paid.providerReference == stripe.sessions.first?.paymentIntent)
                #expect(try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == paid.id!).count() == 2)
                #expect(try await PaymentEventModel.query(on: app.db).count() == 1)
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }

    @Test("20 concurrent deliveries of one webhook event make one paid contribution and one set of vouchers")
    func concurrentDeliveries() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let (_, contribution, _) = try await Self.startCheckout(
                    app, stripe, email: "venti@example.org", places: 3)
                let session = try #require(stripe.sessions.first)
                let (body, signature) = stripe.completed(session.id)
                let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            let (status, text) = try await Self.deliver(app, body: body, signature: signature)
                            #expect(status == .ok)
                            return text
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.filter { $0.contains("\"applied\"") }.count == 1)
                #expect(outcomes.filter { $0.contains("\"duplicate\"") }.count == 19)
                let id = try contribution.requireID()
                #expect(try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == id).count() == 3)
                #expect(try await ContributionModel.find(id, on: app.db)?.status == .paid)
                let sql = app.db as! any SQLDatabase
                let payments = try await sql.raw(
                    "SELECT COUNT(*) AS n FROM ledger_transactions WHERE kind = 'payment' AND reference = \(bind: "contribution:" + id.uuidString.lowercased())"
                ).first()?.decode(column: "n", as: Int.self)
                #expect(payments == 1)
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }

    @Test("a bad, missing, stale or foreign signature is refused with 400 and changes nothing")
    func badSignatures() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let (_, contribution, _) = try await Self.startCheckout(app, stripe, email: "firma@example.org")
                let session = try #require(stripe.sessions.first)
                let (body, signature) = stripe.completed(session.id)
                let stale = stripe.completed(session.id, signedAt: Date().addingTimeInterval(-301))
                let foreign = StripeSignature.header(
                    payload: Array(body.utf8), secrets: ["whsec_someone_else"],
                    timestamp: Int(Date().timeIntervalSince1970))
                for (payload, header) in [
                    (body, nil), (body, "t=1,v1=00"), (body + " ", signature), (stale.body, stale.signature),
                    (body, foreign), (body, "garbage"),
                ] as [(String, String?)] {
                    let (status, text) = try await Self.deliver(app, body: payload, signature: header)
                    #expect(status == .badRequest, "\(header ?? "no header")")
                    #expect(text.contains("signature-invalid"))
                }
                #expect(try await ContributionModel.find(contribution.id, on: app.db)?.status == .pending)
                #expect(try await PaymentEventModel.query(on: app.db).count() == 0)
                #expect(
                    try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.id!).count()
                        == 0)
            }
        }
    }

    @Test("a paid session whose amount differs, or that is not paid yet, does not pay the contribution")
    func mismatchAndUnpaid() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let (_, contribution, _) = try await Self.startCheckout(app, stripe, email: "importo@example.org")
                let session = try #require(stripe.sessions.first)
                let wrong = stripe.completed(session.id, amountTotal: 100)
                #expect(
                    try await Self.deliver(app, body: wrong.body, signature: wrong.signature).1.contains(
                        "amount-mismatch"))
                let unpaid = stripe.completed(session.id, paymentStatus: "unpaid")
                #expect(
                    try await Self.deliver(app, body: unpaid.body, signature: unpaid.signature).1.contains(
                        "awaiting-payment"))
                #expect(try await ContributionModel.find(contribution.id, on: app.db)?.status == .pending)
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }

    @Test("when Stripe is down the mentor is told, nothing is charged, and a retry works")
    func outage() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                stripe.state.withLockedValue { $0.down = true }
                let browser = TestBrowser(app, acceptLanguage: "en")
                try await browser.signUp("down@example.org")
                _ = try await browser.get(FundingTests.webMarketing)
                let key = UUID().uuidString
                let form = FundingTests.contribution(
                    [("kind", "places"), ("places", "1"), ("currency", "EUR"), ("provider", "stripe")], key: key)
                let page = try await browser.post(FundingTests.webMarketing + "/contributions", form)
                #expect(page.status == .badGateway)
                #expect(page.shows("The payment service did not answer: nothing was charged."))
                stripe.state.withLockedValue { $0.down = false }
                let retry = try await browser.post(FundingTests.webMarketing + "/contributions", form)
                #expect(retry.status == .seeOther)
                #expect(retry.location?.hasPrefix(stripe.base) == true)
                #expect(try await ContributionModel.query(on: app.db).filter(\.$idempotencyKey == key).count() == 1)
            }
        }
    }

    @Test(
        "an admin refunds the unspent value through Stripe's API; the charge.refunded webhook then books nothing more")
    func refundThroughStripe() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let (_, contribution, _) = try await Self.startCheckout(
                    app, stripe, email: "rimborso@example.org", places: 3)
                let session = try #require(stripe.sessions.first)
                let paid = stripe.completed(session.id)
                _ = try await Self.deliver(app, body: paid.body, signature: paid.signature)
                let id = try contribution.requireID()
                let vouchers = try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == id).sort(\.$code)
                    .all()
                // One voucher was given to someone: it stays; the other two go back.
                try await VoucherModel.query(on: app.db).set(\.$status, to: .nominated)
                    .filter(\.$id == vouchers[0].id!).update()

                // The demo admin reads Italian (their own preference wins over the browser's).
                let admin = TestBrowser(app, acceptLanguage: "en")
                _ = try await admin.login("admin@mentore.test")
                let form = try await admin.get(SiteRoute.adminContributionRefund(.value(id)).path)
                #expect(form.shows("Ora possono tornare al mentore 80,00\u{A0}€"))
                #expect(form.body.contains("<button type=\"submit\" class=\"button\""))
                let done = try await admin.post(SiteRoute.adminContributionRefund(.value(id)).path, [])
                #expect(done.status == .ok)
                #expect(done.shows("Rimborsati 80,00\u{A0}€."))
                #expect(!done.body.contains("<button type=\"submit\" class=\"button\""))
                let refundCall = try #require(stripe.requests.last)
                #expect(refundCall.path == "/v1/refunds")
                #expect(refundCall.form["amount"] == "8000")
                #expect(refundCall.form["payment_intent"] == session.paymentIntent)

                let after = try #require(try await ContributionModel.find(id, on: app.db))
                #expect(after.refundedMinor == 8000)
                #expect(after.status == .paid)
                let statuses = try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == id).all()
                    .map(\.status)
                #expect(statuses.filter { $0 == .cancelled }.count == 2)
                #expect(statuses.filter { $0 == .nominated }.count == 1)

                let webhook = stripe.chargeRefunded(session.id)
                let answer = try await Self.deliver(app, body: webhook.body, signature: webhook.signature)
                #expect(answer.1.contains("already-booked"))
                #expect(try await RefundModel.query(on: app.db).count() == 1)

                // Nothing is left: asking again is refused and changes nothing.
                let again = try await admin.post(SiteRoute.adminContributionRefund(.value(id)).path, [])
                #expect(again.status == .conflict)
                #expect(again.shows("Di questo contributo non resta nulla da rimborsare."))
                #expect(try await RefundModel.query(on: app.db).count() == 1)
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }

    @Test("a refund made in Stripe's dashboard arrives by webhook and takes back unheld vouchers")
    func refundFromDashboard() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let (_, contribution, _) = try await Self.startCheckout(app, stripe, email: "cruscotto@example.org")
                let session = try #require(stripe.sessions.first)
                let paid = stripe.completed(session.id)
                _ = try await Self.deliver(app, body: paid.body, signature: paid.signature)
                let event = stripe.chargeRefunded(session.id, amountRefunded: 8000)
                let answer = try await Self.deliver(app, body: event.body, signature: event.signature)
                #expect(answer.1.contains("\"applied\""))
                let after = try #require(try await ContributionModel.find(contribution.id, on: app.db))
                #expect(after.status == .refunded)
                #expect(after.refundedMinor == 8000)
                let statuses = try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == after.id!).all()
                    .map(\.status)
                #expect(statuses == [.cancelled, .cancelled])
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }
}
