import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// `/api/v1/organizers/{id}/venues|events`, `/api/v1/events/{id}…`, `/api/v1/sessions/{id}…`:
/// an organizer's programme for its managers' own scripts, with a personal token. The same
/// checks as the pages (`Programme`); errors name the field as the JSON spells it.
enum ProgrammeAPIController {
    // MARK: What it answers

    struct Venue: Encodable {
        var id: String
        var organizerId: String
        var name: String
        var address: String
        var city: String
        var country: String
        var timeZone: String
        var accessibility: [String]
        var directions: [String: String]
    }

    struct Text: Codable {
        var title: String?
        var description: String?
    }

    struct Event: Encodable {
        var id: String
        var organizerId: String
        var venueId: String
        var kind: String
        var price: String
        var currency: String
        var languages: [String]
        var texts: [String: Text]
        var published: Bool
        var bookingRequired: Bool
        var changeCutoffHours: Int?
    }

    struct Session: Encodable {
        var id: String
        var eventId: String
        var startsAt: Date
        var endsAt: Date
        var capacity: Int
        var reserved: Int
        var cancelledAt: Date?
        var cancelReason: String?
    }

    static func venue(_ v: VenueModel, texts: [VenueTextModel]) throws -> Venue {
        Venue(
            id: try v.requireID().api, organizerId: v.$organizer.id.api, name: v.name, address: v.address,
            city: v.city, country: v.country, timeZone: v.timeZone,
            accessibility: Accessibility.allCases.filter(v.accessibility.contains).map(\.rawValue),
            directions: Dictionary(texts.map { ($0.language, $0.directions) }) { first, _ in first })
    }

    static func event(_ e: EventModel, texts: [EventTextModel]) throws -> Event {
        Event(
            id: try e.requireID().api, organizerId: e.$organizer.id.api, venueId: e.$venue.id.api,
            kind: e.kind.rawValue, price: e.price.decimalString, currency: e.currency.rawValue,
            languages: e.languageList.map(\.rawValue),
            texts: Dictionary(texts.map { ($0.language, Text(title: $0.title, description: $0.description)) }) {
                first, _ in first
            },
            published: e.published, bookingRequired: e.bookingRequired, changeCutoffHours: e.changeCutoffHours)
    }

    static func session(_ s: EventSessionModel) throws -> Session {
        Session(
            id: try s.requireID().api, eventId: s.$event.id.api, startsAt: s.startsAt, endsAt: s.endsAt,
            capacity: s.capacity, reserved: s.reserved, cancelledAt: s.cancelledAt, cancelReason: s.cancelReason)
    }

    /// Field names of the drafts (`title-sq`, `timeZone`, `venue`) as the JSON spells them.
    static func renamed(_ errors: ValidationErrors) -> ValidationErrors {
        ValidationErrors(
            errors.errors.map { error in
                var error = error
                guard let field = error.field else { return error }
                let parts = field.split(separator: "-", maxSplits: 1).map(String.init)
                if parts.count == 2, Language(rawValue: parts[1]) != nil {
                    error.field =
                        parts[0] == "directions" ? "directions.\(parts[1])" : "texts.\(parts[1]).\(parts[0])"
                } else if field == "venue" {
                    error.field = "venue_id"
                } else if field == "original-language" {
                    error.field = "original_language"
                }
                return error
            })
    }

    static func refusingInput<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let errors as ValidationErrors { throw renamed(errors) }
    }

    // MARK: Venues

    struct VenueRequest: Decodable {
        var name: String?
        var address: String?
        var city: String?
        var country: String?
        var timeZone: String?
        var accessibility: [String]?
        var directions: [String: String]?
        var originalLanguage: String?
    }

    @Sendable static func venues(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        try APIJSON.allowQuery(req)
        let venues = try await VenueModel.query(on: req.db).filter(\.$organizer.$id == organizer.requireID())
            .with(\.$texts).sort(\.$name).sort(\.$id).all()
        return try APIJSON.response(APIList(items: try venues.map { try venue($0, texts: $0.texts) }, hasMore: false))
    }

    @Sendable static func createVenue(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        try APIJSON.allowQuery(req)
        let input = try APIJSON.decode(VenueRequest.self, from: req)
        return try await refusingInput {
            var v = Validator()
            if let unknown = input.directions?.keys.first(where: { Language(rawValue: $0) == nil }) {
                v.add(.invalidValue, field: "directions.\(unknown)")
            }
            try v.finish()
            let draft = try VenueDraft(
                name: input.name, address: input.address, city: input.city, country: input.country,
                timeZone: input.timeZone,
                directions: Dictionary(
                    uniqueKeysWithValues: Language.allCases.map { ($0, input.directions?[$0.rawValue]) }),
                accessibility: input.accessibility ?? [])
            let saved = try await Programme.saveVenue(
                req, existing: nil, organizerID: organizer.requireID(), draft: draft,
                originalLanguage: input.originalLanguage, origins: [:])
            let texts = try await saved.$texts.get(reload: true, on: req.db)
            return try APIJSON.response(try venue(saved, texts: texts), status: .created)
        }
    }

    // MARK: Events

    struct EventRequest: Decodable {
        var venueId: String?
        var kind: String?
        var price: String?
        var currency: String?
        var languages: [String]?
        var texts: [String: Text]?
        var published: Bool?
        var bookingRequired: Bool?
        var changeCutoffHours: Int?
        var originalLanguage: String?
    }

    @Sendable static func events(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        try APIJSON.allowQuery(req)
        let events = try await EventModel.query(on: req.db).filter(\.$organizer.$id == organizer.requireID())
            .with(\.$texts).sort(\.$createdAt, .descending).sort(\.$id).all()
        return try APIJSON.response(APIList(items: try events.map { try event($0, texts: $0.texts) }, hasMore: false))
    }

    @Sendable static func createEvent(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        try APIJSON.allowQuery(req)
        let input = try APIJSON.decode(EventRequest.self, from: req)
        return try await saveEvent(req, input: input, existing: nil, organizerID: try organizer.requireID())
    }

    @Sendable static func updateEvent(req: Request) async throws -> Response {
        let existing = try await Programme.managedEvent(req, req.idParameter("eventID"))
        try APIJSON.allowQuery(req)
        try await existing.$texts.load(on: req.db)
        // A PATCH: what it leaves out stays as it was.
        var input = try APIJSON.decode(EventRequest.self, from: req)
        let stored = try event(existing, texts: existing.texts)
        input.venueId = input.venueId ?? stored.venueId
        input.kind = input.kind ?? stored.kind
        input.price = input.price ?? stored.price
        input.currency = input.currency ?? stored.currency
        input.languages = input.languages ?? stored.languages
        input.texts = input.texts ?? stored.texts
        input.bookingRequired = input.bookingRequired ?? stored.bookingRequired
        input.changeCutoffHours = input.changeCutoffHours ?? stored.changeCutoffHours
        input.originalLanguage = input.originalLanguage ?? existing.originalLanguage
        return try await saveEvent(req, input: input, existing: existing, organizerID: existing.$organizer.id)
    }

    static func saveEvent(_ req: Request, input: EventRequest, existing: EventModel?, organizerID: UUID)
        async throws -> Response
    {
        try await refusingInput {
            var v = Validator()
            if let unknown = input.texts?.keys.first(where: { Language(rawValue: $0) == nil }) {
                v.add(.invalidValue, field: "texts.\(unknown)")
            }
            // Another organizer's venue is as unknown here as one that does not exist.
            let venueID = input.venueId.flatMap(UUID.init(uuidString:))
            let venue = try await venueID.asyncMap { try await VenueModel.find($0, on: req.db) } ?? nil
            if input.venueId == nil {
                v.add(.required, field: "venue")
            } else if venue?.$organizer.id != organizerID {
                v.add(.notFound, field: "venue")
            }
            var texts: [Language: (title: String?, description: String?)] = [:]
            for language in Language.allCases {
                let text = input.texts?[language.rawValue]
                texts[language] = (text?.title, text?.description)
            }
            var problems = v.errors
            var draft: EventDraft?
            do throws(ValidationErrors) {
                draft = try EventDraft(
                    kind: input.kind, price: input.price, currency: input.currency, languages: input.languages ?? [],
                    texts: texts, originalLanguage: input.originalLanguage,
                    bookingRequired: input.bookingRequired ?? true,
                    changeCutoffHours: input.changeCutoffHours.map(String.init))
            } catch { problems += error.errors }
            guard let draft, let venue, problems.isEmpty else { throw ValidationErrors(problems) }
            let saved = try await Programme.saveEvent(
                req, existing: existing, venue: venue, draft: draft, published: input.published)
            let stored = try await EventTextModel.query(on: req.db).filter(\.$event.$id == saved.requireID()).all()
            return try APIJSON.response(try event(saved, texts: stored), status: existing == nil ? .created : .ok)
        }
    }

    // MARK: Sessions

    struct SessionRequest: Decodable {
        var startsAt: String?
        var endsAt: String?
        var capacity: Int?
        /// How many sessions a week apart, the first included (1 when absent).
        var `repeat`: Int?
    }

    struct CreatedSessions: Encodable {
        var id: String
        var sessions: [Session]
    }

    @Sendable static func createSessions(req: Request) async throws -> Response {
        let event = try await Programme.managedEvent(req, req.idParameter("eventID"))
        try APIJSON.allowQuery(req)
        let input = try APIJSON.decode(SessionRequest.self, from: req)
        return try await refusingInput {
            var v = Validator()
            let count = SessionSeries.count(input.repeat.map(String.init), into: &v)
            var problems = v.errors
            var first: SessionDraft?
            let now = req.now
            do throws(ValidationErrors) {
                first = try SessionDraft(
                    instantStarts: input.startsAt, ends: input.endsAt, capacity: input.capacity.map(String.init),
                    now: now)
            } catch { problems = error.errors + problems }
            guard let first, problems.isEmpty else { throw ValidationErrors(problems) }
            let sessions = try await Programme.addSessions(req, event: event, first: first, count: count)
            let items = try sessions.map(session)
            return try APIJSON.response(CreatedSessions(id: items[0].id, sessions: items), status: .created)
        }
    }

    @Sendable static func updateSession(req: Request) async throws -> Response {
        let stored = try await Programme.managedSession(req, req.idParameter("sessionID"))
        try APIJSON.allowQuery(req)
        let input = try APIJSON.decode(SessionRequest.self, from: req)
        return try await refusingInput {
            if input.repeat != nil { throw ValidationErrors([DomainError(.invalidValue, field: "repeat")]) }
            try SessionRules.checkChangeable(
                startsAt: stored.startsAt, cancelled: stored.cancelledAt != nil, now: req.now)
            let draft = try SessionDraft(
                instantStarts: input.startsAt ?? stored.startsAt.ISO8601Format(),
                ends: input.endsAt ?? stored.endsAt.ISO8601Format(),
                capacity: String(input.capacity ?? stored.capacity), now: req.now)
            try await Programme.changeSession(req, stored, to: draft)
            return try APIJSON.response(
                try session(try await EventSessionModel.find(stored.requireID(), on: req.db).orNotFound()))
        }
    }

    struct CancelRequest: Decodable {
        var reason: String?
    }

    @Sendable static func cancel(req: Request) async throws -> Response {
        let stored = try await Programme.managedSession(req, req.idParameter("sessionID"))
        try APIJSON.allowQuery(req)
        let input = try APIJSON.decode(CancelRequest.self, from: req)
        try await Programme.cancelSession(req, stored, reason: input.reason)
        return try APIJSON.response(
            try session(try await EventSessionModel.find(stored.requireID(), on: req.db).orNotFound()))
    }
}
