import Crypto
import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("The beneficiary's journey: reservations, admissions, certificates")
struct JourneyTests {
    /// `count` places in the demo circuit, paid, given to Dora e Pajtimit and nominated (in
    /// Albanian, handed over on paper): the vouchers.
    static func circuitVouchers(_ app: Application, count: Int = 1, on db: (any Database)? = nil) async throws
        -> [VoucherModel]
    {
        let db = db ?? app.db
        let fund = try await FundModel.find(DemoData.circuitFund, on: db).orNotFound()
        let target = try await PlaceTarget.of(fund, on: db)
        let draft = try ContributionDraft(
            kind: "places", places: String(count), amount: nil, currencyCode: "EUR", anonymous: false,
            dedication: nil, unusedRule: "reallocate", unitPrice: Money(minor: 8000, currency: .eur), currency: .eur,
            ceiling: Money(minor: 100_000_000, currency: .eur))
        let contribution = try await Funding.contribute(
            draft, fund: fund, places: target, mentorID: DemoData.users[1].id, provider: "demo",
            idempotencyKey: UUID().uuidString, language: "it", app: app, db: db, seeding: true)
        let vouchers = try await VoucherModel.query(on: db).filter(\.$contribution.$id == contribution.requireID())
            .all()
        for (index, voucher) in vouchers.enumerated() {
            try await VoucherModel.query(on: db).filter(\.$id == voucher.requireID())
                .set(\.$partner.$id, to: DemoData.dora).update()
            try await db.writeTransaction { db in
                _ = try await Nominations.nominate(
                    voucherID: voucher.requireID(), partnerID: DemoData.dora,
                    draft: try NominationDraft(
                        name: "Drita \(index + 1)", email: nil, language: "sq", note: nil, delivery: "print"),
                    by: nil, app: app, on: db)
            }
        }
        return try await VoucherModel.query(on: db).filter(\.$contribution.$id == contribution.requireID())
            .sort(\.$code).all()
    }

    /// The sessions of the demo circuit's events, by step: exhibition, web marketing, branding.
    static func sessions(_ app: Application) async throws -> [[EventSessionModel]] {
        var out: [[EventSessionModel]] = []
        for event in [DemoData.events[3].id, DemoData.events[0].id, DemoData.events[1].id] {
            out.append(
                try await EventSessionModel.query(on: app.db).filter(\.$event.$id == event).sort(\.$startsAt).all())
        }
        return out
    }

    /// "reserved", or the code of the refusal, of reserving `sessionID` with a voucher.
    static func outcome(reserving voucherID: UUID, at sessionID: UUID, app: Application) async throws -> String {
        do {
            _ = try await Journeys.reserve(voucherID: voucherID, sessionID: sessionID, app: app, on: app.db)
            return "reserved"
        } catch let error as DomainError {
            return error.code.rawValue
        }
    }

    static func refusal(_ code: DomainError.Code, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(code.rawValue)")
        } catch let error as DomainError {
            #expect(error.code == code)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(
        "reservations follow the circuit's order, capacity and cut-off; a change moves the seat; bad ones change nothing"
    )
    func reservationRules() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try #require(try await Self.circuitVouchers(app).first)
            let id = try voucher.requireID()
            let steps = try await Self.sessions(app)
            // Step 2 before step 1 is reserved: refused.
            await Self.refusal(.prerequisiteMissing) {
                _ = try await Journeys.reserve(voucherID: id, sessionID: steps[1][0].requireID(), app: app, on: app.db)
            }
            let first = try await Journeys.reserve(
                voucherID: id, sessionID: steps[0][0].requireID(), app: app, on: app.db)
            #expect(first.created)
            // The same session again is the same reservation (a retry), not a second seat.
            let again = try await Journeys.reserve(
                voucherID: id, sessionID: steps[0][0].requireID(), app: app, on: app.db)
            #expect(!again.created && again.reservation.id == first.reservation.id)
            // Another session for the same step: refused; as a change, the seat moves.
            await Self.refusal(.stepReserved) {
                _ = try await Journeys.reserve(voucherID: id, sessionID: steps[0][1].requireID(), app: app, on: app.db)
            }
            #expect(try await EventSessionModel.find(steps[0][0].id, on: app.db)?.reserved == 1)
            let moved = try await Journeys.reserve(
                voucherID: id, sessionID: steps[0][1].requireID(), replacing: first.reservation.requireID(), app: app,
                on: app.db)
            #expect(try await EventSessionModel.find(steps[0][0].id, on: app.db)?.reserved == 0)
            #expect(try await EventSessionModel.find(steps[0][1].id, on: app.db)?.reserved == 1)
            // Step 2 on the web-marketing session of day 7; then moving step 1 after it is refused.
            let second = try await Journeys.reserve(
                voucherID: id, sessionID: steps[1][0].requireID(), app: app, on: app.db)
            await Self.refusal(.reservationNeeded) {
                try await Journeys.cancel(
                    voucherID: id, reservationID: moved.reservation.requireID(), app: app, on: app.db)
            }
            // Step 3 (day 10) after step 2 (day 7).
            _ = try await Journeys.reserve(voucherID: id, sessionID: steps[2][0].requireID(), app: app, on: app.db)
            // An event outside the circuit, an unknown session: refused.
            let concert = try #require(
                try await EventSessionModel.query(on: app.db).filter(\.$event.$id == DemoData.events[4].id).first())
            await Self.refusal(.notInCircuit) {
                _ = try await Journeys.reserve(voucherID: id, sessionID: concert.requireID(), app: app, on: app.db)
            }
            await Self.refusal(.notFound) {
                _ = try await Journeys.reserve(voucherID: id, sessionID: UUID(), app: app, on: app.db)
            }
            #expect(try await ReservationModel.query(on: app.db).filter(\.$voucher.$id == id).count() == 3)
            // Step 3 may be cancelled (nothing depends on it), then taken again.
            let third = try #require(
                try await ReservationModel.query(on: app.db).filter(\.$voucher.$id == id)
                    .filter(\.$session.$id == steps[2][0].requireID()).first())
            try await Journeys.cancel(voucherID: id, reservationID: third.requireID(), app: app, on: app.db)
            await Self.refusal(.notFound) {
                try await Journeys.cancel(voucherID: id, reservationID: third.requireID(), app: app, on: app.db)
            }
            #expect(try await EventSessionModel.find(steps[2][0].id, on: app.db)?.reserved == 0)
            _ = second
        }
        // Past the cut-off: the clock moves to the day of the first exhibition session (day 5).
        let (clock, now) = Fixtures.clock(at: Date())
        try await withApp(now: now, seed: true) { app async throws in
            let voucher = try #require(try await Self.circuitVouchers(app).first)
            let steps = try await Self.sessions(app)
            clock.withLockedValue { $0 = steps[0][0].startsAt.addingTimeInterval(-3600) }
            await Self.refusal(.reservationClosed) {
                _ = try await Journeys.reserve(
                    voucherID: voucher.requireID(), sessionID: steps[0][0].requireID(), app: app, on: app.db)
            }
            #expect(try await ReservationModel.query(on: app.db).count() == 0)
        }
    }

    @Test("expired, cancelled and withdrawn vouchers reserve nothing")
    func unusableVouchers() async throws {
        try await withApp(seed: true) { app async throws in
            let vouchers = try await Self.circuitVouchers(app, count: 3)
            let session = try await Self.sessions(app)[0][0].requireID()
            let cases: [(VoucherStatus, DomainError.Code)] = [
                (.expired, .voucherExpired), (.cancelled, .voucherCancelled), (.issued, .voucherNotNominated),
            ]
            for ((status, code), voucher) in zip(cases, vouchers) {
                try await VoucherModel.query(on: app.db).filter(\.$id == voucher.requireID()).set(\.$status, to: status)
                    .update()
                await Self.refusal(code) {
                    _ = try await Journeys.reserve(
                        voucherID: voucher.requireID(), sessionID: session, app: app, on: app.db)
                }
            }
            #expect(try await ReservationModel.query(on: app.db).count() == 0)
            #expect(try await EventSessionModel.find(session, on: app.db)?.reserved == 0)
        }
    }

    @Test("50 concurrent reservations for the last 10 seats of a session, through two app instances, make exactly 10")
    func lastSeats() async throws {
        try await withTwoApps(seed: true) { first, second in
            let session = try await Self.sessions(first)[0][0]
            let sessionID = try session.requireID()
            // 50 places sponsored, nominated; the session has 10 seats left.
            let vouchers = try await Self.circuitVouchers(first, count: 50)
            let sql = first.db as! any SQLDatabase
            try await sql.update(EventSessionModel.schema).set("capacity", to: SQLBind(session.reserved + 10))
                .where("id", .equal, SQLBind(sessionID)).run()
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for (index, voucher) in vouchers.enumerated() {
                    let app = index.isMultiple(of: 2) ? first : second
                    let voucherID = try voucher.requireID()
                    group.addTask { try await Self.outcome(reserving: voucherID, at: sessionID, app: app) }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "reserved" }.count == 10, "\(outcomes)")
            #expect(outcomes.filter { $0 == "session-full" }.count == 40)
            #expect(try await ReservationModel.query(on: first.db).filter(\.$session.$id == sessionID).count() == 10)
            #expect(try await EventSessionModel.find(sessionID, on: first.db)?.reserved == 10)
        }
    }

    @Test("admissions in order complete the circuit: the organizers are owed, the certificate is issued and verifies")
    func admissionsAndCertificate() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let voucher = try #require(try await Self.circuitVouchers(app).first)
            let id = try voucher.requireID()
            let steps = try await Self.sessions(app)
            let chosen = [steps[0][0], steps[1][0], steps[2][0]]
            for session in chosen {
                _ = try await Journeys.reserve(voucherID: id, sessionID: session.requireID(), app: app, on: app.db)
            }
            // The door wants the steps in order, and a reservation for that session.
            await Self.refusal(.prerequisiteMissing) {
                _ = try await TestDoor.admit(voucher, at: chosen[1], clock: clock, app: app)
            }
            await Self.refusal(.reservationMissing) {
                _ = try await TestDoor.admit(voucher, at: steps[0][1], clock: clock, app: app)
            }
            var certificate: CertificateModel?
            for (index, session) in chosen.enumerated() {
                switch try await TestDoor.admit(voucher, at: session, clock: clock, app: app) {
                case .admitted(_, let issued):
                    #expect((issued != nil) == (index == 2), "the certificate comes with the last step")
                    certificate = issued ?? certificate
                case .alreadyUsed: Issue.record("step \(index + 1) admitted twice")
                }
            }
            // A second scan of a step answers the first admission.
            guard
                case .alreadyUsed(let first) = try await TestDoor.admit(voucher, at: chosen[0], clock: clock, app: app)
            else {
                Issue.record("a repeated admission was accepted")
                return
            }
            #expect(first.admittedBy == "test")
            #expect(try await VoucherModel.find(id, on: app.db)?.status == .completed)
            let owed = try await LedgerStore.balance(
                .payable(DemoData.slowMill.uuidString), .eur, on: app.db)
            #expect(owed == 8000, "the three steps' prices, owed to Slow Mill")
            try await Fixtures.ledgerIsSound(app)

            // The certificate: its page in Albanian, the public check, the signed credential.
            let issued = try #require(certificate)
            #expect(issued.holderName == "Drita 1" && issued.language == "sq")
            #expect(try issued.steps().count == 3)
            let browser = TestBrowser(app, acceptLanguage: "en")
            let page = try await browser.get(SiteRoute.voucherCertificate(.value(voucher.code)).path)
            #expect(page.status == .ok)
            #expect(page.shows("Drita 1") && page.shows("Nga peri te tregu") && page.shows("Certifikatë"))
            let check = try await browser.get(SiteRoute.certificate(.value(issued.code)).path)
            #expect(check.status == .ok && check.shows("This certificate is genuine") && check.shows("Drita 1"))
            #expect(!check.contains(voucher.code), "the check reveals nothing else")
            var forged = Array(issued.code)
            forged[3] = forged[3] == "A" ? "B" : "A"
            let refused = try await browser.get(SiteRoute.certificate(.value(String(forged))).path)
            #expect(refused.status == .notFound && refused.shows("No certificate has this code"))

            let credential = try await browser.get(SiteRoute.certificateCredential(.value(issued.code)).path)
            let document = try JSONDecoder().decode(CanonicalJSON.self, from: Data(credential.body.utf8))
            #expect(document["type"] == .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]))
            let issuer = try await browser.get(SiteRoute.certificateIssuer.path)
            let profile = try JSONDecoder().decode(CanonicalJSON.self, from: Data(issuer.body.utf8))
            guard case .array(let methods)? = profile["verificationMethod"],
                case .string(let multibase)? = methods.first?["publicKeyMultibase"],
                let bytes = Base58.decode(String(multibase.dropFirst())), bytes.starts(with: [0xED, 0x01])
            else {
                Issue.record("the issuer publishes no Ed25519 key")
                return
            }
            let key = try Curve25519.Signing.PublicKey(rawRepresentation: bytes.dropFirst(2))
            #expect(Certificates.verify(document, key: key))
            // Any change to the credential breaks its proof.
            #expect(!Certificates.verify(document.setting("name", .string("Forged")), key: key))
        }
    }

    @Test(
        "the reservations API: the voucher code books and cancels, with the page's checks and errors in the holder's language"
    )
    func reservationsAPI() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try #require(try await Self.circuitVouchers(app).first)
            let steps = try await Self.sessions(app)
            let session = try steps[0][0].requireID().uuidString.lowercased()
            let anonymous = APITests.Client(app, token: nil)
            let path = SiteRoute.apiReservations.path
            let body = #"{"code":"\#(voucher.code)","session_id":"\#(session)"}"#
            let created = try await anonymous.call(.POST, path, json: body)
            #expect(created.status == .created)
            let id = try #require(try Fixtures.json(created)["id"] as? String)
            #expect(try Fixtures.json(created)["step_id"] as? String == "0000d000-0000-4000-8000-000000000311")
            // A retry answers the same reservation.
            let again = try await anonymous.call(.POST, path, json: body)
            let againID = try Fixtures.json(again)["id"] as? String
            #expect(again.status == .ok && againID == id)
            // Step 3 before step 2: refused, in Albanian (the holder's language), nothing booked.
            let early = try await anonymous.call(
                .POST, path,
                json: #"{"code":"\#(voucher.code)","session_id":"\#(try steps[2][0].requireID().uuidString)"}"#)
            #expect(early.status == .unprocessableEntity)
            #expect(try Fixtures.error(early).code == "prerequisite-missing")
            #expect(try Fixtures.error(early).message.contains("Së pari vijnë hapat e mëparshëm"))
            let typo = try await anonymous.call(.POST, path, json: #"{"code":"AAAA","session_id":"\#(session)"}"#)
            let typoField = try Fixtures.error(typo).field
            #expect(typo.status == .unprocessableEntity && typoField == "code")
            // Cancelling needs the code as the bearer secret.
            let reservation = SiteRoute.apiReservation(.value(try #require(UUID(uuidString: id)))).path
            #expect(try await anonymous.call(.DELETE, reservation).status == .unauthorized)
            let other = try #require(try await Self.circuitVouchers(app).first)
            #expect(try await APITests.Client(app, token: other.code).call(.DELETE, reservation).status == .notFound)
            let holder = APITests.Client(app, token: voucher.code)
            #expect(try await holder.call(.DELETE, reservation).status == .noContent)
            #expect(try await holder.call(.DELETE, reservation).status == .notFound)
            #expect(try await EventSessionModel.find(steps[0][0].id, on: app.db)?.reserved == 0)
        }
    }
}
