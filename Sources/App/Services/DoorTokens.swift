import Crypto
import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Signed offline tokens for the voucher QR (`DoorToken`): signed with the platform's door key,
/// verified by devices with its public key (`GET /api/v1/door/keys`) and by the server when a
/// device sends `signed_token` instead of the code.
///
/// One platform key rather than one per organizer: a circuit voucher is used at several
/// organizers' doors and its QR carries one token; what it may be used for is in the token's
/// scope, and each device checks that scope against its own session.
enum DoorTokens {
    static let keyName = "door-ed25519"

    static func privateKey(app: Application, on db: any Database) async throws -> Curve25519.Signing.PrivateKey {
        try await Certificates.signingKey(named: keyName, app: app, on: db)
    }

    /// The key's id: the first 8 characters of the base64url SHA-256 of the public key.
    static func keyID(_ key: Curve25519.Signing.PublicKey) -> String {
        String(Base64URL.encode(Array(SHA256.hash(data: key.rawRepresentation))).prefix(8))
    }

    /// The token for a voucher: its id, scope, and validity until it expires.
    static func token(for voucher: VoucherModel, app: Application, on db: any Database) async throws -> String {
        let key = try await privateKey(app: app, on: db)
        let scope: DoorToken.Scope =
            switch voucher.scope {
            case .event: .event
            case .circuit: .circuit
            case .credit: .credit
            }
        let token = DoorToken(
            voucherID: try voucher.requireID(), scope: scope, scopeID: scope == .credit ? nil : voucher.scopeID,
            notBefore: voucher.createdAt ?? app.mentore.now(), expires: voucher.expiresAt,
            keyID: keyID(key.publicKey))
        return token.encoded(signature: Array(try key.signature(for: token.payload)))
    }

    /// The voucher's URL as its QR code holds it: the address, then the token after `#t=` (a
    /// fragment: browsers never send it, devices read it).
    static func qrURL(for voucher: VoucherModel, app: Application, on db: any Database) async throws -> String {
        app.mentore.config.siteURL + SiteRoute.voucher(.value(voucher.code)).path + "#t="
            + (try await token(for: voucher, app: app, on: db))
    }

    /// Checks a token's form, key, signature and validity at `now`.
    static func verify(_ text: String, at now: Date, app: Application, on db: any Database) async throws -> DoorToken {
        try verify(text, at: now, key: try await privateKey(app: app, on: db).publicKey)
    }

    /// The signing key's public half if it was made (a token shown to anyone was signed with
    /// it), read without making it: the door reads it once for a batch of scans, inside the
    /// batch's write transaction, where making it would need a transaction of its own.
    static func existingPublicKey(on db: any Database) async throws -> Curve25519.Signing.PublicKey? {
        guard let row = try await SigningKeyModel.query(on: db).filter(\.$name == keyName).first(),
            let data = Data(base64Encoded: row.privateKey)
        else { return nil }
        return try Curve25519.Signing.PrivateKey(rawRepresentation: data).publicKey
    }

    /// Checks a token's form, key (`nil`: none made yet), signature and validity at `now`.
    static func verify(_ text: String, at now: Date, key: Curve25519.Signing.PublicKey?) throws -> DoorToken {
        let decoded: (token: DoorToken, payload: [UInt8], signature: [UInt8])
        do {
            decoded = try DoorToken.decode(text)
        } catch {
            throw DomainError(error.code)
        }
        guard let key, decoded.token.keyID == keyID(key) else { throw DomainError(.tokenUnknownKey) }
        guard key.isValidSignature(Data(decoded.signature), for: Data(decoded.payload)) else {
            throw DomainError(.tokenTampered)
        }
        do {
            try decoded.token.check(at: now)
        } catch {
            throw DomainError(error.code)
        }
        return decoded.token
    }

    /// The public keys as a JSON Web Key Set (RFC 8037: `OKP`, `Ed25519`).
    struct KeySet: Encodable {
        struct Key: Encodable {
            var kty = "OKP"
            var crv = "Ed25519"
            var alg = "EdDSA"
            var use = "sig"
            var kid: String
            var x: String
        }

        var keys: [Key]
    }

    static func keySet(app: Application, on db: any Database) async throws -> KeySet {
        let key = try await privateKey(app: app, on: db).publicKey
        return KeySet(keys: [.init(kid: keyID(key), x: Base64URL.encode(Array(key.rawRepresentation)))])
    }
}

extension DoorToken.Problem {
    var code: DomainError.Code {
        switch self {
        case .malformed: .tokenMalformed
        case .unknownKey: .tokenUnknownKey
        case .tampered: .tokenTampered
        case .expired: .tokenExpired
        case .notYetValid: .tokenNotYetValid
        }
    }
}
