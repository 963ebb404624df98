import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Catalog administration")
struct CatalogAdminTests {
    static func eventForm(venue: UUID, price: String = "25", title: String = "Corso di fotografia") -> [(
        String, String
    )] {
        [
            ("venue", venue.uuidString), ("kind", "training"), ("price", price), ("currency", "EUR"),
            ("languages[]", "it"), ("languages[]", "sq"), ("title-it", title), ("description-it", "Per artigiane."),
            ("title-sq", "Kurs fotografie"), ("description-sq", "Për artizanet."), ("published", "1"),
        ]
    }

    @Test("an admin creates an event with texts in two languages, then a session")
    func createEvent() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("admin@mentore.test")
            _ = try await browser.get("/admin/events/new")
            let created = try await browser.post("/admin/events/new", Self.eventForm(venue: DemoData.millVenue))
            #expect(created.status == .seeOther)
            let event = try #require(
                try await EventModel.query(on: app.db).join(
                    EventTextModel.self, on: \EventModel.$id == \EventTextModel.$event.$id
                )
                .filter(EventTextModel.self, \.$title == "Corso di fotografia").with(\.$texts).first())
            #expect(event.priceMinor == 2500)
            #expect(event.texts.count == 2)
            #expect(event.languageList == [.it, .sq])
            let id = try event.requireID()
            _ = try await browser.get("/admin/events/\(id)/sessions")
            let session = try await browser.post(
                "/admin/events/\(id)/sessions",
                [("startsAt", "2031-03-01T18:00"), ("endsAt", "2031-03-01T20:00"), ("capacity", "12")])
            #expect(session.status == .seeOther)
            let stored = try #require(try await EventSessionModel.query(on: app.db).filter(\.$event.$id == id).first())
            // 18:00 in Milan in March is 17:00 UTC.
            #expect(stored.startsAt == Date(timeIntervalSince1970: 1_930_150_800))
            #expect(stored.capacity == 12)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$objectType == "session").count()
            #expect(audit == 1)
        }
    }

    @Test("an end before the start, a negative capacity or price are refused and change nothing")
    func badSessionAndPrice() async throws {
        try await withApp(seed: true) { app async throws in
            // The demo admin prefers Italian, which wins over the browser's header.
            let browser = TestBrowser(app, acceptLanguage: "en")
            _ = try await browser.login("admin@mentore.test")
            let eventID = DemoData.events[0].id
            let before = try await EventSessionModel.query(on: app.db).count()
            _ = try await browser.get("/admin/events/\(eventID)/sessions")
            let backwards = try await browser.post(
                "/admin/events/\(eventID)/sessions",
                [("startsAt", "2031-03-01T18:00"), ("endsAt", "2031-03-01T17:00"), ("capacity", "10")])
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.shows(app.mentore.localizer.t("error-end-before-start", in: "it")))
            let negative = try await browser.post(
                "/admin/events/\(eventID)/sessions",
                [("startsAt", "2031-03-01T18:00"), ("endsAt", "2031-03-01T19:00"), ("capacity", "-5")])
            #expect(negative.status == .unprocessableEntity)
            #expect(negative.shows(app.mentore.localizer.t("error-negative", in: "it")))
            let garbage = try await browser.post(
                "/admin/events/\(eventID)/sessions",
                [("startsAt", "2031-02-30T18:00"), ("endsAt", "yesterday"), ("capacity", "ten")])
            #expect(garbage.status == .unprocessableEntity)
            #expect(try await EventSessionModel.query(on: app.db).count() == before)

            let events = try await EventModel.query(on: app.db).count()
            _ = try await browser.get("/admin/events/new")
            let price = try await browser.post(
                "/admin/events/new", Self.eventForm(venue: DemoData.millVenue, price: "-10"))
            #expect(price.status == .unprocessableEntity)
            #expect(price.shows(app.mentore.localizer.t("error-negative", in: "it")))
            let lekDecimals = try await browser.post(
                "/admin/events/new",
                Self.eventForm(venue: DemoData.millVenue, price: "10.5").map {
                    $0.0 == "currency" ? ("currency", "ALL") : $0
                })
            #expect(lekDecimals.status == .unprocessableEntity)
            let noTitle = try await browser.post(
                "/admin/events/new",
                Self.eventForm(venue: DemoData.millVenue, title: "").filter { !$0.0.hasSuffix("-sq") })
            #expect(noTitle.status == .unprocessableEntity)
            #expect(try await EventModel.query(on: app.db).count() == events)
        }
    }

    @Test("a venue needs a known time zone and a two-letter country")
    func venueValidation() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("admin@mentore.test")
            let before = try await VenueModel.query(on: app.db).count()
            _ = try await browser.get("/admin/venues/new")
            let bad = try await browser.post(
                "/admin/venues/new",
                [
                    ("organizer", DemoData.slowMill.uuidString), ("name", "Sala"), ("address", "Via Roma 1"),
                    ("city", "Pavia"), ("country", "Italy"), ("timeZone", "Europe/Atlantis"),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.shows(app.mentore.localizer.t("error-unknown-time-zone", in: "it")))
            let good = try await browser.post(
                "/admin/venues/new",
                [
                    ("organizer", DemoData.slowMill.uuidString), ("name", "Sala"), ("address", "Via Roma 1"),
                    ("city", "Pavia"), ("country", "it"), ("timeZone", "Europe/Rome"),
                ])
            #expect(good.status == .seeOther)
            #expect(try await VenueModel.query(on: app.db).count() == before + 1)
        }
    }

    @Test("an admin creates a partner; its slug is unique")
    func createPartner() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("admin@mentore.test")
            _ = try await browser.get("/admin/partners/new")
            let first = try await browser.post("/admin/partners/new", [("name", "Dora e Pajtimit"), ("city", "Roma")])
            #expect(first.status == .seeOther)
            let slugs = try await PartnerModel.query(on: app.db).all().map(\.slug)
            #expect(slugs.contains("dora-e-pajtimit-2"))
            let empty = try await browser.post("/admin/partners/new", [("name", " "), ("city", "")])
            #expect(empty.status == .unprocessableEntity)
        }
    }

    @Test("seeding the demo data twice changes nothing")
    func seedIsIdempotent() async throws {
        try await withApp(seed: true) { app async throws in
            let counts = try await (
                UserModel.query(on: app.db).count(), EventModel.query(on: app.db).count(),
                EventSessionModel.query(on: app.db).count(), OrganizerMemberModel.query(on: app.db).count()
            )
            #expect(try await DemoData.seed(app) == 0)
            let again = try await (
                UserModel.query(on: app.db).count(), EventModel.query(on: app.db).count(),
                EventSessionModel.query(on: app.db).count(), OrganizerMemberModel.query(on: app.db).count()
            )
            #expect(counts == again)
        }
    }

    @Test("a date people reserved cannot be deleted; an empty one can")
    func deleteReservedSession() async throws {
        try await withApp(seed: true) { app async throws in
            let (_, session) = try await DoorTests.reserved(app)
            let admin = TestBrowser(app, acceptLanguage: "en")
            _ = try await admin.login("admin@mentore.test")
            let event = session.$event.id
            let refused = try await admin.post(
                SiteRoute.adminEventSessionDelete(.value(event), session: .value(try session.requireID())).path, [])
            #expect(refused.status == .conflict)
            #expect(refused.shows(app.mentore.localizer.t("error-session-has-reservations", in: "it")))
            #expect(try await EventSessionModel.find(session.requireID(), on: app.db) != nil)
            let empty = try await EventSessionModel.query(on: app.db).filter(\.$event.$id == event)
                .filter(\.$id != session.requireID()).first().orNotFound()
            let deleted = try await admin.post(
                SiteRoute.adminEventSessionDelete(.value(event), session: .value(try empty.requireID())).path, [])
            #expect(deleted.status == .seeOther)
            #expect(try await EventSessionModel.find(empty.requireID(), on: app.db) == nil)
        }
    }
}
