import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins create and edit Events.
enum AdminEventsController {
    struct EventInput: TranslatedInput {
        var venue: String?
        var kind: String?
        var price: String?
        var currency: String?
        var languages: [String]?
        var published: String?
        var texts: [String: String]?
        var origins: [String: String]?
        var originalLanguage: String?
        var bookingRequired: String?
        var changeCutoffHours: String?
    }

    /// All venues, each named with its organizer, as the admins' form offers them.
    static func allVenues(_ req: Request) async throws -> [(id: UUID, label: String)] {
        try await VenueModel.query(on: req.db).with(\.$organizer).sort(\.$name).all().map {
            (try $0.requireID(), "\($0.name) — \($0.organizer.name)")
        }
    }

    /// The event form, offering `venues`; `publishes`: whether it has the *published* box.
    static func eventForm(
        _ req: Request, action: String, input: EventInput, venues: [(id: UUID, label: String)],
        publishes: Bool = true, errors: [String: String] = [:]
    ) -> FormView {
        var fields: [FormView.Field] = [
            .init(
                name: "venue", label: req.t("field-venue"), type: "select",
                options: venues.map {
                    .init(value: $0.id.uuidString, label: $0.label, selected: $0.id.uuidString == input.venue)
                }),
            .init(
                name: "kind", label: req.t("field-kind"), type: "select",
                options: EventKind.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("event-kind-\($0.rawValue)"),
                        selected: $0.rawValue == input.kind)
                }),
            .init(
                name: "price", label: req.t("field-price"), type: "text", value: input.price ?? "",
                hint: req.t("hint-price")),
            .init(
                name: "currency", label: req.t("field-currency"), type: "select",
                options: Currency.allCases.map {
                    .init(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == (input.currency ?? "EUR"))
                }),
            .init(
                name: "languages", label: req.t("field-languages"), type: "checkboxes",
                options: Language.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                        selected: (input.languages ?? []).contains($0.rawValue))
                }),
            .init(
                name: "bookingRequired", label: req.t("field-booking-required"), type: "checkbox",
                value: input.bookingRequired == nil ? "" : "1", required: false),
            .init(
                name: "changeCutoffHours", label: req.t("field-change-cutoff"), type: "number",
                value: input.changeCutoffHours ?? "", hint: req.t("hint-change-cutoff"), required: false),
        ]
        fields += TranslatedForm.columns(
            req, original: input.originalLanguage, origins: input.origins ?? [:],
            missing: { (input.texts?["title-\($0)"] ?? "").isEmpty },
            fields: TranslatedForm.titleDescriptionFields(req, texts: input.texts))
        if publishes {
            fields.append(
                .init(
                    name: "published", label: req.t("field-published"), type: "checkbox",
                    value: input.published == nil ? "" : "1", required: false))
        }
        var form = FormView(
            action: action, submit: req.t("action-save"), fields: fields, intro: req.t("admin-event-texts-hint"))
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func events(req: Request) async throws -> Response {
        let events = try await EventModel.query(on: req.db).with(\.$venue).with(\.$texts).sort(
            \.$createdAt, .descending
        ).all()
        return try await render(
            req, events, links: [.init(href: SiteRoute.adminEventNew.path, label: req.t("admin-event-new"))]
        ) { id, event in
            [
                .init(href: SiteRoute.adminEventEdit(.value(id)).path, label: req.t("action-edit")),
                .init(href: SiteRoute.adminEventSessions(.value(id)).path, label: req.t("action-sessions")),
            ]
                + (event.published
                    ? [
                        .init(
                            href: ProgrammeRoute.adminEventUnpublish(.value(id)).path,
                            label: req.t("action-unpublish"))
                    ] : [])
        }
    }

    /// The list of events, the admins' or an organizer's: each one's title, kind, venue and
    /// status, with the `actions` of its row.
    static func render(
        _ req: Request, _ events: [EventModel], intro: ListView.Cell? = nil, links: [ListView.Action],
        actions: (UUID, EventModel) -> [ListView.Action]
    ) async throws -> Response {
        let rows = try events.map { e -> ListView.Row in
            let text = EventPresenter.text(of: e, for: req)
            return ListView.Row(
                cells: [
                    .data(text?.title ?? "—", lang: text?.language), .text(req.t("event-kind-\(e.kind.rawValue)")),
                    .data(e.venue.name), .text(req.t(e.published ? "event-published" : "event-draft")),
                ],
                actions: actions(try e.requireID(), e))
        }
        let view = ListView(
            intro: intro,
            columns: [req.t("column-title"), req.t("column-kind"), req.t("column-venue"), req.t("column-status")],
            rows: rows, empty: req.t("admin-events-empty"), links: links)
        return try await req.page("list", title: req.t("admin-events-title"), view)
    }

    /// What a stored event's form shows (a new one: booking ahead required).
    static func input(of event: EventModel?) -> EventInput {
        let (texts, origins) = TranslatedForm.stored(event?.texts ?? [])
        return EventInput(
            venue: event?.$venue.id.uuidString, kind: event?.kind.rawValue, price: event?.price.decimalString,
            currency: event?.currency.rawValue, languages: event?.languageList.map(\.rawValue),
            published: event?.published == true ? "1" : nil, texts: texts, origins: origins,
            originalLanguage: event?.originalLanguage, bookingRequired: event?.bookingRequired == false ? nil : "1",
            changeCutoffHours: event?.changeCutoffHours.map(String.init))
    }

    /// The event a submitted form describes, held at `venue` (nil: none chosen, or not one the
    /// form offers), or every problem with it.
    static func draft(_ input: EventInput, venue: VenueModel?) throws(ValidationErrors) -> EventDraft {
        var problems: [DomainError] = []
        var draft: EventDraft?
        do {
            draft = try EventDraft(
                kind: input.kind, price: input.price, currency: input.currency, languages: input.languages ?? [],
                texts: TranslatedForm.titlesAndDescriptions(input.texts),
                origins: TranslatedForm.originsByLanguage(input.origins), originalLanguage: input.originalLanguage,
                bookingRequired: input.bookingRequired != nil, changeCutoffHours: input.changeCutoffHours)
        } catch { problems = error.errors }
        if venue == nil { problems.insert(DomainError(.required, field: "venue"), at: 0) }
        guard let draft, problems.isEmpty else { throw ValidationErrors(problems) }
        return draft
    }

    @Sendable static func saveEvent(req: Request) async throws -> Response {
        let existing =
            try await req.parameters.get("eventID") == nil
            ? nil
            : EventModel.query(on: req.db).filter(\.$id == req.idParameter("eventID")).with(\.$texts).first()
                .orNotFound()
        let action = existing.map { SiteRoute.adminEventEdit(.value($0.id!)).path } ?? SiteRoute.adminEventNew.path
        let title = req.t(existing == nil ? "admin-event-new" : "admin-event-edit-title")
        let venues = try await allVenues(req)
        if req.method == .GET {
            return try await req.page(
                "form", title: title, eventForm(req, action: action, input: input(of: existing), venues: venues))
        }
        let input = try TranslatedForm.decode(EventInput.self, req)
        let venue =
            try await input.venue.flatMap(UUID.init(uuidString:)).asyncMap { try await VenueModel.find($0, on: req.db) }
            ?? nil
        do {
            let draft = try draft(input, venue: venue)
            guard let venue else { throw ValidationErrors([DomainError(.required, field: "venue")]) }
            try await Programme.saveEvent(
                req, existing: existing, venue: venue, draft: draft, published: input.published != nil)
            return req.redirect(to: SiteRoute.adminEvents.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title,
                eventForm(req, action: action, input: input, venues: venues, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }

    struct UnpublishInput: Content {
        var reason: String?
    }

    /// Admins take an event out of the catalog with a reason, which its organizer is e-mailed.
    @Sendable static func unpublish(req: Request) async throws -> Response {
        let eventID = try req.idParameter("eventID")
        guard let event = try await EventModel.query(on: req.db).filter(\.$id == eventID).with(\.$texts).first() else {
            throw DomainError(.notFound)
        }
        let input = req.method == .POST ? try req.content.decode(UnpublishInput.self) : UnpublishInput()
        func form(_ errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
            var form = FormView(
                action: ProgrammeRoute.adminEventUnpublish(.value(eventID)).path, submit: req.t("action-unpublish"),
                fields: [
                    .init(
                        name: "reason", label: req.t("field-unpublish-reason"), type: "textarea",
                        value: input.reason ?? "", hint: req.t("hint-unpublish-reason"))
                ],
                intro: EventPresenter.text(of: event, for: req).map {
                    req.t("admin-event-unpublish-intro", ["title": .string($0.title)])
                })
            form.apply(errors: errors, summary: req.t("form-has-errors"))
            return try await req.page("form", title: req.t("admin-event-unpublish-title"), form, status: status)
        }
        guard req.method == .POST else { return try await form() }
        do {
            try await Programme.unpublish(req, eventID: eventID, reason: input.reason)
            return req.redirect(to: SiteRoute.adminEvents.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await form(req.messages(for: errors), status: .unprocessableEntity)
        }
    }
}
