import Domain
import Fluent
import Foundation
import Localization
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Who is expected at the door, the circuit's figures, the steps dragged into order, impact by circuit")
struct CircuitFiguresTests {
    /// Two Dritas on the demo circuit: the first attended step 1 and reserved step 2, the
    /// second reserved step 1 only. Returns the vouchers and the sessions used, by step.
    static func twoJourneys(_ app: Application, clock: NIOLockedValueBox<Date>) async throws -> (
        vouchers: [VoucherModel], chosen: [EventSessionModel]
    ) {
        let vouchers = try await JourneyTests.circuitVouchers(app, count: 2)
        let steps = try await JourneyTests.sessions(app)
        let chosen = [steps[0][0], steps[1][0]]
        let first = try vouchers[0].requireID()
        for session in chosen {
            _ = try await Journeys.reserve(voucherID: first, sessionID: session.requireID(), app: app, on: app.db)
        }
        _ = try await Journeys.reserve(
            voucherID: vouchers[1].requireID(), sessionID: chosen[0].requireID(), app: app, on: app.db)
        _ = try await TestDoor.admit(vouchers[0], at: chosen[0], clock: clock, app: app)
        return (vouchers, chosen)
    }

    @Test("door staff see who is expected at a session and what the door would say; other organizers see nothing")
    func expected() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (vouchers, chosen) = try await Self.twoJourneys(app, clock: clock)
            // The names as nominated: the first voucher (by code) walked further.
            var names: [String] = []
            for voucher in vouchers {
                names.append(try await BeneficiaryModel.find(voucher.$beneficiary.id, on: app.db).orNotFound().name)
            }
            let door = TestBrowser(app, acceptLanguage: "en")
            _ = try await door.login("door@mentore.test")
            let home = try await door.get(SiteRoute.doorHome.path)
            #expect(home.status == .ok)
            let first = SiteRoute.doorSession(.value(try chosen[0].requireID())).path
            #expect(home.contains("href=\"\(first)\""), "each date opens its list")

            // Step 1: the first admitted, the second ready (the page speaks the reader's language: Italian).
            let page = try await door.get(first)
            #expect(page.status == .ok)
            let t = { (key: String, args: [String: FTLValue]) in app.mentore.localizer.t(key, args, in: "it") }
            #expect(page.shows("Drita 1") && page.shows("Drita 2"))
            #expect(page.shows(t("door-status-ready", [:])))
            #expect(page.contains(t("door-status-admitted", ["time": "X"]).replacingOccurrences(of: "X", with: "")))
            #expect(page.shows("Ingressi: 1 · prenotazioni: 2"))
            #expect(page.shows("tappa 1 di 3"))

            // Step 2: the first may come in now that step 1 is done.
            let second = try await door.get(SiteRoute.doorSession(.value(try chosen[1].requireID())).path)
            #expect(second.shows(names[0]) && !second.shows(names[1]))
            #expect(second.shows(t("door-status-ready", [:])))

            // Staff of another organizer are told there is no such page; mentors may not enter the door.
            let other = OrganizerModel(
                slug: "other", name: "Other", city: "Torino", description: "", contactEmail: "o@example.org",
                status: .approved, applicantID: nil)
            try await other.create(on: app.db)
            let stranger = UserModel(
                email: "stranger@example.org", passwordHash: try await Passwords.hash(DemoData.password, app: app),
                displayName: "Stranger", language: "en")
            try await stranger.create(on: app.db)
            try await OrganizerMemberModel(organizerID: other.requireID(), userID: stranger.requireID(), role: .door)
                .create(on: app.db)
            let outsider = TestBrowser(app, acceptLanguage: "en")
            _ = try await outsider.login("stranger@example.org")
            let hidden = try await outsider.get(first)
            #expect(hidden.status == .notFound && !hidden.shows("Drita"))
            #expect(!(try await outsider.get(SiteRoute.doorHome.path)).contains(first))
            let mentor = TestBrowser(app, acceptLanguage: "en")
            _ = try await mentor.login("mentor@mentore.test")
            #expect(try await mentor.get(first).status == .forbidden)
        }
    }

    @Test("the circuit's figures: enrolled, reserved and attended per step, completion rate and drop-off")
    func figures() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            _ = try await Self.twoJourneys(app, clock: clock)
            let circuit = try await CircuitModel.find(DemoData.demoCircuit, on: app.db).orNotFound()
            let (plan, funnel) = try await Circuits.funnel(circuit, on: app.db)
            #expect(plan.steps.count == 3)
            #expect(funnel.enrolled == 2 && funnel.completed == 0)
            #expect(funnel.steps.map(\.reserved) == [2, 1, 0])
            #expect(funnel.steps.map(\.attended) == [1, 0, 0])
            #expect(funnel.dropOff(at: 0) == 0.5 && funnel.dropOff(at: 1) == 1)

            let admin = TestBrowser(app, acceptLanguage: "en")
            _ = try await admin.login("admin@mentore.test")
            let page = try await admin.get(SiteRoute.adminCircuitStats(.value(DemoData.demoCircuit)).path)
            #expect(page.status == .ok)
            #expect(
                page.shows(
                    app.mentore.localizer.t(
                        "admin-circuit-stats-intro",
                        ["title": "Dal filo al mercato", "enrolled": 2, "completed": 0, "rate": "0%"], in: "it")))
            #expect(page.shows("50%") && page.shows("100%"))
            let steps = try await admin.get(SiteRoute.adminCircuitSteps(.value(DemoData.demoCircuit)).path)
            #expect(steps.contains(SiteRoute.adminCircuitStats(.value(DemoData.demoCircuit)).path))
        }
    }

    @Test("the steps in a dragged order are saved; an order that is not the circuit's steps changes nothing")
    func dragOrder() async throws {
        try await withApp(seed: true) { app async throws in
            let admin = TestBrowser(app, acceptLanguage: "en")
            _ = try await admin.login("admin@mentore.test")
            let id = DemoData.demoCircuit
            func order() async throws -> [UUID] {
                try await CircuitStepModel.query(on: app.db).filter(\.$circuit.$id == id).sort(\.$position).all()
                    .map { try $0.requireID() }
            }
            let before = try await order()
            let page = try await admin.get(SiteRoute.adminCircuitSteps(.value(id)).path)
            let action = SiteRoute.adminCircuitStepsOrder(.value(id)).path
            #expect(page.contains("data-reorder-action=\"\(action)\""))
            #expect(page.contains("data-key=\"\(before[0].uuidString.lowercased())\""))
            let key = { (ids: [UUID]) in ids.map { $0.uuidString.lowercased() }.joined(separator: ",") }

            let wanted = [before[2], before[0], before[1]]
            let saved = try await admin.post(action, [("order", key(wanted))])
            #expect(saved.status == .ok)
            #expect(try await order() == wanted)
            let positions = try await CircuitStepModel.query(on: app.db).filter(\.$circuit.$id == id)
                .sort(\.$position).all().map(\.position)
            #expect(positions == [1, 2, 3])

            for bad in [
                key([wanted[0], wanted[1]]), key([wanted[0], wanted[0], wanted[1]]),
                key([wanted[0], wanted[1], UUID()]), "not-an-id", "",
            ] {
                let refused = try await admin.post(action, [("order", bad)])
                #expect(refused.status == .unprocessableEntity, "\(bad)")
                #expect(refused.shows(app.mentore.localizer.t("admin-steps-order-invalid", in: "it")))
                #expect(try await order() == wanted)
            }
            // Not without the form's token.
            let forged = try await admin.post(action, [("order", key(before))], includeCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(try await order() == wanted)
        }
    }

    @Test("the mentor's impact counts circuit places per circuit, not as open credit")
    func impactByCircuit() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            _ = try await Self.twoJourneys(app, clock: clock)
            let mentor = TestBrowser(app, acceptLanguage: "en")
            _ = try await mentor.login("mentor@mentore.test")
            let page = try await mentor.get(SiteRoute.mentorImpact.path)
            #expect(page.status == .ok)
            let sq = { (key: String) in app.mentore.localizer.t(key, in: "sq") }
            #expect(page.shows(sq("impact-circuits-title")))
            #expect(page.shows("Nga peri te tregu"))
        }
    }
}
