import Crypto
import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

@testable import App

@Suite("The door: the scanner API, exactly once, nonces, undo")
struct DoorTests {
    typealias Client = APITests.Client

    /// A Drita on the demo circuit holding a reservation for the first session of step 1.
    static func reserved(_ app: Application) async throws -> (voucher: VoucherModel, session: EventSessionModel) {
        let voucher = try #require(try await JourneyTests.circuitVouchers(app).first)
        let session = try await JourneyTests.sessions(app)[0][0]
        _ = try await Journeys.reserve(
            voucherID: voucher.requireID(), sessionID: session.requireID(), app: app, on: app.db)
        return (voucher, session)
    }

    static func device(_ app: Application, organizer: UUID = DemoData.slowMill, label: String = "Ingresso A")
        async throws -> String
    {
        try await DoorDevices.create(organizerID: organizer, label: label, createdBy: "test", app: app, on: app.db)
            .token
    }

    static func scan(code: String, session: UUID, nonce: String) -> String {
        #"{"code":"\#(code)","session_id":"\#(session.api)","nonce":"\#(nonce)"}"#
    }

    @Test("a device admits once; a repeat says when, where and by whom; a retry with its nonce gets the same answer")
    func admitOnce() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await Self.reserved(app)
            let sessionID = try session.requireID()
            let token = try await Self.device(app)
            let door = Client(app, token: token, language: "en")
            let path = SiteRoute.apiRedemptions.path

            // Before the day: refused, nothing written.
            let early = try await door.call(
                .POST, path, json: Self.scan(code: voucher.code, session: sessionID, nonce: "n-0"))
            #expect(try Fixtures.json(early)["reason"] as? String == "session-not-today")
            #expect(try await RedemptionModel.query(on: app.db).count() == 0)

            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(300) }
            // The QR code's URL works as well as the code.
            let body = Self.scan(code: "http://mentore.test/v/\(voucher.code)", session: sessionID, nonce: "n-1")
            let admitted = try await door.call(.POST, path, json: body)
            #expect(admitted.status == .ok)
            let answer = try Fixtures.json(admitted)
            #expect(answer["result"] as? String == "admitted")
            #expect(answer["reason"] is NSNull)
            #expect(answer["message"] as? String == "Admitted: Drita 1.")
            let redemption = try #require(answer["redemption"] as? [String: Any])
            #expect(redemption["holder"] as? String == "Drita 1" && redemption["door"] as? String == "Ingresso A")

            // The same nonce and request: the same answer, byte for byte, and still one admission.
            let retry = try await door.call(.POST, path, json: body)
            #expect(retry.status == .ok && retry.body == admitted.body)
            // The same nonce with another request: refused, nothing changes.
            let reused = try await door.call(
                .POST, path, json: Self.scan(code: voucher.code, session: UUID(), nonce: "n-1"))
            #expect(reused.status == .conflict)
            #expect(try Fixtures.error(reused).code == "nonce-reused")

            // A second scan: already used, with the first admission's details.
            let again = try await door.call(
                .POST, path, json: Self.scan(code: voucher.code, session: sessionID, nonce: "n-2"))
            let second = try Fixtures.json(again)
            #expect(second["result"] as? String == "already_used" && second["reason"] as? String == "already-redeemed")
            #expect((second["redemption"] as? [String: Any])?["id"] as? String == redemption["id"] as? String)
            #expect((second["message"] as? String)?.contains("Ingresso A") == true)
            #expect(try await RedemptionModel.query(on: app.db).count() == 1)
            #expect(try await VoucherModel.find(voucher.requireID(), on: app.db)?.status == .inUse)
            #expect(try await LedgerStore.balance(.payable(DemoData.slowMill.uuidString), .eur, on: app.db) > 0)

            // The check-in list: the holder, admitted, recognisable offline by the code's hash.
            let list = try await door.call(.GET, SiteRoute.apiSessionCheckIn(.value(sessionID)).path)
            let checkIn = try Fixtures.json(list)
            let entries = try #require(checkIn["entries"] as? [[String: Any]])
            let mine = try #require(entries.first { $0["voucher_id"] as? String == voucher.id?.api })
            #expect(mine["status"] as? String == "admitted" && mine["holder"] as? String == "Drita 1")
            let digest = SHA256.hash(data: Data(voucher.code.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(mine["code_sha256"] as? String == digest)
            #expect((checkIn["session"] as? [String: Any])?["admitted"] as? Int == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test(
        "refusals carry a stable reason and change nothing; only a live device token of the session's organizer scans")
    func refusals() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await Self.reserved(app)
            let sessionID = try session.requireID()
            let steps = try await JourneyTests.sessions(app)
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let token = try await Self.device(app)
            let door = Client(app, token: token, language: "it")
            let path = SiteRoute.apiRedemptions.path
            func reason(_ code: String, _ session: UUID, _ client: Client? = nil) async throws -> String? {
                let page = try await (client ?? door).call(
                    .POST, path, json: Self.scan(code: code, session: session, nonce: UUID().uuidString))
                #expect(page.status == .ok)
                let answer = try Fixtures.json(page)
                #expect(answer["result"] as? String == "refused" && answer["redemption"] is NSNull)
                #expect((answer["message"] as? String)?.isEmpty == false)
                return answer["reason"] as? String
            }
            var typo = Array(voucher.code)
            typo[0] = typo[0] == "A" ? "B" : "A"
            #expect(try await reason(String(typo), sessionID) == "voucher-typo")
            #expect(try await reason("hello", sessionID) == "voucher-malformed")
            let other = try #require(
                try await VoucherModel.query(on: app.db).filter(\.$id != voucher.requireID()).filter(
                    \.$status == .issued
                )
                .first())
            #expect(try await reason(other.code, sessionID) == "voucher-not-nominated")
            #expect(try await reason(voucher.code, try steps[0][1].requireID()) == "session-not-today")
            #expect(try await reason(voucher.code, UUID()) == "not-found")

            // Another organizer's device: not its session.
            let elsewhere = OrganizerModel(
                slug: "altrove", name: "Altrove", city: "Torino", description: "", contactEmail: "a@example.org",
                status: .approved, applicantID: nil)
            try await elsewhere.create(on: app.db)
            let stranger = Client(app, token: try await Self.device(app, organizer: elsewhere.requireID()))
            #expect(try await reason(voucher.code, sessionID, stranger) == "wrong-organizer")
            #expect(try await RedemptionModel.query(on: app.db).count() == 0)
            // Nor does it read that session's check-in list (who is expected is not its business).
            let list = try await stranger.call(.GET, SiteRoute.apiSessionCheckIn(.value(sessionID)).path)
            #expect(list.status == .notFound && !list.body.contains("Drita"))

            // No token, a personal token, a revoked device: 401.
            let body = Self.scan(code: voucher.code, session: sessionID, nonce: "x")
            let anonymous = try await Client(app, token: nil).call(.POST, path, json: body)
            #expect(anonymous.status == .unauthorized)
            #expect(try Fixtures.error(anonymous).code == "unauthenticated")
            let personal = try await APITests.token(app, "door@mentore.test")
            #expect(try await Client(app, token: personal).call(.POST, path, json: body).status == .unauthorized)
            let device = try #require(
                try await DoorDeviceModel.query(on: app.db).filter(\.$label == "Ingresso A").first())
            try await DoorDevices.revoke(
                device.requireID(), organizerID: DemoData.slowMill, at: now(), on: app.db)
            let revoked = try await door.call(.POST, path, json: body)
            #expect(revoked.status == .unauthorized)
            #expect(try Fixtures.error(revoked).code == "device-unknown")
            // The device is read with the scan; a request wrong in itself still says the token first.
            let revokedAndWrong = try await door.call(.POST, path, json: #"{"code":"\#(voucher.code)"}"#)
            #expect(revokedAndWrong.status == .unauthorized)
            // A malformed request names its fields.
            let fresh = Client(app, token: try await Self.device(app), language: "en")
            let missing = try await fresh.call(.POST, path, json: #"{"code":"\#(voucher.code)"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(try await RedemptionModel.query(on: app.db).count() == 0)
        }
    }

    @Test("undo within 15 minutes gives the step back and the value to the voucher; then it admits again")
    func undo() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await Self.reserved(app)
            let sessionID = try session.requireID()
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let door = Client(app, token: try await Self.device(app), language: "en")
            let path = SiteRoute.apiRedemptions.path
            let first = try Fixtures.json(
                try await door.call(.POST, path, json: Self.scan(code: voucher.code, session: sessionID, nonce: "a")))
            let id = try #require((first["redemption"] as? [String: Any])?["id"] as? String)
            let voidPath = SiteRoute.apiRedemptionVoid(.value(UUID(uuidString: id)!)).path

            #expect(try await door.call(.POST, voidPath, json: #"{"reason":" "}"#).status == .unprocessableEntity)
            let stranger = OrganizerModel(
                slug: "altrove", name: "Altrove", city: "Torino", description: "", contactEmail: "a@example.org",
                status: .approved, applicantID: nil)
            try await stranger.create(on: app.db)
            let other = Client(app, token: try await Self.device(app, organizer: stranger.requireID()))
            #expect(try await other.call(.POST, voidPath, json: #"{"reason":"mine"}"#).status == .notFound)

            let undone = try await door.call(.POST, voidPath, json: #"{"reason":"Wrong person"}"#)
            #expect(undone.status == .ok)
            let view = try Fixtures.json(undone)
            #expect(view["voided_at"] is String && view["void_reason"] as? String == "Wrong person")
            #expect(try await LedgerStore.balance(.payable(DemoData.slowMill.uuidString), .eur, on: app.db) == 0)
            #expect(try await VoucherModel.find(voucher.requireID(), on: app.db)?.status == .nominated)
            // Undoing it again answers it as it is.
            #expect(try await door.call(.POST, voidPath, json: #"{"reason":"again"}"#).status == .ok)

            let again = try Fixtures.json(
                try await door.call(.POST, path, json: Self.scan(code: voucher.code, session: sessionID, nonce: "b")))
            #expect(again["result"] as? String == "admitted")
            let newID = try #require((again["redemption"] as? [String: Any])?["id"] as? String)
            #expect(newID != id)
            clock.withLockedValue { $0 = $0.addingTimeInterval(16 * 60) }
            let late = try await door.call(
                .POST, SiteRoute.apiRedemptionVoid(.value(UUID(uuidString: newID)!)).path,
                json: #"{"reason":"too late"}"#)
            #expect(late.status == .unprocessableEntity)
            #expect(try Fixtures.error(late).code == "void-too-late")
            #expect(try await RedemptionModel.query(on: app.db).filter(\.$voidedAt == nil).count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("undoing the admission that completed a circuit withdraws the certificate and takes back the released value")
    func undoCompletion() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let voucher = try #require(try await JourneyTests.circuitVouchers(app).first)
            let id = try voucher.requireID()
            let steps = try await JourneyTests.sessions(app)
            let chosen = [steps[0][0], steps[1][0], steps[2][0]]
            for session in chosen {
                _ = try await Journeys.reserve(voucherID: id, sessionID: session.requireID(), app: app, on: app.db)
            }
            let door = try Door.Scanner.device(
                try await DoorDeviceModel.query(on: app.db).filter(
                    \.$tokenHash == SecureToken.hash(try await Self.device(app))
                )
                .first().orNotFound())
            var last: RedemptionModel?
            for session in chosen {
                clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
                guard
                    case .admitted(let redemption, _) = try await TestDoor.admit(
                        code: voucher.code, sessionID: session.requireID(), scanner: door, app: app)
                else {
                    Issue.record("not admitted")
                    return
                }
                last = redemption
            }
            #expect(try await VoucherModel.find(id, on: app.db)?.status == .completed)
            #expect(try await CertificateModel.query(on: app.db).filter(\.$voucher.$id == id).count() == 1)
            _ = try await Door.void(try #require(last).requireID(), reason: "test", scanner: door, app: app, on: app.db)
            #expect(try await VoucherModel.find(id, on: app.db)?.status == .inUse)
            let withdrawn = try #require(
                try await CertificateModel.query(on: app.db).filter(\.$voucher.$id == id).first(),
                "a withdrawn certificate is kept")
            #expect(withdrawn.withdrawnAt != nil)
            await #expect(throws: DomainError.self, "nor vouched for any more") {
                _ = try await Certificates.find(withdrawn.code, on: app.db)
            }
            try await Fixtures.ledgerIsSound(app)
            // Admitted again: completed again, the same certificate reinstated.
            guard
                case .admitted(_, let certificate) = try await TestDoor.admit(
                    code: voucher.code, sessionID: chosen[2].requireID(), scanner: door, app: app)
            else {
                Issue.record("not admitted again")
                return
            }
            #expect(certificate?.code == withdrawn.code && certificate?.withdrawnAt == nil)
            #expect(try await Certificates.find(withdrawn.code, on: app.db).withdrawnAt == nil)
            #expect(try await VoucherModel.find(id, on: app.db)?.status == .completed)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test(
        "50 concurrent scans of one voucher through two app instances: one admitted, 49 already used with its details")
    func concurrentScans() async throws {
        let (clock, now) = Fixtures.clock()
        try await withTwoApps(now: now, seed: true) { first, second in
            let (voucher, session) = try await Self.reserved(first)
            let sessionID = try session.requireID()
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let token = try await Self.device(first)
            let pages = try await withThrowingTaskGroup(of: TestBrowser.Page.self) { group in
                for n in 0..<50 {
                    let app = n.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await Client(app, token: token).call(
                            .POST, SiteRoute.apiRedemptions.path,
                            json: Self.scan(code: voucher.code, session: sessionID, nonce: "c-\(n)"))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let answers = try pages.map { try Fixtures.json($0) }
            let results = answers.map { $0["result"] as? String }
            #expect(
                results.filter { $0 == "admitted" }.count == 1,
                "\(answers.filter { $0["result"] as? String != "already_used" })")
            #expect(results.filter { $0 == "already_used" }.count == 49)
            let ids = Set(answers.compactMap { ($0["redemption"] as? [String: Any])?["id"] as? String })
            #expect(ids.count == 1, "every answer names the one admission")
            #expect(try await RedemptionModel.query(on: first.db).count() == 1)
            try await Fixtures.ledgerIsSound(first)
        }
    }

    @Test("the scanner page: door staff admit, see already used, undo with a reason and admit again")
    func scannerPage() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await Self.reserved(app)
            let sessionID = try session.requireID()
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let door = TestBrowser(app, acceptLanguage: "it")
            _ = try await door.login("door@mentore.test")
            let t = { (key: String) in app.mentore.localizer.t(key, in: "it") }
            let path = SiteRoute.doorScan(.value(sessionID)).path
            let page = try await door.get(path)
            #expect(page.status == .ok && page.shows(t("door-code-label")))
            let nonce = try #require(
                page.body.range(of: #"name="nonce" value=""#).map { range in
                    String(page.body[range.upperBound...].prefix { $0 != "\"" })
                })
            let admitted = try await door.post(path, [("code", voucher.code.lowercased()), ("nonce", nonce)])
            #expect(admitted.status == .ok)
            #expect(
                admitted.contains("data-result=\"admitted\"")
                    && admitted.shows(
                        app.mentore.localizer.t("door-answer-admitted", ["holder": "Drita 1"], in: "it"))
            )
            // The same form sent twice (a double tap): the same answer, one admission.
            let twice = try await door.post(path, [("code", voucher.code), ("nonce", nonce)])
            #expect(twice.contains("data-result=\"admitted\""))
            let again = try await door.post(path, [("code", voucher.code), ("nonce", "other")])
            #expect(again.contains("data-result=\"already\"") && again.shows(t("door-result-already")))
            #expect(try await RedemptionModel.query(on: app.db).count() == 1)
            let empty = try await door.post(path, [("code", " "), ("nonce", "x")])
            #expect(empty.status == .unprocessableEntity)

            let redemption = try #require(try await RedemptionModel.query(on: app.db).first())
            #expect(redemption.admittedBy == "door@mentore.test" && redemption.door == "Marco Bianchi")
            let undo = SiteRoute.doorVoid(.value(sessionID), redemption: .value(try redemption.requireID())).path
            #expect(admitted.contains("action=\"\(undo)\""))
            let noReason = try await door.post(undo, [("reason", "")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await RedemptionModel.query(on: app.db).filter(\.$voidedAt == nil).count() == 1)
            let undone = try await door.post(undo, [("reason", "Persona sbagliata")])
            #expect(undone.status == .ok && undone.shows(t("door-undone")))
            #expect(undone.shows("Persona sbagliata"))
            let readmitted = try await door.post(path, [("code", voucher.code), ("nonce", "third")])
            #expect(readmitted.contains("data-result=\"admitted\""))
            #expect(try await RedemptionModel.query(on: app.db).filter(\.$voidedAt == nil).count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("managers add and revoke scanning devices: the token is shown once and works until revoked")
    func devicesPage() async throws {
        try await withApp(seed: true) { app async throws in
            let manager = TestBrowser(app, acceptLanguage: "en")
            _ = try await manager.login("organizer@mentore.test")
            let path = SiteRoute.organizerDevices(.value(DemoData.slowMill)).path
            #expect(try await manager.get(path).status == .ok)
            #expect(try await manager.post(path, [("label", " ")]).status == .unprocessableEntity)
            #expect(try await DoorDeviceModel.query(on: app.db).count() == 0)
            let made = try await manager.post(path, [("label", "Ingresso B")])
            #expect(made.status == .created)
            let token = try #require(
                made.body.range(of: #"value="mnd_"#).map { range in
                    "mnd_" + String(made.body[range.upperBound...].prefix { $0 != "\"" })
                })
            let device = try #require(try await DoorDeviceModel.query(on: app.db).first())
            #expect(device.label == "Ingresso B" && device.tokenHash != token && !device.tokenHash.contains(token))
            #expect(!(try await manager.get(path)).contains(token), "shown once")
            let session = try await JourneyTests.sessions(app)[0][0]
            let list = SiteRoute.apiSessionCheckIn(.value(try session.requireID())).path
            #expect(try await Client(app, token: token).call(.GET, list).status == .ok)

            let revoke = SiteRoute.organizerDeviceRevoke(
                .value(DemoData.slowMill), device: .value(try device.requireID())
            )
            .path
            let revoked = try await manager.post(revoke, [])
            #expect(revoked.status == .ok)
            #expect(try await Client(app, token: token).call(.GET, list).status == .unauthorized)
            // Door staff do not manage devices.
            let door = TestBrowser(app, acceptLanguage: "en")
            _ = try await door.login("door@mentore.test")
            #expect(try await door.get(path).status == .forbidden)
        }
    }

    @Test("door staff who open the voucher's QR on the day get an Admit button for their session; others do not")
    func qrOpensAdmission() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await Self.reserved(app)
            let scan = SiteRoute.doorScan(.value(try session.requireID())).path
            let staff = TestBrowser(app, acceptLanguage: "it")
            _ = try await staff.login("door@mentore.test")
            #expect(
                !(try await staff.get(SiteRoute.voucher(.value(voucher.code)).path)).contains(scan),
                "not before the day")
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(120) }
            let page = try await staff.get(SiteRoute.voucher(.value(voucher.code)).path)
            #expect(page.contains("action=\"\(scan)\""))
            let visitor = TestBrowser(app, acceptLanguage: "it")
            #expect(!(try await visitor.get(SiteRoute.voucher(.value(voucher.code)).path)).contains(scan))
            let mentor = TestBrowser(app, acceptLanguage: "it")
            _ = try await mentor.login("mentor@mentore.test")
            #expect(!(try await mentor.get(SiteRoute.voucher(.value(voucher.code)).path)).contains(scan))
            let nonce = try #require(
                page.body.range(of: #"name="nonce" value=""#).map { range in
                    String(page.body[range.upperBound...].prefix { $0 != "\"" })
                })
            let admitted = try await staff.post(scan, [("code", voucher.code), ("nonce", nonce)])
            #expect(admitted.contains("data-result=\"admitted\""))
            #expect(try await RedemptionModel.query(on: app.db).count() == 1)
        }
    }

    @Test(
        "an event voucher at another event's session is told so (not-for-voucher), before anything about reservations")
    func wrongEvent() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now) { app async throws in
            let bench = try await BenchData.seed(app, count: 1)
            let voucher = try await VoucherModel.query(on: app.db).filter(\.$code == bench.codes[0]).first()
                .orNotFound()
            let journey = try await Journeys.load(voucher, on: app.db)
            let elsewhere = try await JourneyTests.sessions(app)[1][0]
            await JourneyTests.refusal(.notForVoucher) {
                _ = try Journeys.checkAdmission(journey, session: elsewhere, now: now())
            }
            await JourneyTests.refusal(.notForVoucher) {
                _ = try await Journeys.reserve(
                    voucherID: voucher.requireID(), sessionID: elsewhere.requireID(), app: app, on: app.db)
            }
            // Its own session: fine.
            let own = try await EventSessionModel.find(bench.session, on: app.db).orNotFound()
            #expect(throws: Never.self) { _ = try Journeys.checkAdmission(journey, session: own, now: now()) }
        }
    }
}
