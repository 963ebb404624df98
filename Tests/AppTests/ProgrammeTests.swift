import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Organizers run their own programme: venues, events, dates, changes and cancellations")
struct ProgrammeTests {
    static let mill = DemoData.slowMill
    static let rome = TimeZone(identifier: "Europe/Rome")!

    /// Another approved organizer with a manager signed in (its own browser).
    static func otherOrganizer(_ app: Application) async throws -> (organizer: OrganizerModel, manager: TestBrowser) {
        let other = OrganizerModel(
            slug: "altrove", name: "Altrove", city: "Torino", description: "", contactEmail: "a@example.org",
            status: .approved, applicantID: nil)
        try await other.create(on: app.db)
        let manager = TestBrowser(app, acceptLanguage: "en")
        try await manager.signUp("altrove@example.org")
        let user = try await UserModel.query(on: app.db).filter(\.$email == "altrove@example.org").first()
            .orNotFound()
        try await OrganizerMemberModel(organizerID: other.requireID(), userID: user.requireID(), role: .manager)
            .create(on: app.db)
        return (other, manager)
    }

    static func venueForm(name: String = "Sala Tessitura", timeZone: String = "Europe/Rome") -> [(String, String)] {
        [
            ("name", name), ("address", "Via Tortona 12"), ("city", "Milano"), ("country", "IT"),
            ("timeZone", timeZone), ("accessibility[]", "step-free"), ("accessibility[]", "accessible-toilet"),
            ("directions-it", "MM2 Porta Genova, ingresso dal cortile."), ("origin-it", "human"),
            ("original-language", "it"),
        ]
    }

    static func eventForm(venue: UUID, price: String = "12.50", titles: Bool = true) -> [(String, String)] {
        var form: [(String, String)] = [
            ("venue", venue.uuidString), ("kind", "culture"), ("price", price), ("currency", "EUR"),
            ("languages[]", "it"), ("languages[]", "sq"), ("bookingRequired", "1"), ("changeCutoffHours", "48"),
            ("original-language", "it"),
        ]
        if titles {
            form += [
                ("title-it", "Laboratorio di tessitura"), ("description-it", "Telai e filati."),
                ("title-sq", "Punëtori thurjeje"), ("description-sq", "Vegje dhe fije."), ("origin-sq", "machine"),
                ("title-en", "Weaving workshop"), ("description-en", "Looms and yarns."),
            ]
        }
        return form
    }

    static func counts(_ app: Application) async throws -> [Int] {
        [
            try await VenueModel.query(on: app.db).count(), try await EventModel.query(on: app.db).count(),
            try await EventSessionModel.query(on: app.db).count(), try await AuditEventModel.query(on: app.db).count(),
            try await OutboxMessageModel.query(on: app.db).count(),
        ]
    }

    @Test("a manager adds a venue, an event in three languages and a weekly series of four dates; all audited")
    func selfService() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let manager = TestBrowser(app, acceptLanguage: "it")
            _ = try await manager.login("organizer@mentore.test")
            let dashboard = try await manager.get(SiteRoute.organizerHome.path)
            #expect(dashboard.contains(ProgrammeRoute.venues(.value(Self.mill)).path))
            #expect(try await manager.get(ProgrammeRoute.venueNew(.value(Self.mill)).path).status == .ok)

            let venuePage = try await manager.post(ProgrammeRoute.venueNew(.value(Self.mill)).path, Self.venueForm())
            #expect(venuePage.status == .seeOther)
            let venue = try #require(
                try await VenueModel.query(on: app.db).filter(\.$name == "Sala Tessitura").with(\.$texts).first())
            #expect(venue.$organizer.id == Self.mill)
            #expect(venue.accessibility == [.stepFree, .accessibleToilet])
            #expect(venue.texts.map(\.language) == ["it"])
            let venueID = try venue.requireID()
            #expect(try await manager.get(ProgrammeRoute.venues(.value(Self.mill)).path).shows("Sala Tessitura"))

            let eventPage = try await manager.post(
                ProgrammeRoute.eventNew(.value(Self.mill)).path, Self.eventForm(venue: venueID))
            #expect(eventPage.status == .seeOther)
            let event = try #require(
                try await EventModel.query(on: app.db).filter(\.$venue.$id == venueID).with(\.$texts).first())
            #expect(event.published, "an approved organizer's event is published at once")
            #expect(event.$organizer.id == Self.mill)
            #expect(Set(event.texts.map(\.language)) == ["it", "sq", "en"])
            #expect(event.texts.first { $0.language == "sq" }?.origin == .machine)
            #expect(event.price == Money(minor: 1250, currency: .eur))
            #expect(event.bookingRequired && event.changeCutoffHours == 48)
            let eventID = try event.requireID()

            let sessions = ProgrammeRoute.sessions(.value(Self.mill), event: .value(eventID)).path
            let added = try await manager.post(
                sessions,
                [("startsAt", "2033-06-02T18:00"), ("endsAt", "2033-06-02T20:00"), ("capacity", "15"), ("repeat", "4")])
            #expect(added.status == .seeOther)
            let dates = try await EventSessionModel.query(on: app.db).filter(\.$event.$id == eventID).sort(\.$startsAt)
                .all()
            #expect(
                dates.map { SessionDraft.formatLocal($0.startsAt, timeZone: Self.rome) } == [
                    "2033-06-02T18:00", "2033-06-09T18:00", "2033-06-16T18:00", "2033-06-23T18:00",
                ])
            #expect(dates.allSatisfy { $0.capacity == 15 && $0.reserved == 0 })
            #expect(try await manager.get(sessions).status == .ok)

            let audits = try await AuditEventModel.query(on: app.db).filter(\.$action == "create").all()
            #expect(Set(audits.map(\.objectType)).isSuperset(of: ["venue", "event", "session"]))
            let publicPage = try await TestBrowser(app, acceptLanguage: "en").get(SiteRoute.event(.value(eventID)).path)
            #expect(publicPage.status == .ok)
            #expect(publicPage.shows(app.mentore.localizer.t("accessibility-accessible-toilet", in: "en")))
            #expect(!publicPage.shows(app.mentore.localizer.t("accessibility-hearing-loop", in: "en")))
        }
    }

    @Test("door staff get 403; another organizer's manager gets 403 for its pages and 404 for its event")
    func onlyManagers() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let staff = TestBrowser(app)
            _ = try await staff.login("door@mentore.test")
            #expect(try await staff.get(ProgrammeRoute.venues(.value(Self.mill)).path).status == .forbidden)
            #expect(
                try await staff.post(ProgrammeRoute.venueNew(.value(Self.mill)).path, Self.venueForm()).status
                    == .forbidden)
            let (other, manager) = try await Self.otherOrganizer(app)
            #expect(try await manager.get(ProgrammeRoute.events(.value(Self.mill)).path).status == .forbidden)
            let sideways = ProgrammeRoute.sessions(.value(try other.requireID()), event: .value(DemoData.events[0].id))
            #expect(try await manager.get(sideways.path).status == .notFound)
            let venueElsewhere = ProgrammeRoute.venueEdit(
                .value(try other.requireID()), venue: .value(DemoData.millVenue))
            #expect(try await manager.get(venueElsewhere.path).status == .notFound)
        }
    }

    @Test("bad input is refused with a localized message beside its field, and changes nothing")
    func badInput() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            // The manager's own language (Italian) speaks, whatever the browser asks for.
            let manager = TestBrowser(app, acceptLanguage: "sq")
            _ = try await manager.login("organizer@mentore.test")
            let t = { (key: String) in app.mentore.localizer.t(key, in: "it") }
            let (other, _) = try await Self.otherOrganizer(app)
            let foreign = VenueModel(
                id: UUID(), organizerID: try other.requireID(),
                draft: try VenueDraft(
                    name: "Altrove", address: "Via Po 1", city: "Torino", country: "IT", timeZone: "Europe/Rome"))
            try await foreign.create(on: app.db)
            let before = try await Self.counts(app)
            let event = DemoData.events[0].id
            let sessions = ProgrammeRoute.sessions(.value(Self.mill), event: .value(event)).path
            let cases: [(path: String, form: [(String, String)], message: String)] = [
                (
                    ProgrammeRoute.venueNew(.value(Self.mill)).path, Self.venueForm(timeZone: "Mars/Olympus"),
                    t("error-unknown-time-zone")
                ),
                (
                    ProgrammeRoute.eventNew(.value(Self.mill)).path,
                    Self.eventForm(venue: DemoData.millVenue, price: "12.345"),
                    t("error-invalid-value")
                ),
                (
                    ProgrammeRoute.eventNew(.value(Self.mill)).path,
                    Self.eventForm(venue: DemoData.millVenue, titles: false),
                    t("error-required")
                ),
                (
                    ProgrammeRoute.eventNew(.value(Self.mill)).path, Self.eventForm(venue: try foreign.requireID()),
                    t("error-required")
                ),
                (
                    sessions, [("startsAt", "2033-06-02T18:00"), ("endsAt", "2033-06-02T17:00"), ("capacity", "15")],
                    t("error-end-before-start")
                ),
                (
                    sessions, [("startsAt", "2033-05-01T18:00"), ("endsAt", "2033-05-01T20:00"), ("capacity", "15")],
                    t("error-in-the-past")
                ),
                (
                    sessions, [("startsAt", "2033-06-02T18:00"), ("endsAt", "2033-06-02T20:00"), ("capacity", "-4")],
                    t("error-negative")
                ),
                (
                    sessions,
                    [
                        ("startsAt", "2033-06-02T18:00"), ("endsAt", "2033-06-02T20:00"), ("capacity", "4"),
                        ("repeat", "99"),
                    ], t("error-invalid-value")
                ),
            ]
            for (path, form, message) in cases {
                let page = try await manager.post(path, form)
                #expect(page.status == .unprocessableEntity, "\(path) \(form)")
                #expect(page.shows(message), "\(path): \(message)")
                #expect(page.contains("aria-invalid=\"true\""), "\(path): the field is marked")
            }
            #expect(try await Self.counts(app) == before)
        }
    }

    @Test("a date's capacity never goes below the places taken; a move keeps its reservations")
    func changeDate() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let session = try await JourneyTests.sessions(app)[0][0]
            let sessionID = try session.requireID()
            for voucher in try await JourneyTests.circuitVouchers(app, count: 2) {
                _ = try await Journeys.reserve(
                    voucherID: voucher.requireID(), sessionID: sessionID, app: app, on: app.db)
            }
            let reserved = try await EventSessionModel.find(sessionID, on: app.db).orNotFound().reserved
            #expect(reserved >= 2)
            let manager = TestBrowser(app, acceptLanguage: "en")
            _ = try await manager.login("organizer@mentore.test")
            let path = ProgrammeRoute.sessionEdit(
                .value(Self.mill), event: .value(session.$event.id), session: .value(sessionID)
            ).path
            #expect(try await manager.get(path).status == .ok)
            let zone = Self.rome
            let starts = SessionDraft.formatLocal(session.startsAt.addingTimeInterval(86400), timeZone: zone)
            let ends = SessionDraft.formatLocal(session.endsAt.addingTimeInterval(86400), timeZone: zone)
            let before = try await Self.counts(app)
            let refused = try await manager.post(
                path, [("startsAt", starts), ("endsAt", ends), ("capacity", String(reserved - 1))])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.shows(app.mentore.localizer.t("error-capacity-below-reserved", in: "it")))
            #expect(try await Self.counts(app) == before)
            #expect(try await EventSessionModel.find(sessionID, on: app.db)?.startsAt == session.startsAt)

            let moved = try await manager.post(
                path, [("startsAt", starts), ("endsAt", ends), ("capacity", String(reserved))])
            #expect(moved.status == .seeOther)
            let stored = try await EventSessionModel.find(sessionID, on: app.db).orNotFound()
            #expect(stored.startsAt == session.startsAt.addingTimeInterval(86400))
            #expect(stored.capacity == reserved && stored.reserved == reserved)
            #expect(
                try await ReservationModel.query(on: app.db).filter(\.$session.$id == sessionID).count() == reserved)
            #expect(
                try await AuditEventModel.query(on: app.db).filter(\.$action == "edit").filter(
                    \.$objectType == "session"
                ).count() == 1)
        }
    }

    @Test("cancelling a date releases its reservations, keeps the vouchers, tells the holders in their language")
    func cancelDate() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            let holder = try #require(voucher.$beneficiary.id)
            try await BeneficiaryModel.query(on: app.db).filter(\.$id == holder).set(\.$email, to: "drita@example.test")
                .update()
            let status = try await VoucherModel.find(voucher.requireID(), on: app.db).orNotFound().status
            let manager = TestBrowser(app, acceptLanguage: "it")
            _ = try await manager.login("organizer@mentore.test")
            let path = ProgrammeRoute.sessionCancel(
                .value(Self.mill), event: .value(session.$event.id), session: .value(sessionID)
            ).path
            #expect(try await manager.get(path).status == .ok)

            // No reason: refused, nothing changed.
            let before = try await Self.counts(app)
            let refused = try await manager.post(path, [("reason", " ")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.shows(app.mentore.localizer.t("error-required", in: "it")))
            #expect(try await Self.counts(app) == before)

            let eventPage = SiteRoute.event(.value(session.$event.id)).path
            let shown = "datetime=\"\(session.startsAt.formatted(.iso8601))\""
            #expect(try await TestBrowser(app).get(eventPage).contains(shown))

            let done = try await manager.post(path, [("reason", "La docente è malata.")])
            #expect(done.status == .seeOther)
            let stored = try await EventSessionModel.find(sessionID, on: app.db).orNotFound()
            #expect(stored.cancelledAt != nil && stored.cancelReason == "La docente è malata.")
            #expect(stored.reserved == 0)
            #expect(try await ReservationModel.query(on: app.db).filter(\.$session.$id == sessionID).count() == 0)
            #expect(try await VoucherModel.find(voucher.requireID(), on: app.db)?.status == status)

            let mail = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "drita@example.test").all()
            #expect(mail.count == 1)
            let title = try await EventTextModel.query(on: app.db).filter(\.$event.$id == session.$event.id)
                .filter(\.$language == "sq").first()?.title
            #expect(mail.first?.language == "sq")
            #expect(
                mail.first?.subject
                    == app.mentore.localizer.t(
                        "email-session-cancelled-subject", ["event": .string(title ?? "")], in: "sq"))
            #expect(mail.first?.textBody.contains("La docente è malata.") == true)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "cancel").count() == 1)

            // The public page no longer offers it; it takes no more reservations; a second
            // cancellation is refused.
            #expect(try await TestBrowser(app).get(eventPage).contains(shown) == false)
            await JourneyTests.refusal(.sessionCancelled) {
                _ = try await Journeys.reserve(
                    voucherID: voucher.requireID(), sessionID: sessionID, app: app, on: app.db)
            }
            #expect(try await manager.post(path, [("reason", "Di nuovo")]).status == .unprocessableEntity)
            #expect(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "drita@example.test").count() == 1
            )
        }
    }

    @Test(
        "an admin unpublishes an event with a reason: audited, the organizer e-mailed; its manager cannot republish it")
    func unpublish() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let eventID = DemoData.events[0].id
            let admin = TestBrowser(app, acceptLanguage: "en")
            _ = try await admin.login("admin@mentore.test")
            let path = ProgrammeRoute.adminEventUnpublish(.value(eventID)).path
            #expect(try await admin.get(path).status == .ok)
            let refused = try await admin.post(path, [("reason", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await EventModel.find(eventID, on: app.db)?.published == true)

            #expect(try await admin.post(path, [("reason", "Wrong venue address.")]).status == .seeOther)
            let event = try await EventModel.find(eventID, on: app.db).orNotFound()
            #expect(!event.published && event.unpublishedReason == "Wrong venue address.")
            let mail = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "organizer@mentore.test")
                .all().filter { $0.textBody.contains("Wrong venue address.") }
            let organizer = try await OrganizerModel.find(Self.mill, on: app.db).orNotFound()
            #expect(mail.count == 1 && mail.first?.language == organizer.language)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "unpublish").count() == 1)
            #expect(try await admin.post(path, [("reason", "Again")]).status == .conflict)

            let token = try await APITests.token(app, "organizer@mentore.test")
            let patched = try await APITests.Client(app, token: token).call(
                .PATCH, ProgrammeRoute.apiEvent(.value(eventID)).path, json: #"{"published":true,"price":"41.00"}"#)
            #expect(patched.status == .ok)
            let after = try await EventModel.find(eventID, on: app.db).orNotFound()
            #expect(!after.published && after.priceMinor == 4100)
        }
    }

    @Test("an event's own cut-off decides until when its dates can be reserved")
    func eventCutoff() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let session = try await JourneyTests.sessions(app)[0][0]
            let voucher = try #require(try await JourneyTests.circuitVouchers(app).first)
            // A month ahead is longer than the date is away: closed, nothing reserved.
            try await EventModel.query(on: app.db).filter(\.$id == session.$event.id).set(\.$changeCutoffHours, to: 720)
                .update()
            #expect(
                try await JourneyTests.outcome(reserving: voucher.requireID(), at: session.requireID(), app: app)
                    == "reservation-closed")
            #expect(
                try await ReservationModel.query(on: app.db).filter(\.$voucher.$id == voucher.requireID()).count() == 0)
            try await EventModel.query(on: app.db).filter(\.$id == session.$event.id).set(\.$changeCutoffHours, to: 1)
                .update()
            #expect(
                try await JourneyTests.outcome(reserving: voucher.requireID(), at: session.requireID(), app: app)
                    == "reserved")
        }
    }

    @Test("a date that has begun can be neither changed nor cancelled; one with admissions is not deleted")
    func begun() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (_, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let later = clock.withLockedValue { $0 }
            let changed = try await StoreFixtures.code {
                try await CatalogStore.changeSession(
                    sessionID, of: session.$event.id, startsAt: later.addingTimeInterval(86400),
                    endsAt: later.addingTimeInterval(90000), capacity: 50, now: later, record: .init(), on: app.db)
            }
            #expect(changed == .sessionStarted)
            let cancelled = try await StoreFixtures.code {
                _ = try await CatalogStore.cancelSession(
                    sessionID, of: session.$event.id, reason: "Troppo tardi", now: later, record: { _, _ in .init() },
                    on: app.db)
            }
            #expect(cancelled == .sessionStarted)
            let stored = try await EventSessionModel.find(sessionID, on: app.db).orNotFound()
            #expect(stored.cancelledAt == nil && stored.startsAt == session.startsAt && stored.reserved >= 1)
            let deleted = try await StoreFixtures.code {
                try await CatalogStore.deleteSession(sessionID, of: session.$event.id, record: .init(), on: app.db)
            }
            #expect(deleted == .sessionHasReservations)
        }
    }

    @Test("a capacity change racing with bookings on two instances never leaves more reservations than seats")
    func capacityRace() async throws {
        try await withTwoApps(seed: true) { first, second in
            let session = try await JourneyTests.sessions(first)[0][0]
            let sessionID = try session.requireID()
            let vouchers = try await JourneyTests.circuitVouchers(first, count: 24)
            let sql = first.db as! any SQLDatabase
            try await sql.update(EventSessionModel.schema).set("capacity", to: SQLBind(session.reserved + 20))
                .where("id", .equal, SQLBind(sessionID)).run()
            let target = session.reserved + 8
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for (index, voucher) in vouchers.enumerated() {
                    let app = index.isMultiple(of: 2) ? first : second
                    let voucherID = try voucher.requireID()
                    group.addTask { try await JourneyTests.outcome(reserving: voucherID, at: sessionID, app: app) }
                    if index.isMultiple(of: 4) {
                        let other = index.isMultiple(of: 8) ? second : first
                        group.addTask {
                            do {
                                try await CatalogStore.changeSession(
                                    sessionID, of: session.$event.id, startsAt: session.startsAt,
                                    endsAt: session.endsAt,
                                    capacity: target, now: other.mentore.now(), record: .init(), on: other.db)
                                return "changed"
                            } catch let errors as ValidationErrors { return errors.errors[0].code.rawValue }
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            let stored = try await EventSessionModel.find(sessionID, on: first.db).orNotFound()
            let held = try await ReservationModel.query(on: first.db).filter(\.$session.$id == sessionID).count()
            #expect(held == stored.reserved)
            #expect(stored.reserved <= stored.capacity, "\(outcomes)")
            #expect(
                outcomes.allSatisfy {
                    ["reserved", "session-full", "changed", "capacity-below-reserved"].contains($0)
                }, "\(outcomes)")
            if outcomes.contains("changed") {
                #expect(stored.capacity == target)
            }
            #expect(outcomes.filter { $0 == "reserved" }.count == held - session.reserved)
        }
    }
}
