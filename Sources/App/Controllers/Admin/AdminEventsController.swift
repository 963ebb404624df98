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
    }

    static func eventForm(_ req: Request, action: String, input: EventInput, errors: [String: String] = [:])
        async throws -> FormView
    {
        let venues = try await VenueModel.query(on: req.db).with(\.$organizer).sort(\.$name).all()
        var fields: [FormView.Field] = [
            .init(
                name: "venue", label: req.t("field-venue"), type: "select",
                options: venues.map {
                    .init(
                        value: $0.id!.uuidString, label: "\($0.name) — \($0.organizer.name)",
                        selected: $0.id!.uuidString == input.venue)
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
        ]
        fields += TranslatedForm.columns(
            req, original: input.originalLanguage, origins: input.origins ?? [:],
            missing: { (input.texts?["title-\($0)"] ?? "").isEmpty },
            fields: TranslatedForm.titleDescriptionFields(req, texts: input.texts))
        fields.append(
            .init(
                name: "published", label: req.t("field-published"), type: "checkbox",
                value: input.published == nil ? "" : "1", required: false))
        var form = FormView(
            action: action, submit: req.t("action-save"), fields: fields, intro: req.t("admin-event-texts-hint"))
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func events(req: Request) async throws -> Response {
        let events = try await EventModel.query(on: req.db).with(\.$venue).with(\.$texts).sort(
            \.$createdAt, .descending
        ).all()
        let rows = try events.map { e -> ListView.Row in
            let id = try e.requireID()
            let text = EventPresenter.text(of: e, for: req)
            return ListView.Row(
                cells: [
                    .data(text?.title ?? "—", lang: text?.language), .text(req.t("event-kind-\(e.kind.rawValue)")),
                    .data(e.venue.name), .text(req.t(e.published ? "event-published" : "event-draft")),
                ],
                actions: [
                    .init(href: SiteRoute.adminEventEdit(.value(id)).path, label: req.t("action-edit")),
                    .init(href: SiteRoute.adminEventSessions(.value(id)).path, label: req.t("action-sessions")),
                ])
        }
        let view = ListView(
            columns: [req.t("column-title"), req.t("column-kind"), req.t("column-venue"), req.t("column-status")],
            rows: rows,
            empty: req.t("admin-events-empty"),
            links: [.init(href: SiteRoute.adminEventNew.path, label: req.t("admin-event-new"))])
        return try await req.page("list", title: req.t("admin-events-title"), view)
    }

    @Sendable static func saveEvent(req: Request) async throws -> Response {
        let existing =
            try await req.parameters.get("eventID") == nil
            ? nil
            : EventModel.query(on: req.db).filter(\.$id == req.idParameter("eventID")).with(\.$texts).first()
                .orNotFound()
        let action = existing.map { SiteRoute.adminEventEdit(.value($0.id!)).path } ?? SiteRoute.adminEventNew.path
        let title = req.t(existing == nil ? "admin-event-new" : "admin-event-edit-title")
        if req.method == .GET {
            let (texts, origins) = TranslatedForm.stored(existing?.texts ?? [])
            let input = EventInput(
                venue: existing?.$venue.id.uuidString, kind: existing?.kind.rawValue,
                price: existing?.price.decimalString,
                currency: existing?.currency.rawValue, languages: existing?.languageList.map(\.rawValue),
                published: existing?.published == true ? "1" : nil, texts: texts, origins: origins,
                originalLanguage: existing?.originalLanguage)
            return try await req.page("form", title: title, eventForm(req, action: action, input: input))
        }
        let input = try TranslatedForm.decode(EventInput.self, req)
        let venue =
            try await input.venue.flatMap(UUID.init(uuidString:)).asyncMap { try await VenueModel.find($0, on: req.db) }
            ?? nil
        do {
            var problems: [DomainError] = []
            var draft: EventDraft?
            do {
                draft = try EventDraft(
                    kind: input.kind, price: input.price, currency: input.currency, languages: input.languages ?? [],
                    texts: TranslatedForm.titlesAndDescriptions(input.texts),
                    origins: TranslatedForm.originsByLanguage(input.origins),
                    originalLanguage: input.originalLanguage)
            } catch { problems = error.errors }
            if venue == nil { problems.insert(DomainError(.required, field: "venue"), at: 0) }
            guard let draft, let venue, problems.isEmpty else { throw ValidationErrors(problems) }
            let venueID = try venue.requireID()
            let published = input.published != nil
            let event =
                existing
                ?? EventModel(organizerID: venue.$organizer.id, venueID: venueID, draft: draft, published: published)
            event.id = event.id ?? UUID()
            event.apply(draft)
            event.$venue.id = venueID
            event.$organizer.id = venue.$organizer.id
            event.published = published
            let eventID = try event.requireID()
            let texts = draft.texts.map { language, text in
                EventTextModel(eventID: eventID, language: language, text: text)
            }
            try await CatalogStore.save(
                event, texts: texts,
                record: .init(
                    audit: Audit.event(
                        req, existing == nil ? "create" : "edit", "event", eventID,
                        detail: draft.texts.values.first?.title ?? "")),
                on: req.db)
            return req.redirect(to: SiteRoute.adminEvents.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title, eventForm(req, action: action, input: input, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }
}
