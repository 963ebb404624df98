import Foundation
import NIOConcurrencyHelpers
import Vapor

@testable import App

/// A local stand-in for Stripe's API servers (which cannot be reached from here), speaking the
/// documented shapes: form-encoded `POST /v1/checkout/sessions` and `POST /v1/refunds` with a
/// bearer secret key and `Idempotency-Key`, JSON objects back, `{"error": {…}}` on failure;
/// and webhook events (`checkout.session.completed`, `charge.refunded`) signed as Stripe signs
/// them (see `StripeSignature`, itself checked against the `stripe` Python package).
final class FakeStripe: Sendable {
    static let secretKey = "sk_test_mentore_fake"
    static let webhookSecret = "whsec_mentore_fake"

    struct Request: Sendable {
        var path: String
        var form: [String: String]
        var authorization: String?
        var idempotencyKey: String?
    }

    struct Session: Sendable {
        var id: String
        var form: [String: String]
        var amountTotal: Int
        var currency: String
        var paymentIntent: String
        var charge: String
        var refunded = 0
    }

    struct State: Sendable {
        var requests: [Request] = []
        var sessions: [String: Session] = [:]
        /// Answers already given per idempotency key (Stripe replays them for 24 hours).
        var replays: [String: String] = [:]
        /// While true, every API call answers 500 as an outage would.
        var down = false
    }

    let app: Application
    let port: Int
    let state = NIOLockedValueBox(State())
    /// Runs while a refund request waits for its answer: what happens at the platform while
    /// Stripe works on a refund.
    let whileRefunding = NIOLockedValueBox<(@Sendable () async throws -> Void)?>(nil)

    var base: String { "http://127.0.0.1:\(port)" }

    /// The environment that points the app under test at this server.
    var environment: [String: String] {
        [
            "PAYMENT_PROVIDERS": "stripe,bank-transfer,demo", "STRIPE_SECRET_KEY": Self.secretKey,
            "STRIPE_WEBHOOK_SECRET": Self.webhookSecret, "STRIPE_API_BASE": base,
        ]
    }

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    static func start() async throws -> FakeStripe {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        let box = NIOLockedValueBox<FakeStripe?>(nil)
        app.post("v1", "checkout", "sessions") { req async throws -> Response in
            try box.withLockedValue { $0! }.checkoutSession(req)
        }
        app.post("v1", "refunds") { req async throws -> Response in
            let fake = box.withLockedValue { $0! }
            if let work = fake.whileRefunding.withLockedValue({ $0 }) { try await work() }
            return try fake.refund(req)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else {
            throw Abort(.internalServerError, reason: "the fake Stripe server has no port")
        }
        let fake = FakeStripe(app: app, port: port)
        box.withLockedValue { $0 = fake }
        return fake
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    static func with(_ body: (FakeStripe) async throws -> Void) async throws {
        let fake = try await start()
        do {
            try await body(fake)
        } catch {
            try? await fake.stop()
            throw error
        }
        try await fake.stop()
    }

    var requests: [Request] { state.withLockedValue { $0.requests } }
    var sessions: [Session] { state.withLockedValue { Array($0.sessions.values) } }

    // MARK: The API

    private func checkoutSession(_ req: Vapor.Request) throws -> Response {
        try api(req) { form, state in
            for field in [
                "mode", "success_url", "cancel_url", "line_items[0][price_data][currency]",
                "line_items[0][price_data][unit_amount]", "line_items[0][quantity]",
                "line_items[0][price_data][product_data][name]",
            ] where (form[field] ?? "").isEmpty {
                return Self.error(
                    400, "invalid_request_error", "parameter_missing", "Missing required param: \(field).")
            }
            guard let unit = Int(form["line_items[0][price_data][unit_amount]"]!),
                let quantity = Int(form["line_items[0][quantity]"]!), unit > 0, quantity > 0
            else {
                return Self.error(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer.")
            }
            let id = "cs_test_" + Self.random()
            let session = Session(
                id: id, form: form, amountTotal: unit * quantity,
                currency: form["line_items[0][price_data][currency]"]!, paymentIntent: "pi_" + Self.random(),
                charge: "ch_" + Self.random())
            state.sessions[id] = session
            return (
                200,
                Self.json(
                    self.sessionObject(session, status: "open", paymentStatus: "unpaid", withIntent: false)
                        .merging(["url": "\(self.base)/c/pay/\(id)"]) { _, new in new })
            )
        }
    }

    private func refund(_ req: Vapor.Request) throws -> Response {
        try api(req) { form, state in
            guard let intent = form["payment_intent"],
                let key = state.sessions.first(where: { $0.value.paymentIntent == intent })?.key
            else {
                return Self.error(404, "invalid_request_error", "resource_missing", "No such payment_intent.")
            }
            let session = state.sessions[key]!
            let amount = form["amount"].flatMap(Int.init) ?? (session.amountTotal - session.refunded)
            guard amount > 0, amount <= session.amountTotal - session.refunded else {
                return Self.error(
                    400, "invalid_request_error", "amount_too_large", "Refund amount is greater than unrefunded amount."
                )
            }
            state.sessions[key]!.refunded += amount
            let refund: [String: Any] = [
                "id": "re_" + Self.random(), "object": "refund", "amount": amount, "charge": session.charge,
                "currency": session.currency, "payment_intent": intent, "status": "succeeded",
                "metadata": ["contribution_id": form["metadata[contribution_id]"] ?? ""],
            ]
            return (200, Self.json(refund))
        }
    }

    /// Authentication, idempotency replays and outages, around one endpoint.
    private func api(
        _ req: Vapor.Request, _ body: ([String: String], inout State) -> (Int, String)
    ) throws -> Response {
        let raw = req.body.string ?? ""
        let form = Self.parseForm(raw)
        let authorization = req.headers.first(name: .authorization)
        let key = req.headers.first(name: "Idempotency-Key")
        let (status, text): (Int, String) = state.withLockedValue { state in
            state.requests.append(
                Request(path: req.url.path, form: form, authorization: authorization, idempotencyKey: key))
            if state.down {
                return Self.error(500, "api_error", nil, "An unknown error occurred.")
            }
            guard authorization == "Bearer " + Self.secretKey else {
                return Self.error(401, "invalid_request_error", nil, "Invalid API Key provided.")
            }
            if let key, let replay = state.replays[req.url.path + " " + key] { return (200, replay) }
            let answer = body(form, &state)
            if let key, answer.0 == 200 { state.replays[req.url.path + " " + key] = answer.1 }
            return answer
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: HTTPStatus(statusCode: status), headers: headers, body: .init(string: text))
    }

    // MARK: Webhook events

    /// `checkout.session.completed` for a session, paid (or as `paymentStatus` says), with the
    /// body and the `Stripe-Signature` header to send.
    func completed(
        _ sessionID: String, paymentStatus: String = "paid", amountTotal: Int? = nil, eventID: String? = nil,
        signedAt: Date = Date()
    ) -> (body: String, signature: String) {
        var session = state.withLockedValue { $0.sessions[sessionID]! }
        if let amountTotal { session.amountTotal = amountTotal }
        let object = sessionObject(session, status: "complete", paymentStatus: paymentStatus, withIntent: true)
        return event(type: "checkout.session.completed", object: object, id: eventID, signedAt: signedAt)
    }

    /// `charge.refunded` for the charge of a session, with Stripe's cumulative `amount_refunded`.
    func chargeRefunded(_ sessionID: String, amountRefunded: Int? = nil) -> (body: String, signature: String) {
        let session = state.withLockedValue { $0.sessions[sessionID]! }
        let refunded = amountRefunded ?? session.refunded
        let charge: [String: Any] = [
            "id": session.charge, "object": "charge", "amount": session.amountTotal,
            "amount_captured": session.amountTotal, "amount_refunded": refunded, "currency": session.currency,
            "payment_intent": session.paymentIntent, "paid": true, "refunded": refunded == session.amountTotal,
            "status": "succeeded", "livemode": false, "metadata": [:] as [String: String],
        ]
        return event(type: "charge.refunded", object: charge, id: nil, signedAt: Date())
    }

    func event(type: String, object: [String: Any], id: String?, signedAt: Date) -> (body: String, signature: String) {
        let event: [String: Any] = [
            "id": id ?? "evt_" + Self.random(), "object": "event", "api_version": "2024-06-20",
            "created": Int(signedAt.timeIntervalSince1970), "livemode": false, "pending_webhooks": 1,
            "request": ["id": NSNull(), "idempotency_key": NSNull()], "type": type, "data": ["object": object],
        ]
        let body = Self.json(event)
        let header = StripeSignature.header(
            payload: Array(body.utf8), secrets: [Self.webhookSecret], timestamp: Int(signedAt.timeIntervalSince1970))
        return (body, header)
    }

    private func sessionObject(_ session: Session, status: String, paymentStatus: String, withIntent: Bool)
        -> [String: Any]
    {
        var metadata: [String: String] = [:]
        for (key, value) in session.form where key.hasPrefix("metadata[") {
            metadata[String(key.dropFirst("metadata[".count).dropLast())] = value
        }
        return [
            "id": session.id, "object": "checkout.session", "mode": "payment", "livemode": false,
            "amount_subtotal": session.amountTotal, "amount_total": session.amountTotal, "currency": session.currency,
            "client_reference_id": session.form["client_reference_id"] as Any? ?? NSNull(),
            "customer_email": session.form["customer_email"] as Any? ?? NSNull(), "metadata": metadata,
            "payment_intent": withIntent ? session.paymentIntent : NSNull(), "payment_status": paymentStatus,
            "status": status, "success_url": session.form["success_url"] ?? "",
            "cancel_url": session.form["cancel_url"] ?? "", "url": NSNull(),
            "locale": session.form["locale"] as Any? ?? NSNull(),
        ]
    }

    // MARK: Encoding

    static func parseForm(_ text: String) -> [String: String] {
        var form: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            form[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }

    static func error(_ status: Int, _ type: String, _ code: String?, _ message: String) -> (Int, String) {
        var body: [String: Any] = ["type": type, "message": message]
        if let code { body["code"] = code }
        return (status, json(["error": body]))
    }

    static func json(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func random() -> String {
        String((0..<24).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".randomElement()! })
    }
}
