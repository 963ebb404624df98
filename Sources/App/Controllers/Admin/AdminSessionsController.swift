import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins add and delete the Sessions of an Event.
enum AdminSessionsController {
    struct SessionInput: Content {
        var startsAt: String?
        var endsAt: String?
        var capacity: String?
    }

    @Sendable static func sessions(req: Request) async throws -> Response {
        try await renderSessions(req, input: SessionInput())
    }

    static func renderSessions(
        _ req: Request, input: SessionInput, errors: [String: String] = [:], status: HTTPStatus = .ok
    ) async throws -> Response {
        let eventID = try req.idParameter("eventID")
        guard
            let event = try await EventModel.query(on: req.db).filter(\.$id == eventID).with(\.$venue).with(\.$texts)
                .with(\.$sessions).first()
        else {
            throw DomainError(.notFound)
        }
        let zone = TimeZone(identifier: event.venue.timeZone) ?? .gmt
        let format = Formatting(language: req.language, timeZone: zone)
        let rows = try event.sessions.sorted { $0.startsAt < $1.startsAt }.map { s in
            ListView.Row(
                cells: [
                    .time(s.startsAt, format.dateTime(s.startsAt)), .time(s.endsAt, format.dateTime(s.endsAt)),
                    .data(String(s.capacity)),
                ],
                actions: [
                    .init(
                        href: SiteRoute.adminEventSessionDelete(.value(eventID), session: .value(try s.requireID()))
                            .path, label: req.t("action-delete"), method: "post")
                ])
        }
        var form = FormView(
            action: SiteRoute.adminEventSessions(.value(eventID)).path, submit: req.t("admin-session-add"),
            fields: [
                .init(
                    name: "startsAt", label: req.t("field-starts-at"), type: "datetime-local",
                    value: input.startsAt ?? "", hint: req.t("hint-venue-time", ["zone": .string(zone.identifier)])),
                .init(name: "endsAt", label: req.t("field-ends-at"), type: "datetime-local", value: input.endsAt ?? ""),
                .init(name: "capacity", label: req.t("field-capacity"), type: "number", value: input.capacity ?? ""),
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        let text = EventPresenter.text(of: event, for: req)
        let view = ListView(
            intro: .data(text?.title ?? "", lang: text?.language),
            columns: [req.t("column-starts"), req.t("column-ends"), req.t("column-capacity")], rows: rows,
            empty: req.t("admin-sessions-empty"),
            links: [.init(href: SiteRoute.adminEventEdit(.value(eventID)).path, label: req.t("action-edit"))],
            form: form)
        return try await req.page("list", title: req.t("admin-sessions-title"), view, status: status)
    }

    @Sendable static func addSession(req: Request) async throws -> Response {
        let eventID = try req.idParameter("eventID")
        guard let event = try await EventModel.query(on: req.db).filter(\.$id == eventID).with(\.$venue).first() else {
            throw DomainError(.notFound)
        }
        let input = try req.content.decode(SessionInput.self)
        do {
            let draft = try SessionDraft(
                starts: input.startsAt, ends: input.endsAt, capacity: input.capacity,
                timeZone: TimeZone(identifier: event.venue.timeZone) ?? .gmt)
            let session = EventSessionModel(eventID: eventID, draft: draft)
            session.id = UUID()
            try await CatalogStore.add(
                session,
                record: .init(audit: Audit.event(req, "create", "session", session.id, detail: "event \(eventID)")),
                on: req.db)
            return req.redirect(to: SiteRoute.adminEventSessions(.value(eventID)).path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await renderSessions(
                req, input: input, errors: req.messages(for: errors), status: .unprocessableEntity)
        }
    }

    @Sendable static func deleteSession(req: Request) async throws -> Response {
        let eventID = try req.idParameter("eventID")
        let sessionID = try req.idParameter("sessionID")
        try await CatalogStore.deleteSession(
            sessionID, of: eventID,
            record: .init(audit: Audit.event(req, "delete", "session", sessionID, detail: "event \(eventID)")),
            on: req.db)
        return req.redirect(to: SiteRoute.adminEventSessions(.value(eventID)).path, redirectType: .normal)
    }
}
