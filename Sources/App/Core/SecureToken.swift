import Crypto
import Foundation

/// Random URL-safe tokens for sessions, invitations and resets, and their stored hashes.
enum SecureToken {
    /// 32 random bytes, base64url without padding.
    static func make() -> String {
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Only this hash is stored, so a leaked table does not leak usable tokens.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }
}
