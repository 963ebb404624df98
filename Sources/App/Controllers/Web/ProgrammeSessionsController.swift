import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The dates of an organizer's event, for its managers: added one at a time or a week apart,
/// moved or resized (never below the places taken), cancelled with a reason (the holders are
/// told), deleted while nobody holds a place.
enum ProgrammeSessionsController {
    static func context(_ req: Request) async throws -> (event: EventModel, links: SessionsPage.Links) {
        let organizer = try await DevicesController.organizer(req)
        let organizerID = try organizer.requireID()
        let event = try await ProgrammeEventsController.event(req, organizerID: organizerID)
        try await event.$texts.load(on: req.db)
        let eventID = try event.requireID()
        let links = SessionsPage.Links(
            list: ProgrammeRoute.sessions(.value(organizerID), event: .value(eventID)).path,
            back: ProgrammeRoute.eventEdit(.value(organizerID), event: .value(eventID)).path,
            organizer: organizerID,
            delete: {
                ProgrammeRoute.sessionDelete(.value(organizerID), event: .value(eventID), session: .value($0)).path
            })
        return (event, links)
    }

    /// The session of the path, if it is one of the event's.
    static func session(_ req: Request, event: EventModel) async throws -> EventSessionModel {
        let session = try await Programme.managedSession(req, req.idParameter("sessionID"))
        guard session.$event.id == event.id else { throw DomainError(.notFound) }
        return session
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let (event, links) = try await context(req)
        return try await SessionsPage.render(req, event: event, links: links, input: .init())
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let (event, links) = try await context(req)
        return try await SessionsPage.add(req, event: event, links: links)
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        let (event, links) = try await context(req)
        let session = try await session(req, event: event)
        let sessionID = try session.requireID()
        try await CatalogStore.deleteSession(
            sessionID, of: session.$event.id,
            record: .init(
                audit: Audit.event(req, "delete", "session", sessionID, detail: "event \(session.$event.id)")),
            on: req.db)
        return req.redirect(to: links.list, redirectType: .normal)
    }

    /// Moves a date or changes its places.
    @Sendable static func change(req: Request) async throws -> Response {
        let (event, links) = try await context(req)
        let session = try await session(req, event: event)
        let zone = TimeZone(identifier: event.venue.timeZone) ?? .gmt
        var input = SessionsPage.Input(
            startsAt: SessionDraft.formatLocal(session.startsAt, timeZone: zone),
            endsAt: SessionDraft.formatLocal(session.endsAt, timeZone: zone), capacity: String(session.capacity))
        func form(_ errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
            var form = FormView(
                action: req.url.path, submit: req.t("action-save"),
                fields: SessionsPage.timeFields(
                    req, zone: zone, starts: input.startsAt, ends: input.endsAt, capacity: input.capacity),
                intro: req.t("session-change-intro", ["reserved": .integer(session.reserved)]),
                links: [.init(href: links.list, label: req.t("admin-sessions-title"))])
            form.apply(errors: errors, summary: req.t("form-has-errors"))
            return try await req.page("form", title: req.t("session-change-title"), form, status: status)
        }
        guard req.method == .POST else { return try await form() }
        input = try req.content.decode(SessionsPage.Input.self)
        do {
            let draft = try SessionDraft(
                starts: input.startsAt, ends: input.endsAt, capacity: input.capacity, timeZone: zone, now: req.now)
            try await Programme.changeSession(req, session, to: draft)
            return req.redirect(to: links.list, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await form(req.messages(for: errors), status: .unprocessableEntity)
        }
    }

    struct CancelInput: Content {
        var reason: String?
    }

    /// Cancels a date with a reason: its reservations are released and their holders told.
    @Sendable static func cancel(req: Request) async throws -> Response {
        let (event, links) = try await context(req)
        let session = try await session(req, event: event)
        let input = req.method == .POST ? try req.content.decode(CancelInput.self) : CancelInput()
        let format = Formatting(language: req.language, timeZone: TimeZone(identifier: event.venue.timeZone) ?? .gmt)
        func form(_ errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
            var form = FormView(
                action: req.url.path, submit: req.t("action-session-cancel"),
                fields: [
                    .init(
                        name: "reason", label: req.t("field-cancel-reason"), type: "textarea",
                        value: input.reason ?? "", hint: req.t("hint-cancel-reason"))
                ],
                intro: req.t(
                    "session-cancel-intro",
                    ["date": .string(format.dateTime(session.startsAt)), "reserved": .integer(session.reserved)]),
                links: [.init(href: links.list, label: req.t("admin-sessions-title"))])
            form.apply(errors: errors, summary: req.t("form-has-errors"))
            return try await req.page("form", title: req.t("session-cancel-title"), form, status: status)
        }
        guard req.method == .POST else { return try await form() }
        do {
            try await Programme.cancelSession(req, session, reason: input.reason)
            return req.redirect(to: links.list, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await form(req.messages(for: errors), status: .unprocessableEntity)
        }
    }
}
