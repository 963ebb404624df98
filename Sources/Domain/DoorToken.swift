import Foundation

/// The compact signed token a voucher's QR code carries for doors without a network
/// (ARCHITECTURE §5, offline): which voucher, what it may be used for, from when until when,
/// and which key signed it. A device verifies the Ed25519 signature with the public key it
/// downloaded (`GET /api/v1/door/keys`), so a token cannot be forged or altered offline.
///
/// Layout (version 1), then base64url without padding:
/// `01 | voucher id (16) | scope kind (1) | scope id (16) | not before (4) | expires (4) |
/// key id length (1) | key id (ASCII) | Ed25519 signature (64)` — integers big-endian Unix
/// seconds; the signature covers every byte before it.
public struct DoorToken: Sendable, Hashable {
    public enum Scope: UInt8, Sendable, Hashable {
        /// Open credit: any event (the server decides).
        case credit = 0
        case event = 1
        case circuit = 2
    }

    public static let version: UInt8 = 1
    public static let signatureLength = 64

    public var voucherID: UUID
    public var scope: Scope
    /// The event or circuit; nil for credit.
    public var scopeID: UUID?
    public var notBefore: Date
    public var expires: Date
    public var keyID: String

    public init(voucherID: UUID, scope: Scope, scopeID: UUID?, notBefore: Date, expires: Date, keyID: String) {
        self.voucherID = voucherID
        self.scope = scope
        self.scopeID = scopeID
        self.notBefore = notBefore
        self.expires = expires
        self.keyID = keyID
    }

    /// Why a token is refused; each is a stable reason code at the door.
    public enum Problem: String, Error, Sendable, Hashable {
        /// Not a token of this format (bad characters, length, version).
        case malformed = "token-malformed"
        /// Signed with a key the platform does not know (or no longer uses).
        case unknownKey = "token-unknown-key"
        /// The signature does not match: the token was altered or forged.
        case tampered = "token-tampered"
        case expired = "token-expired"
        case notYetValid = "token-not-yet-valid"
    }

    /// The bytes the signature covers.
    public var payload: [UInt8] {
        var bytes: [UInt8] = [Self.version]
        bytes += Self.bytes(of: voucherID)
        bytes.append(scope.rawValue)
        bytes += scopeID.map(Self.bytes(of:)) ?? [UInt8](repeating: 0, count: 16)
        bytes += Self.bigEndian(notBefore)
        bytes += Self.bigEndian(expires)
        let kid = Array(keyID.utf8.prefix(32))
        bytes.append(UInt8(kid.count))
        bytes += kid
        return bytes
    }

    /// The token as it travels: payload and signature, base64url.
    public func encoded(signature: [UInt8]) -> String {
        Base64URL.encode(payload + signature)
    }

    /// Reads a token (or a voucher URL carrying one after `#t=`) without checking its
    /// signature: returns the token, the signed bytes and the signature.
    public static func decode(_ text: String) throws(Problem) -> (
        token: DoorToken, payload: [UInt8], signature: [UInt8]
    ) {
        var raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let range = raw.range(of: "#t=") { raw = String(raw[range.upperBound...]) }
        guard raw.count <= 400, let bytes = Base64URL.decode(raw), bytes.count >= 43 + signatureLength,
            bytes[0] == version
        else { throw .malformed }
        let kidLength = Int(bytes[42])
        guard kidLength > 0, bytes.count == 43 + kidLength + signatureLength,
            let scope = Scope(rawValue: bytes[17]),
            let keyID = String(bytes: bytes[43..<(43 + kidLength)], encoding: .ascii)
        else { throw .malformed }
        let scopeBytes = Array(bytes[18..<34])
        let scopeID: UUID? = scopeBytes.allSatisfy { $0 == 0 } ? nil : uuid(scopeBytes)
        guard (scope == .credit) == (scopeID == nil) else { throw .malformed }
        let token = DoorToken(
            voucherID: uuid(Array(bytes[1..<17])), scope: scope, scopeID: scopeID,
            notBefore: date(Array(bytes[34..<38])), expires: date(Array(bytes[38..<42])), keyID: keyID)
        let end = 43 + kidLength
        return (token, Array(bytes[0..<end]), Array(bytes[end...]))
    }

    /// Whether `now` lies within the token's validity.
    public func check(at now: Date) throws(Problem) {
        if now < notBefore { throw .notYetValid }
        if now >= expires { throw .expired }
    }

    static func bytes(of id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid) { Array($0) }
    }

    static func uuid(_ b: [UInt8]) -> UUID {
        UUID(
            uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])
        )
    }

    static func bigEndian(_ date: Date) -> [UInt8] {
        let seconds = UInt32(clamping: Int64(date.timeIntervalSince1970.rounded(.down)))
        return [
            UInt8(seconds >> 24 & 0xFF), UInt8(seconds >> 16 & 0xFF), UInt8(seconds >> 8 & 0xFF), UInt8(seconds & 0xFF),
        ]
    }

    static func date(_ b: [UInt8]) -> Date {
        let seconds = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// Base64 with the URL's alphabet and no padding (RFC 4648 §5).
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard base64.count % 4 != 1 else { return nil }
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
