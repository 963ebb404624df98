import AsyncHTTPClient
import Domain
import Foundation
import NIOCore
import NIOHTTP1

/// The two calls Mentore makes to Stripe's REST API (form-encoded requests, JSON answers,
/// `Authorization: Bearer <secret key>`, an `Idempotency-Key` on every write so that a retry
/// after a lost answer gets the first result instead of a second session or refund).
struct StripeClient: Sendable {
    let base: String
    let secretKey: String
    let http: HTTPClient
    let timeout: TimeAmount = .seconds(20)

    /// What Stripe answered with an error: its `error.type`, `error.code` and message (for the
    /// log; people see a localized sentence).
    struct Failure: Error, CustomStringConvertible {
        var status: Int
        var type: String?
        var code: String?
        var message: String?
        var description: String {
            "Stripe \(status) \(type ?? "-") \(code ?? "-"): \(message ?? "")"
        }
    }

    struct CheckoutSession: Decodable, Sendable {
        var id: String
        var url: String?
        var status: String?
        var paymentStatus: String?
        var paymentIntent: String?
        var clientReferenceID: String?
        var amountTotal: Int?
        var currency: String?

        enum CodingKeys: String, CodingKey {
            case id, url, status, currency
            case paymentStatus = "payment_status"
            case paymentIntent = "payment_intent"
            case clientReferenceID = "client_reference_id"
            case amountTotal = "amount_total"
        }
    }

    struct Refund: Decodable, Sendable {
        var id: String
        var amount: Int
        var status: String?
        var charge: String?
    }

    /// Amounts as Stripe counts them: the lek is a two-decimal currency for Stripe even though
    /// it has no coins in use, so lekë go ×100.
    static func stripeAmount(_ money: Money) -> Int {
        money.currency.minorUnits == 0 ? money.minor * 100 : money.minor
    }

    /// The inverse of `stripeAmount`: Stripe's integer amount in our minor units.
    static func minorUnits(_ stripeAmount: Int, of currency: Currency) -> Int {
        currency.minorUnits == 0 ? stripeAmount / 100 : stripeAmount
    }

    /// A Checkout Session in payment mode for one contribution.
    func createCheckoutSession(
        contribution: ContributionModelSnapshot, productName: String, successURL: String, cancelURL: String,
        locale: String, email: String?
    ) async throws -> CheckoutSession {
        var form: [(String, String)] = [
            ("mode", "payment"),
            ("success_url", successURL),
            ("cancel_url", cancelURL),
            ("client_reference_id", contribution.id.uuidString.lowercased()),
            ("metadata[contribution_id]", contribution.id.uuidString.lowercased()),
            ("payment_intent_data[metadata][contribution_id]", contribution.id.uuidString.lowercased()),
            ("line_items[0][price_data][currency]", contribution.currency.rawValue.lowercased()),
            ("line_items[0][price_data][product_data][name]", productName),
            ("line_items[0][price_data][unit_amount]", String(Self.stripeAmount(contribution.unitPrice))),
            ("line_items[0][quantity]", String(contribution.quantity)),
            ("locale", locale),
        ]
        if let email { form.append(("customer_email", email)) }
        return try await post(
            "/v1/checkout/sessions", form: form, idempotencyKey: "mentore-checkout-\(contribution.id.uuidString)")
    }

    /// Gives `amount` of a paid contribution back to the card it came from.
    func createRefund(paymentIntent: String, amount: Money, contributionID: UUID, sequence: Int) async throws
        -> Refund
    {
        try await post(
            "/v1/refunds",
            form: [
                ("payment_intent", paymentIntent),
                ("amount", String(Self.stripeAmount(amount))),
                ("metadata[contribution_id]", contributionID.uuidString.lowercased()),
            ],
            idempotencyKey: "mentore-refund-\(contributionID.uuidString)-\(sequence)")
    }

    private func post<T: Decodable>(_ path: String, form: [(String, String)], idempotencyKey: String) async throws
        -> T
    {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer " + secretKey)
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Idempotency-Key", value: idempotencyKey)
        request.body = .bytes(ByteBuffer(string: Self.formEncode(form)))
        let response = try await http.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 1 << 20)
        let data = Data(buffer: body)
        guard (200..<300).contains(response.status.code) else {
            let error = try? JSONDecoder().decode(ErrorEnvelope.self, from: data).error
            throw Failure(
                status: Int(response.status.code), type: error?.type, code: error?.code, message: error?.message)
        }
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Stripe's error answer: `{"error": {"type", "code", "message", …}}`.
    struct ErrorEnvelope: Decodable {
        struct Body: Decodable {
            var type: String?
            var code: String?
            var message: String?
        }
        var error: Body
    }

    /// `application/x-www-form-urlencoded`, brackets and all escaped.
    static func formEncode(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func escape(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }
        return pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }
}

/// What a checkout needs of a contribution, read before leaving the database.
struct ContributionModelSnapshot: Sendable {
    var id: UUID
    var currency: Currency
    /// The price of one line: a place, or the whole amount.
    var unitPrice: Money
    var quantity: Int
}
