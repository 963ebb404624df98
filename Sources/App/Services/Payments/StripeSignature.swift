import Crypto
import Foundation

/// Stripe's webhook signatures: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`,
/// where each `v1` is HMAC-SHA256, keyed with the endpoint's signing secret, of
/// `"<t>.<raw request body>"`. Several `v1` values appear while a secret is being rolled;
/// one matching is enough. Other schemes (`v0`) are ignored. A timestamp older than the
/// tolerance (5 minutes) is refused, as Stripe's libraries do, so a captured request cannot
/// be replayed later.
public enum StripeSignature {
    public enum Failure: Error, Sendable, Equatable {
        /// No `t=` with a whole number in the header.
        case malformedHeader
        /// No `v1` signature at all.
        case noSignature
        /// No `v1` signature matches the payload and secret.
        case mismatch
        /// Signed too long ago.
        case stale
    }

    public static let tolerance: TimeInterval = 300

    /// The hex HMAC-SHA256 of `"<timestamp>.<payload>"`.
    public static func signature(payload: some Collection<UInt8>, secret: String, timestamp: Int) -> String {
        var message = Array("\(timestamp).".utf8)
        message.append(contentsOf: payload)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8)))
        return code.hexString
    }

    /// A header as Stripe sends it: the timestamp, then a `v1` per secret (old and new while
    /// rolling a secret).
    public static func header(payload: some Collection<UInt8>, secrets: [String], timestamp: Int) -> String {
        (["t=\(timestamp)"] + secrets.map { "v1=" + signature(payload: payload, secret: $0, timestamp: timestamp) })
            .joined(separator: ",")
    }

    /// Checks `header` against the raw body; returns the signed timestamp.
    @discardableResult
    public static func verify(
        payload: some Collection<UInt8>, header: String, secret: String, now: Date,
        tolerance: TimeInterval = tolerance
    ) throws(Failure) -> Int {
        var timestamp: Int?
        var signatures: [String] = []
        // Read as Stripe's own libraries read it: comma-separated `key=value` items, no trimming.
        for item in header.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { continue }
            if parts[0] == "t", timestamp == nil { timestamp = Int(parts[1]) ?? -1 }
            if parts[0] == "v1" { signatures.append(String(parts[1])) }
        }
        guard let timestamp, timestamp >= 0 else { throw .malformedHeader }
        guard !signatures.isEmpty else { throw .noSignature }
        let expected = Array(signature(payload: payload, secret: secret, timestamp: timestamp).utf8)
        var matched = false
        for candidate in signatures where constantTimeEqual(Array(candidate.utf8), expected) { matched = true }
        guard matched else { throw .mismatch }
        guard Double(timestamp) >= now.timeIntervalSince1970 - tolerance else { throw .stale }
        return timestamp
    }

    static func constantTimeEqual(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
