import Domain
import FluentKit
import Foundation
import Localization
import Persistence
import Vapor

/// An organizer's programme as its managers run it (and admins, who may act for anyone): its
/// venues, events and sessions, with the changes people count on (a session moved, resized or
/// cancelled). The pages and the API call these, so both make the same checks; each change is
/// audited, and mail it sends is written in the change's own transaction.
enum Programme {
    // MARK: Who may

    /// The event `eventID` (with its venue), if the user manages its organizer. Staff of that
    /// organizer who only scan are refused (`forbidden`); for anyone else it does not exist.
    static func managedEvent(_ req: Request, _ eventID: UUID) async throws -> EventModel {
        guard let event = try await EventModel.query(on: req.db).filter(\.$id == eventID).with(\.$venue).first()
        else { throw DomainError(.notFound) }
        try checkManages(req, event.$organizer.id)
        return event
    }

    /// The session `sessionID` with its event and venue, if the user manages its organizer.
    static func managedSession(_ req: Request, _ sessionID: UUID) async throws -> EventSessionModel {
        guard
            let session = try await EventSessionModel.query(on: req.db).filter(\.$id == sessionID)
                .with(\.$event, { $0.with(\.$venue) }).first()
        else { throw DomainError(.notFound) }
        try checkManages(req, session.event.$organizer.id)
        return session
    }

    /// The venue `venueID` of `organizerID`; another organizer's venue is not found.
    static func venue(_ venueID: UUID, of organizerID: UUID, on db: any Database) async throws -> VenueModel {
        guard let venue = try await VenueModel.find(venueID, on: db), venue.$organizer.id == organizerID else {
            throw DomainError(.notFound)
        }
        return venue
    }

    private static func checkManages(_ req: Request, _ organizerID: UUID) throws {
        let user = try req.requireUser()
        if user.canManage(organizer: organizerID) { return }
        throw DomainError(user.canScan(organizer: organizerID) ? .forbidden : .notFound)
    }

    // MARK: Venues and events

    /// Creates or edits a venue of `organizerID` with its directions in each language.
    @discardableResult
    static func saveVenue(
        _ req: Request, existing: VenueModel?, organizerID: UUID, draft: VenueDraft, originalLanguage: String?,
        origins: [String: String]
    ) async throws -> VenueModel {
        let venue = existing ?? VenueModel(organizerID: organizerID, draft: draft)
        venue.id = venue.id ?? UUID()
        venue.apply(draft)
        venue.$organizer.id = organizerID
        if let original = originalLanguage.flatMap(Language.init(rawValue:)) {
            venue.originalLanguage = original.rawValue
        }
        let venueID = try venue.requireID()
        let texts = draft.directions.map { language, directions in
            VenueTextModel(
                venueID: venueID, language: language, directions: directions,
                origin: origins[language.rawValue].flatMap(TextOrigin.init(rawValue:)) ?? .human)
        }
        try await CatalogStore.save(
            venue, texts: texts,
            record: .init(
                audit: Audit.event(req, existing == nil ? "create" : "edit", "venue", venueID, detail: draft.name)),
            on: req.db)
        return venue
    }

    /// Creates or edits an event held at `venue` (its organizer's). `published` nil keeps what
    /// the event had (a new one is published). An event an admin took out of the catalog stays
    /// out when its organizer saves it: only an admin publishes it again.
    @discardableResult
    static func saveEvent(
        _ req: Request, existing: EventModel?, venue: VenueModel, draft: EventDraft, published: Bool?
    ) async throws -> EventModel {
        let venueID = try venue.requireID()
        let isAdmin = try req.requireUser().isAdmin
        let event =
            existing
            ?? EventModel(organizerID: venue.$organizer.id, venueID: venueID, draft: draft, published: true)
        event.id = event.id ?? UUID()
        event.apply(draft)
        event.$venue.id = venueID
        event.$organizer.id = venue.$organizer.id
        if let published, isAdmin || existing?.unpublishedReason == nil {
            event.published = published
            if published { event.unpublishedReason = nil }
        }
        let eventID = try event.requireID()
        let texts = draft.texts.map { language, text in EventTextModel(eventID: eventID, language: language, text: text)
        }
        try await CatalogStore.save(
            event, texts: texts,
            record: .init(
                audit: Audit.event(
                    req, existing == nil ? "create" : "edit", "event", eventID,
                    detail: draft.texts[draft.originalLanguage]?.title ?? "")),
            on: req.db)
        return event
    }

    /// Takes an event out of the catalog, with the reason told to its organizer (e-mailed to
    /// the organizer's contact address in the organizer's language).
    static func unpublish(_ req: Request, eventID: UUID, reason text: String?) async throws {
        let reason = try SessionRules.reason(text)
        guard
            let event = try await EventModel.query(on: req.db).filter(\.$id == eventID).with(\.$texts)
                .with(\.$organizer).first()
        else { throw DomainError(.notFound) }
        let organizer = event.organizer
        let title = EventPresenter.text(of: event, language: organizer.language)?.title ?? ""
        let mail = Outbox.message(
            "email-event-unpublished", to: organizer.contactEmail, language: organizer.language,
            args: [
                "organization": .string(organizer.name), "event": .string(title), "reason": .string(reason),
            ],
            app: req.application)
        try await CatalogStore.unpublish(
            eventID, reason: reason,
            record: .init(audit: Audit.event(req, "unpublish", "event", eventID, detail: reason), mail: [mail]),
            on: req.db)
    }

    // MARK: Sessions

    /// Adds `count` sessions a week apart from `first` (one when `count` is 1).
    @discardableResult
    static func addSessions(_ req: Request, event: EventModel, first: SessionDraft, count: Int) async throws
        -> [EventSessionModel]
    {
        let eventID = try event.requireID()
        let zone = TimeZone(identifier: event.venue.timeZone) ?? .gmt
        let sessions = SessionSeries.weekly(first, count: count, timeZone: zone).map {
            EventSessionModel(id: UUID(), eventID: eventID, draft: $0)
        }
        try await CatalogStore.add(
            sessions,
            record: .init(
                audit: Audit.event(
                    req, "create", "session", sessions.first?.id, detail: "event \(eventID), \(sessions.count)")),
            on: req.db)
        return sessions
    }

    /// Moves a session and sets its capacity (never below the seats taken).
    static func changeSession(_ req: Request, _ session: EventSessionModel, to draft: SessionDraft) async throws {
        let sessionID = try session.requireID()
        try await CatalogStore.changeSession(
            sessionID, of: session.$event.id, startsAt: draft.startsAt, endsAt: draft.endsAt,
            capacity: draft.capacity, now: req.now,
            record: .init(
                audit: Audit.event(
                    req, "edit", "session", sessionID,
                    detail: "\(draft.startsAt.ISO8601Format()) – \(draft.endsAt.ISO8601Format()), \(draft.capacity)")),
            on: req.db)
    }

    /// Cancels a session that has not begun: reservations released (the vouchers stay valid
    /// and may book another date), each holder with an e-mail address told in their language.
    static func cancelSession(_ req: Request, _ session: EventSessionModel, reason text: String?) async throws {
        let reason = try SessionRules.reason(text)
        let sessionID = try session.requireID()
        let texts = try await EventTextModel.query(on: req.db).filter(\.$event.$id == session.$event.id).all()
        let venue = session.event.venue
        let app = req.application
        let audit = Audit.event(req, "cancel", "session", sessionID, detail: reason)
        try await CatalogStore.cancelSession(
            sessionID, of: session.$event.id, reason: reason, now: req.now,
            record: { released, db in
                let vouchers = try await VoucherModel.query(on: db).filter(\.$id ~~ released).with(\.$beneficiary)
                    .all()
                let mail = vouchers.compactMap { voucher -> OutboxMessageModel? in
                    guard let holder = voucher.beneficiary, let email = holder.email, holder.erasedAt == nil else {
                        return nil
                    }
                    let language = holder.language
                    let title =
                        EventPresenter.pick(texts, language: \.language, for: language, fallbacks: [])?.title ?? ""
                    let format = Formatting(language: language, timeZone: TimeZone(identifier: venue.timeZone) ?? .gmt)
                    return Outbox.message(
                        "email-session-cancelled", to: email, language: language,
                        args: [
                            "name": .string(holder.name), "event": .string(title),
                            "date": .string(format.dateTime(session.startsAt)), "venue": .string(venue.name),
                            "reason": .string(reason),
                            "link": .string(app.mentore.config.siteURL + SiteRoute.voucher(.value(voucher.code)).path),
                        ],
                        app: app, secret: true)
                }
                return ChangeRecord(audit: audit, mail: mail)
            }, on: req.db)
    }
}
