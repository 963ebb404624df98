import Crypto
import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Signed offline tokens in the voucher QR, and scans sent later with their time")
struct DoorTokenTests {
    typealias Client = APITests.Client

    static func scan(token: String, session: UUID, nonce: String, scannedAt: String? = nil) -> String {
        let time = scannedAt.map { #","scanned_at":"\#($0)""# } ?? ""
        return #"{"signed_token":"\#(token)","session_id":"\#(session.api)","nonce":"\#(nonce)"\#(time)}"#
    }

    /// A token for `voucher` with other fields, signed by `key` (the platform's unless given).
    static func forged(
        _ voucher: VoucherModel, app: Application, key: Curve25519.Signing.PrivateKey? = nil, keyID: String? = nil,
        notBefore: Date, expires: Date
    ) async throws -> String {
        let platform = try await DoorTokens.privateKey(app: app, on: app.db)
        let signer = key ?? platform
        let token = DoorToken(
            voucherID: try voucher.requireID(), scope: .circuit, scopeID: voucher.scopeID, notBefore: notBefore,
            expires: expires, keyID: keyID ?? DoorTokens.keyID(platform.publicKey))
        return token.encoded(signature: Array(try signer.signature(for: token.payload)))
    }

    @Test("a device verifies the QR's token with the downloaded key and admits by it; bad tokens are refused")
    func signedTokens() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let door = Client(app, token: try await DoorTests.device(app), language: "en")
            let path = SiteRoute.apiRedemptions.path

            // The QR's URL: the voucher's address, and the token after #t=.
            let url = try await DoorTokens.qrURL(for: voucher, app: app, on: app.db)
            let token = try #require(url.components(separatedBy: "#t=").last)
            #expect(url.hasPrefix(app.mentore.config.siteURL + "/v/" + voucher.code + "#t="))
            #expect(token.count < 200, "small enough for a readable QR code")

            // A device checks it offline with the key set.
            #expect(try await Client(app, token: nil).call(.GET, SiteRoute.apiDoorKeys.path).status == .unauthorized)
            let keys = try Fixtures.json(try await door.call(.GET, SiteRoute.apiDoorKeys.path))
            let jwk = try #require((keys["keys"] as? [[String: Any]])?.first)
            #expect(jwk["kty"] as? String == "OKP" && jwk["crv"] as? String == "Ed25519")
            let x = try #require(jwk["x"] as? String)
            let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: try #require(Base64URL.decode(x)))
            let decoded = try DoorToken.decode(token)
            #expect(decoded.token.keyID == jwk["kid"] as? String)
            #expect(publicKey.isValidSignature(Data(decoded.signature), for: Data(decoded.payload)))
            #expect(decoded.token.voucherID == voucher.id && decoded.token.scope == .circuit)
            #expect(
                decoded.token.expires
                    == Date(timeIntervalSince1970: voucher.expiresAt.timeIntervalSince1970.rounded(.down)))

            // Refusals, each with its reason, nothing admitted.
            var tampered = Base64URL.decode(token)!
            tampered[40] ^= 0x01  // a later expiry
            let day = session.startsAt
            let cases: [(String, String)] = [
                ("not-a-token", "token-malformed"),
                (Base64URL.encode(tampered), "token-tampered"),
                (
                    try await Self.forged(
                        voucher, app: app, key: Curve25519.Signing.PrivateKey(), keyID: "elsewhere",
                        notBefore: day.addingTimeInterval(-86400), expires: day.addingTimeInterval(86400)),
                    "token-unknown-key"
                ),
                (
                    try await Self.forged(
                        voucher, app: app, key: Curve25519.Signing.PrivateKey(),
                        notBefore: day.addingTimeInterval(-86400), expires: day.addingTimeInterval(86400)),
                    "token-tampered"
                ),
                (
                    try await Self.forged(
                        voucher, app: app, notBefore: day.addingTimeInterval(-86400), expires: day),
                    "token-expired"
                ),
                (
                    try await Self.forged(
                        voucher, app: app, notBefore: day.addingTimeInterval(3600),
                        expires: day.addingTimeInterval(86400)),
                    "token-not-yet-valid"
                ),
            ]
            for (text, reason) in cases {
                let answer = try Fixtures.json(
                    try await door.call(
                        .POST, path, json: Self.scan(token: text, session: sessionID, nonce: UUID().uuidString)))
                #expect(answer["result"] as? String == "refused" && answer["reason"] as? String == reason, "\(reason)")
                #expect((answer["message"] as? String)?.isEmpty == false)
            }
            #expect(try await RedemptionModel.query(on: app.db).count() == 0)

            // The code and the token at once: refused as a bad request.
            let both = try await door.call(
                .POST, path,
                json:
                    #"{"code":"\#(voucher.code)","signed_token":"\#(token)","session_id":"\#(sessionID.api)","nonce":"x"}"#
            )
            #expect(both.status == .unprocessableEntity)

            // The genuine token admits; the code is then already used.
            let admitted = try Fixtures.json(
                try await door.call(.POST, path, json: Self.scan(token: token, session: sessionID, nonce: "ok")))
            #expect(admitted["result"] as? String == "admitted")
            #expect((admitted["redemption"] as? [String: Any])?["voucher_id"] as? String == voucher.id?.api)
            let again = try Fixtures.json(
                try await door.call(
                    .POST, path, json: DoorTests.scan(code: voucher.code, session: sessionID, nonce: "2")))
            #expect(again["result"] as? String == "already_used")
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("a scan queued offline is judged at its scan time: the day and validity then, not at sync")
    func scannedAt() async throws {
        let (clock, now) = Fixtures.clock()
        // A week's window here (a day is the default): synced the next day, a day and more later.
        try await withApp(environment: ["DOOR_SCAN_MAX_AGE_HOURS": "168"], now: now, seed: true) { app async throws in
            let (voucher, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            let door = Client(app, token: try await DoorTests.device(app), language: "en")
            let path = SiteRoute.apiRedemptions.path
            let scanned = session.startsAt.addingTimeInterval(120)
            // Synced the next day: the scan happened on the session's day.
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(86400 + 3600) }
            func body(_ time: Date?, nonce: String) -> String {
                let at = time.map { #","scanned_at":"\#($0.formatted(.iso8601))""# } ?? ""
                return #"{"code":"\#(voucher.code)","session_id":"\#(sessionID.api)","nonce":"\#(nonce)"\#(at)}"#
            }
            // Without its time, it is not today any more.
            let late = try Fixtures.json(try await door.call(.POST, path, json: body(nil, nonce: "a")))
            #expect(late["reason"] as? String == "session-not-today")
            // A time in the future, or more than a week old: refused as a bad request.
            for bad in [now().addingTimeInterval(3600), now().addingTimeInterval(-8 * 86400)] {
                let refused = try await door.call(.POST, path, json: body(bad, nonce: UUID().uuidString))
                #expect(refused.status == .unprocessableEntity)
                #expect(try Fixtures.error(refused).code == "scan-time-invalid")
            }
            let garbled = try await door.call(
                .POST, path,
                json:
                    #"{"code":"\#(voucher.code)","session_id":"\#(sessionID.api)","nonce":"g","scanned_at":"yesterday"}"#
            )
            #expect(try Fixtures.error(garbled).code == "invalid-date")

            let synced = try Fixtures.json(try await door.call(.POST, path, json: body(scanned, nonce: "b")))
            #expect(synced["result"] as? String == "admitted")
            let redemption = try #require(try await RedemptionModel.query(on: app.db).first())
            #expect(redemption.scannedAt.map { abs($0.timeIntervalSince(scanned)) < 1 } == true)
            #expect(redemption.admittedAt == now(), "admitted when the server heard of it")
            #expect(
                (synced["redemption"] as? [String: Any])?["scanned_at"] as? String
                    == scanned.formatted(.iso8601))
        }
    }

    @Test("a scan kept offline more than a day is refused by default, and changes nothing; within the day it counts")
    func scanTimeWindow() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            let door = Client(app, token: try await DoorTests.device(app), language: "en")
            let path = SiteRoute.apiRedemptions.path
            func body(_ time: Date, nonce: String) -> String {
                #"{"code":"\#(voucher.code)","session_id":"\#(sessionID.api)","nonce":"\#(nonce)","scanned_at":"\#(time.formatted(.iso8601))"}"#
            }
            let scanned = session.startsAt.addingTimeInterval(120)
            // Sent a day and a minute after the scan: refused, nothing admitted.
            clock.withLockedValue { $0 = scanned.addingTimeInterval(86400 + 60) }
            let stale = try await door.call(.POST, path, json: body(scanned, nonce: "old"))
            #expect(stale.status == .unprocessableEntity)
            #expect(try Fixtures.error(stale).code == "scan-time-invalid")
            #expect(try await RedemptionModel.query(on: app.db).count() == 0)
            // Sent within the day: admitted at its scan time.
            clock.withLockedValue { $0 = scanned.addingTimeInterval(86400 - 60) }
            let fresh = try Fixtures.json(try await door.call(.POST, path, json: body(scanned, nonce: "new")))
            #expect(fresh["result"] as? String == "admitted")
            #expect(try await RedemptionModel.query(on: app.db).count() == 1)
        }
    }
}
