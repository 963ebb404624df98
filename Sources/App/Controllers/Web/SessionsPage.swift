import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The dates (Sessions) of one Event, as admins and the organizer's managers see them: each
/// with its places taken, moved, resized, cancelled or deleted from its row, and a form that
/// adds one date or a weekly series.
enum SessionsPage {
    struct Input: Content {
        var startsAt: String?
        var endsAt: String?
        var capacity: String?
        /// How many weeks in a row (empty: one date).
        var `repeat`: String?
    }

    /// Where the page's forms and links lead.
    struct Links {
        var list: String
        var back: String
        var organizer: UUID
        var delete: (UUID) -> String
    }

    static func render(
        _ req: Request, event: EventModel, links: Links, input: Input, errors: [String: String] = [:],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let eventID = try event.requireID()
        let sessions = try await EventSessionModel.query(on: req.db).filter(\.$event.$id == eventID)
            .sort(\.$startsAt).all()
        let zone = TimeZone(identifier: event.venue.timeZone) ?? .gmt
        let format = Formatting(language: req.language, timeZone: zone)
        let now = req.now
        let rows = try sessions.map { s -> ListView.Row in
            let id = try s.requireID()
            let state: String =
                if let reason = s.cancelReason, s.cancelledAt != nil {
                    req.t("session-cancelled-because", ["reason": .string(reason)])
                } else {
                    req.t("door-places", ["reserved": .integer(s.reserved), "capacity": .integer(s.capacity)])
                }
            var actions: [ListView.Action] = []
            if s.cancelledAt == nil, s.startsAt > now {
                let organizer = Parameter<UUID>.value(links.organizer)
                actions.append(
                    .init(
                        href: ProgrammeRoute.sessionEdit(organizer, event: .value(eventID), session: .value(id)).path,
                        label: req.t("action-session-change")))
                actions.append(
                    .init(
                        href: ProgrammeRoute.sessionCancel(organizer, event: .value(eventID), session: .value(id)).path,
                        label: req.t("action-session-cancel")))
            }
            if s.reserved == 0 {
                actions.append(.init(href: links.delete(id), label: req.t("action-delete"), method: "post"))
            }
            return ListView.Row(
                cells: [
                    .time(s.startsAt, format.dateTime(s.startsAt)), .time(s.endsAt, format.dateTime(s.endsAt)),
                    .text(state),
                ],
                actions: actions)
        }
        var form = FormView(
            action: links.list, submit: req.t("admin-session-add"),
            fields: timeFields(req, zone: zone, starts: input.startsAt, ends: input.endsAt, capacity: input.capacity)
                + [
                    .init(
                        name: "repeat", label: req.t("field-session-repeat"), type: "number",
                        value: input.repeat ?? "", hint: req.t("hint-session-repeat"), required: false)
                ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        let text = EventPresenter.text(of: event, for: req)
        let view = ListView(
            intro: .data(text?.title ?? "", lang: text?.language),
            columns: [req.t("column-starts"), req.t("column-ends"), req.t("column-capacity")], rows: rows,
            empty: req.t("admin-sessions-empty"),
            links: [.init(href: links.back, label: req.t("action-edit"))],
            form: form)
        return try await req.page("list", title: req.t("admin-sessions-title"), view, status: status)
    }

    /// The start, end and capacity fields, times typed in the venue's time zone.
    static func timeFields(_ req: Request, zone: TimeZone, starts: String?, ends: String?, capacity: String?)
        -> [FormView.Field]
    {
        [
            .init(
                name: "startsAt", label: req.t("field-starts-at"), type: "datetime-local", value: starts ?? "",
                hint: req.t("hint-venue-time", ["zone": .string(zone.identifier)])),
            .init(name: "endsAt", label: req.t("field-ends-at"), type: "datetime-local", value: ends ?? ""),
            .init(name: "capacity", label: req.t("field-capacity"), type: "number", value: capacity ?? ""),
        ]
    }

    /// Adds the date, or the weekly series, the form describes.
    static func add(_ req: Request, event: EventModel, links: Links) async throws -> Response {
        let input = try req.content.decode(Input.self)
        do {
            var v = Validator()
            let count = SessionSeries.count(input.repeat, into: &v)
            var problems = v.errors
            var first: SessionDraft?
            do {
                first = try SessionDraft(
                    starts: input.startsAt, ends: input.endsAt, capacity: input.capacity,
                    timeZone: TimeZone(identifier: event.venue.timeZone) ?? .gmt, now: req.now)
            } catch { problems = error.errors + problems }
            guard let first, problems.isEmpty else { throw ValidationErrors(problems) }
            try await Programme.addSessions(req, event: event, first: first, count: count)
            return req.redirect(to: links.list, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await render(
                req, event: event, links: links, input: input, errors: req.messages(for: errors),
                status: .unprocessableEntity)
        }
    }
}
