import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("The organizer API: venues, events and sessions with a manager's personal token")
struct ProgrammeAPITests {
    typealias Client = APITests.Client
    static let mill = DemoData.slowMill

    static func manager(_ app: Application, language: String = "en") async throws -> Client {
        Client(app, token: try await APITests.token(app, "organizer@mentore.test"), language: language)
    }

    static let venueBody = #"""
        {"name":"Sala Telai","address":"Via Tortona 12","city":"Milano","country":"IT","time_zone":"Europe/Rome",
         "accessibility":["hearing-loop"],"directions":{"it":"Dal cortile.","en":"Through the courtyard."}}
        """#

    static func eventBody(venue: UUID, price: String = "12.50", texts: String? = nil) -> String {
        let texts =
            texts
            ?? #"{"it":{"title":"Telai aperti","description":"Una sera al telaio."},"sq":{"title":"Vegje të hapura"},"en":{"title":"Open looms"}}"#
        return
            #"{"venue_id":"\#(venue.api)","kind":"culture","price":"\#(price)","currency":"EUR","languages":["it","en"],"texts":\#(texts),"published":true}"#
    }

    @Test("a manager adds a venue, an event and a weekly series, changes a date and cancels another")
    func lifecycle() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let client = try await Self.manager(app)
            let venues = ProgrammeRoute.apiVenues(.value(Self.mill)).path
            let created = try await client.call(.POST, venues, json: Self.venueBody, key: "k-programme-venue")
            #expect(created.status == .created, "\(created.body)")
            let venue = try Fixtures.json(created)
            let venueID = try #require((venue["id"] as? String).flatMap(UUID.init(uuidString:)))
            #expect(venue["accessibility"] as? [String] == ["hearing-loop"])
            #expect((venue["directions"] as? [String: String])?["en"] == "Through the courtyard.")
            let list = try Fixtures.json(try await client.call(.GET, venues))
            #expect((list["items"] as? [[String: Any]])?.contains { $0["id"] as? String == venueID.api } == true)

            let events = ProgrammeRoute.apiEvents(.value(Self.mill)).path
            let made = try await client.call(
                .POST, events, json: Self.eventBody(venue: venueID), key: "k-programme-event")
            #expect(made.status == .created, "\(made.body)")
            let event = try Fixtures.json(made)
            let eventID = try #require((event["id"] as? String).flatMap(UUID.init(uuidString:)))
            #expect(event["price"] as? String == "12.50")
            #expect(event["published"] as? Bool == true)
            #expect((event["texts"] as? [String: Any])?.count == 3)
            #expect(try await EventModel.find(eventID, on: app.db)?.published == true)

            let patched = try await client.call(
                .PATCH, ProgrammeRoute.apiEvent(.value(eventID)).path, json: #"{"price":"15","booking_required":false}"#
            )
            #expect(patched.status == .ok, "\(patched.body)")
            let stored = try await EventModel.find(eventID, on: app.db).orNotFound()
            #expect(stored.priceMinor == 1500 && !stored.bookingRequired && stored.kind == .culture)

            let series = try await client.call(
                .POST, ProgrammeRoute.apiEventSessions(.value(eventID)).path,
                json:
                    #"{"starts_at":"2033-06-02T18:00:00+02:00","ends_at":"2033-06-02T20:00:00+02:00","capacity":20,"repeat":4}"#,
                key: "k-programme-series")
            #expect(series.status == .created, "\(series.body)")
            let sessions = try #require(try Fixtures.json(series)["sessions"] as? [[String: Any]])
            #expect(sessions.count == 4)
            let ids = sessions.compactMap { ($0["id"] as? String).flatMap(UUID.init(uuidString:)) }
            #expect(try Fixtures.json(series)["id"] as? String == ids.first?.api)

            let moved = try await client.call(
                .PATCH, ProgrammeRoute.apiSession(.value(ids[1])).path,
                json: #"{"starts_at":"2033-06-10T18:00:00+02:00","ends_at":"2033-06-10T20:00:00+02:00","capacity":12}"#)
            #expect(moved.status == .ok, "\(moved.body)")
            let movedSession = try await EventSessionModel.find(ids[1], on: app.db).orNotFound()
            #expect(movedSession.capacity == 12)
            #expect(movedSession.startsAt == SessionDraft.parseInstant("2033-06-10T16:00:00Z"))

            let cancelled = try await client.call(
                .POST, ProgrammeRoute.apiSessionCancel(.value(ids[2])).path, json: #"{"reason":"Sala allagata."}"#,
                key: "k-programme-cancel")
            #expect(cancelled.status == .ok, "\(cancelled.body)")
            #expect(try Fixtures.json(cancelled)["cancel_reason"] as? String == "Sala allagata.")
            #expect(try await EventSessionModel.find(ids[2], on: app.db)?.cancelledAt != nil)
            let again = try await client.call(
                .PATCH, ProgrammeRoute.apiSession(.value(ids[2])).path, json: #"{"capacity":30}"#)
            #expect(try Fixtures.error(again).code == "session-cancelled")
        }
    }

    @Test("bad input: a localized error naming the field as the JSON spells it, and nothing changed")
    func badInput() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let client = try await Self.manager(app, language: "it")
            let other = OrganizerModel(
                slug: "altrove", name: "Altrove", city: "Torino", description: "", contactEmail: "a@example.org",
                status: .approved, applicantID: nil)
            try await other.create(on: app.db)
            let foreign = VenueModel(
                id: UUID(), organizerID: try other.requireID(),
                draft: try VenueDraft(
                    name: "Altrove", address: "Via Po 1", city: "Torino", country: "IT", timeZone: "Europe/Rome"))
            try await foreign.create(on: app.db)
            let before = try await ProgrammeTests.counts(app)
            let event = DemoData.events[0].id
            let venues = ProgrammeRoute.apiVenues(.value(Self.mill)).path
            let events = ProgrammeRoute.apiEvents(.value(Self.mill)).path
            let sessions = ProgrammeRoute.apiEventSessions(.value(event)).path
            let search = String(repeating: "x", count: 10_000)
            let cases: [(HTTPMethod, String, String, code: String, field: String)] = [
                (
                    .POST, venues, Self.venueBody.replacingOccurrences(of: "Europe/Rome", with: "Mars/Olympus"),
                    "unknown-time-zone", "time_zone"
                ),
                (.POST, events, Self.eventBody(venue: DemoData.millVenue, price: "12.345"), "invalid-value", "price"),
                (.POST, events, Self.eventBody(venue: DemoData.millVenue, texts: "{}"), "required", "texts.it.title"),
                (
                    .POST, events, Self.eventBody(venue: DemoData.millVenue, texts: #"{"it":{"title":"\#(search)"}}"#),
                    "too-long", "texts.it.title"
                ),
                (.POST, events, Self.eventBody(venue: try foreign.requireID()), "not-found", "venue_id"),
                (
                    .POST, sessions,
                    #"{"starts_at":"2033-06-02T18:00:00Z","ends_at":"2033-06-02T17:00:00Z","capacity":5}"#,
                    "end-before-start", "ends_at"
                ),
                (
                    .POST, sessions,
                    #"{"starts_at":"2033-05-01T18:00:00Z","ends_at":"2033-05-01T20:00:00Z","capacity":5}"#,
                    "in-the-past", "starts_at"
                ),
                (
                    .POST, sessions,
                    #"{"starts_at":"2033-06-02T18:00:00Z","ends_at":"2033-06-02T20:00:00Z","capacity":-1}"#,
                    "negative", "capacity"
                ),
                (
                    .POST, sessions, #"{"starts_at":"\#(search)","ends_at":"2033-06-02T20:00:00Z","capacity":5}"#,
                    "invalid-date", "starts_at"
                ),
            ]
            for (index, (method, path, json, code, field)) in cases.enumerated() {
                let page = try await client.call(method, path, json: json, key: "k-programme-bad-\(index)")
                #expect(page.status == .unprocessableEntity, "\(index) \(path): \(page.status)")
                let error = try Fixtures.error(page)
                #expect(error.code == code, "\(index)")
                #expect(error.field == field, "\(index)")
                #expect(error.message == app.mentore.localizer.t("error-\(code)", in: "it"), "\(index)")
            }
            #expect(try await ProgrammeTests.counts(app) == before)
        }
    }

    @Test("a capacity below the places reserved is refused on capacity, and the date is unchanged")
    func capacityBelowReserved() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (_, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            let reserved = try await EventSessionModel.find(sessionID, on: app.db).orNotFound().reserved
            let client = try await Self.manager(app)
            let page = try await client.call(
                .PATCH, ProgrammeRoute.apiSession(.value(sessionID)).path,
                json: #"{"capacity":\#(reserved - 1)}"#)
            #expect(page.status == .unprocessableEntity)
            let error = try Fixtures.error(page)
            #expect(error.code == (reserved - 1 < 1 ? "invalid-value" : "capacity-below-reserved"))
            #expect(error.field == "capacity")
            #expect(try await EventSessionModel.find(sessionID, on: app.db)?.capacity == session.capacity)
        }
    }

    @Test("door staff get 403; another organizer's manager 403 for the organizer, 404 for its events and dates")
    func strangers() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let staff = Client(app, token: try await APITests.token(app, "door@mentore.test"))
            let event = DemoData.events[0].id
            let session = try await JourneyTests.sessions(app)[1][0]
            #expect(try await staff.call(.GET, ProgrammeRoute.apiVenues(.value(Self.mill)).path).status == .forbidden)
            #expect(
                try await staff.call(.PATCH, ProgrammeRoute.apiEvent(.value(event)).path, json: "{}").status
                    == .forbidden)
            let (_, _) = try await ProgrammeTests.otherOrganizer(app)
            let stranger = Client(app, token: try await APITests.token(app, "altrove@example.org"))
            #expect(
                try await stranger.call(.GET, ProgrammeRoute.apiEvents(.value(Self.mill)).path).status == .forbidden)
            #expect(
                try await stranger.call(
                    .POST, ProgrammeRoute.apiVenues(.value(Self.mill)).path, json: Self.venueBody, key: "k-programme-s1"
                ).status == .forbidden)
            let patch = try await stranger.call(
                .PATCH, ProgrammeRoute.apiEvent(.value(event)).path, json: #"{"price":"1"}"#)
            #expect(patch.status == .notFound)
            let cancel = try await stranger.call(
                .POST, ProgrammeRoute.apiSessionCancel(.value(session.requireID())).path, json: #"{"reason":"x"}"#,
                key: "k-programme-s2")
            #expect(cancel.status == .notFound)
            #expect(try await EventSessionModel.find(session.requireID(), on: app.db)?.cancelledAt == nil)
            #expect(try await EventModel.find(event, on: app.db)?.priceMinor == 4000)
        }
    }
}
