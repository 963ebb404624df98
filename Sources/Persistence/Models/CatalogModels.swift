import Domain
import FluentKit
import Foundation

/// A place where Events happen, with the time zone its sessions are shown in.
public final class VenueModel: Model, @unchecked Sendable {
    public static let schema = "venues"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organizer_id") public var organizer: OrganizerModel
    @Field(key: "name") public var name: String
    @Field(key: "address") public var address: String
    @Field(key: "city") public var city: String
    @Field(key: "country") public var country: String
    @Field(key: "time_zone") public var timeZone: String
    /// The language the venue's texts were first written in.
    @Field(key: "original_language") public var originalLanguage: String
    @Field(key: "step_free") public var stepFree: Bool
    @Field(key: "hearing_loop") public var hearingLoop: Bool
    @Field(key: "accessible_toilet") public var accessibleToilet: Bool
    @Children(for: \.$venue) public var texts: [VenueTextModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    /// A venue offers no accessibility feature until its form says so.
    public init() {
        (stepFree, hearingLoop, accessibleToilet) = (false, false, false)
    }

    public init(id: UUID? = nil, organizerID: UUID, draft: VenueDraft) {
        self.id = id
        self.$organizer.id = organizerID
        apply(draft)
    }

    public func apply(_ draft: VenueDraft) {
        name = draft.name
        address = draft.address
        city = draft.city
        country = draft.country
        timeZone = draft.timeZone
        stepFree = draft.accessibility.contains(.stepFree)
        hearingLoop = draft.accessibility.contains(.hearingLoop)
        accessibleToilet = draft.accessibility.contains(.accessibleToilet)
        if ($originalLanguage.value ?? "").isEmpty {
            originalLanguage = Language.allCases.first { draft.directions[$0] != nil }?.rawValue ?? "it"
        }
    }

    /// What the venue offers people with a disability.
    public var accessibility: Set<Accessibility> {
        var out: Set<Accessibility> = []
        if stepFree { out.insert(.stepFree) }
        if hearingLoop { out.insert(.hearingLoop) }
        if accessibleToilet { out.insert(.accessibleToilet) }
        return out
    }
}

/// A training course, educational or cultural event held at a Venue.
public final class EventModel: Model, @unchecked Sendable {
    public static let schema = "events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organizer_id") public var organizer: OrganizerModel
    @Parent(key: "venue_id") public var venue: VenueModel
    @Field(key: "kind") public var kind: EventKind
    @Field(key: "price_minor") public var priceMinor: Int
    @Field(key: "currency") public var currency: Currency
    /// The languages the event is held in, as `it,sq`.
    @Field(key: "languages") public var languages: String
    @Field(key: "published") public var published: Bool
    /// The language the texts were first written in; the others are translations of it.
    @Field(key: "original_language") public var originalLanguage: String
    /// Whether a place must be reserved ahead.
    @Field(key: "booking_required") public var bookingRequired: Bool
    /// The event's own cut-off for changes to reservations, in hours; nil: the platform's.
    @OptionalField(key: "change_cutoff_hours") public var changeCutoffHours: Int?
    /// Why an admin took the event out of the catalog, if one did.
    @OptionalField(key: "unpublished_reason") public var unpublishedReason: String?
    @Children(for: \.$event) public var texts: [EventTextModel]
    @Children(for: \.$event) public var sessions: [EventSessionModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    /// An event asks for places to be reserved ahead until its form says otherwise.
    public init() {
        bookingRequired = true
    }

    public init(id: UUID? = nil, organizerID: UUID, venueID: UUID, draft: EventDraft, published: Bool) {
        self.id = id
        self.$organizer.id = organizerID
        self.$venue.id = venueID
        self.published = published
        apply(draft)
    }

    public func apply(_ draft: EventDraft) {
        kind = draft.kind
        priceMinor = draft.price.minor
        currency = draft.price.currency
        languages = draft.languages.map(\.rawValue).joined(separator: ",")
        originalLanguage = draft.originalLanguage.rawValue
        bookingRequired = draft.bookingRequired
        changeCutoffHours = draft.changeCutoffHours
    }

    public var price: Money { Money(minor: priceMinor, currency: currency) }
    public var languageList: [Language] {
        languages.split(separator: ",").compactMap { Language(rawValue: String($0)) }
    }
}

/// The title and description of an Event in one language.
public final class EventTextModel: Model, @unchecked Sendable {
    public static let schema = "event_texts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "event_id") public var event: EventModel
    @Field(key: "language") public var language: String
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Field(key: "origin") public var origin: TextOrigin
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(eventID: UUID, language: Language, text: EventText) {
        self.$event.id = eventID
        self.language = language.rawValue
        self.title = text.title
        self.description = text.description
        self.origin = text.origin
    }
}

/// The texts of a Venue in one language: how to get there and in.
public final class VenueTextModel: Model, @unchecked Sendable {
    public static let schema = "venue_texts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "venue_id") public var venue: VenueModel
    @Field(key: "language") public var language: String
    @Field(key: "directions") public var directions: String
    @Field(key: "origin") public var origin: TextOrigin
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(venueID: UUID, language: Language, directions: String, origin: TextOrigin = .human) {
        self.$venue.id = venueID
        self.language = language.rawValue
        self.directions = directions
        self.origin = origin
    }
}

/// One dated occurrence of an Event, with the seats it offers.
public final class EventSessionModel: Model, @unchecked Sendable {
    public static let schema = "event_sessions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "event_id") public var event: EventModel
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @Field(key: "capacity") public var capacity: Int
    /// Seats reserved, moved only by conditional UPDATEs that keep it within `capacity`.
    @Field(key: "reserved") public var reserved: Int
    /// When the session was cancelled (it keeps its row; it takes no reservations), and why.
    @OptionalField(key: "cancelled_at") public var cancelledAt: Date?
    @OptionalField(key: "cancel_reason") public var cancelReason: String?

    public init() {}

    public init(id: UUID? = nil, eventID: UUID, draft: SessionDraft) {
        self.id = id
        self.$event.id = eventID
        self.startsAt = draft.startsAt
        self.endsAt = draft.endsAt
        self.capacity = draft.capacity
        self.reserved = 0
    }
}
