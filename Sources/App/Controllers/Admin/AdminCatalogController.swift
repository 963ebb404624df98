import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins create and edit Venues, Events and their Sessions.
enum AdminCatalogController {
    static func id(_ req: Request, _ name: String) throws -> UUID {
        guard let id = req.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw DomainError(.notFound) }
        return id
    }

    /// The texts of one piece of content in it, sq and en side by side (stacked on narrow
    /// screens), each column saying whether that language is still missing, with who wrote
    /// it (a person or a machine) and which language is the original.
    static func translationColumns(
        _ req: Request, original: String?, origins: [String: String], missing: (String) -> Bool,
        fields: (String) -> [FormView.Field]
    ) -> [FormView.Field] {
        var out: [FormView.Field] = [
            .init(
                name: "original-language", label: req.t("field-original-language"), type: "select",
                options: Language.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                        selected: $0.rawValue == (original ?? "it"))
                }),
            .init(name: "translations", label: "", type: "columns-start"),
        ]
        for language in Language.allCases {
            let code = language.rawValue
            out.append(
                .init(
                    name: "column-\(code)", label: req.t("language-name-\(code)"), type: "column-start",
                    hint: missing(code) ? req.t("translation-missing") : nil, required: false, lang: code))
            out += fields(code)
            out.append(
                .init(
                    name: "origin-\(code)", label: req.t("field-text-origin"), type: "select",
                    options: TextOrigin.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("text-origin-\($0.rawValue)"),
                            selected: $0.rawValue == (origins[code] ?? "human"))
                    }))
            out.append(.init(name: "column-\(code)", label: "", type: "column-end"))
        }
        out.append(.init(name: "translations", label: "", type: "columns-end"))
        return out
    }

    /// A translated content's fields from a submitted form: `PART-LANG` for each part and
    /// language (`title-sq`, `purpose-en`, …), the origins and the original language.
    static func translatedInput(_ req: Request, parts: [String]) -> (
        texts: [String: String], origins: [String: String], original: String?
    ) {
        var texts: [String: String] = [:]
        for language in Language.allCases {
            for part in parts {
                texts["\(part)-\(language.rawValue)"] = try? req.content.get(
                    String.self, at: "\(part)-\(language.rawValue)")
            }
        }
        return (texts, origins(req), try? req.content.get(String.self, at: "original-language"))
    }

    /// Title and description per language, as `EventText.parse` reads them.
    static func titlesAndDescriptions(_ texts: [String: String]?) -> [Language: (title: String?, description: String?)]
    {
        var out: [Language: (title: String?, description: String?)] = [:]
        for language in Language.allCases {
            out[language] = (texts?["title-\(language.rawValue)"], texts?["description-\(language.rawValue)"])
        }
        return out
    }

    /// Origins keyed by language code, as drafts read them.
    static func originsByLanguage(_ origins: [String: String]?) -> [Language: String] {
        Dictionary(
            uniqueKeysWithValues: (origins ?? [:]).compactMap { key, value in
                Language(rawValue: key).map { ($0, value) }
            })
    }

    /// The title and description fields of one language's column.
    static func titleDescriptionFields(_ req: Request, texts: [String: String]?) -> (String) -> [FormView.Field] {
        { code in
            let name = req.t("language-name-\(code)")
            return [
                .init(
                    name: "title-\(code)", label: req.t("field-title-in", ["language": .string(name)]),
                    type: "text", value: texts?["title-\(code)"] ?? "", required: false, lang: code),
                .init(
                    name: "description-\(code)", label: req.t("field-description-in", ["language": .string(name)]),
                    type: "textarea", value: texts?["description-\(code)"] ?? "", required: false, lang: code),
            ]
        }
    }

    /// `origin-it`, `origin-sq`, `origin-en` from a submitted form.
    static func origins(_ req: Request) -> [String: String] {
        var origins: [String: String] = [:]
        for language in Language.allCases {
            origins[language.rawValue] = try? req.content.get(String.self, at: "origin-\(language.rawValue)")
        }
        return origins
    }

    // MARK: Venues

    struct VenueInput: Content {
        var organizer: String?
        var name: String?
        var address: String?
        var city: String?
        var country: String?
        var timeZone: String?
        var directions: [String: String]?
        var origins: [String: String]?
        var originalLanguage: String?
    }

    static func venueInput(_ req: Request) throws -> VenueInput {
        var input = try req.content.decode(VenueInput.self)
        var directions: [String: String] = [:]
        for language in Language.allCases {
            directions[language.rawValue] = try? req.content.get(String.self, at: "directions-\(language.rawValue)")
        }
        input.directions = directions
        input.origins = origins(req)
        input.originalLanguage = try? req.content.get(String.self, at: "original-language")
        return input
    }

    static func venueForm(_ req: Request, action: String, input: VenueInput, errors: [String: String] = [:])
        async throws -> FormView
    {
        let organizers = try await OrganizerModel.query(on: req.db).filter(\.$status == .approved).sort(\.$name).all()
        var form = FormView(
            action: action, submit: req.t("action-save"),
            fields: [
                .init(
                    name: "organizer", label: req.t("field-organizer"), type: "select",
                    options: organizers.map {
                        .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == input.organizer)
                    }),
                .init(name: "name", label: req.t("field-venue-name"), type: "text", value: input.name ?? ""),
                .init(
                    name: "address", label: req.t("field-address"), type: "text", value: input.address ?? "",
                    autocomplete: "address-line1"),
                .init(
                    name: "city", label: req.t("field-city"), type: "text", value: input.city ?? "",
                    autocomplete: "address-level2"),
                .init(
                    name: "country", label: req.t("field-country"), type: "text", value: input.country ?? "",
                    hint: req.t("hint-country"), autocomplete: "country"),
                .init(
                    name: "timeZone", label: req.t("field-time-zone"), type: "text",
                    value: input.timeZone ?? "Europe/Rome", hint: req.t("hint-time-zone")),
            ]
                + translationColumns(
                    req, original: input.originalLanguage, origins: input.origins ?? [:],
                    missing: { (input.directions?[$0] ?? "").isEmpty },
                    fields: { code in
                        [
                            .init(
                                name: "directions-\(code)", label: req.t("field-directions"), type: "textarea",
                                value: input.directions?[code] ?? "", hint: req.t("hint-directions"), required: false,
                                lang: code)
                        ]
                    }))
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func venues(req: Request) async throws -> Response {
        let venues = try await VenueModel.query(on: req.db).with(\.$organizer).sort(\.$name).all()
        let rows = try venues.map { v in
            ListView.Row(
                cells: [
                    .data(v.name), .data("\(v.address), \(v.city) (\(v.country))"), .data(v.organizer.name),
                    .data(v.timeZone),
                ],
                actions: [
                    .init(href: SiteRoute.adminVenueEdit(.value(try v.requireID())).path, label: req.t("action-edit"))
                ])
        }
        let view = ListView(
            columns: [
                req.t("column-name"), req.t("column-address"), req.t("column-organizer"), req.t("column-time-zone"),
            ], rows: rows,
            empty: req.t("admin-venues-empty"),
            links: [.init(href: SiteRoute.adminVenueNew.path, label: req.t("admin-venue-new"))])
        return try await req.page("list", title: req.t("admin-venues-title"), view)
    }

    @Sendable static func saveVenue(req: Request) async throws -> Response {
        let existing =
            try await req.parameters.get("venueID") == nil
            ? nil : VenueModel.find(id(req, "venueID"), on: req.db).orNotFound()
        let action = existing.map { SiteRoute.adminVenueEdit(.value($0.id!)).path } ?? SiteRoute.adminVenueNew.path
        let title = req.t(existing == nil ? "admin-venue-new" : "admin-venue-edit-title")
        if req.method == .GET {
            let texts = try await existing?.$texts.get(on: req.db) ?? []
            let input = VenueInput(
                organizer: existing?.$organizer.id.uuidString, name: existing?.name, address: existing?.address,
                city: existing?.city, country: existing?.country, timeZone: existing?.timeZone,
                directions: Dictionary(texts.map { ($0.language, $0.directions) }) { first, _ in first },
                origins: Dictionary(texts.map { ($0.language, $0.origin.rawValue) }) { first, _ in first },
                originalLanguage: existing?.originalLanguage)
            return try await req.page("form", title: title, venueForm(req, action: action, input: input))
        }
        let input = try venueInput(req)
        let organizer =
            try await input.organizer.flatMap(UUID.init(uuidString:)).asyncMap {
                try await OrganizerModel.find($0, on: req.db)
            } ?? nil
        do {
            var draftErrors: [DomainError] = []
            var draft: VenueDraft?
            do {
                draft = try VenueDraft(
                    name: input.name, address: input.address, city: input.city, country: input.country,
                    timeZone: input.timeZone,
                    directions: Dictionary(
                        uniqueKeysWithValues: Language.allCases.map { ($0, input.directions?[$0.rawValue]) }))
            } catch { draftErrors = error.errors }
            if organizer?.status != .approved { draftErrors.append(DomainError(.required, field: "organizer")) }
            guard let draft, draftErrors.isEmpty, let organizer else { throw ValidationErrors(draftErrors) }
            let organizerID = try organizer.requireID()
            let venue = existing ?? VenueModel(organizerID: organizerID, draft: draft)
            venue.apply(draft)
            venue.$organizer.id = organizerID
            if let original = input.originalLanguage.flatMap(Language.init(rawValue:)) {
                venue.originalLanguage = original.rawValue
            }
            let origins = input.origins ?? [:]
            try await req.db.transaction { db in
                try await venue.save(on: db)
                let venueID = try venue.requireID()
                try await VenueTextModel.query(on: db).filter(\.$venue.$id == venueID).delete()
                for (language, directions) in draft.directions {
                    let origin = origins[language.rawValue].flatMap(TextOrigin.init(rawValue:)) ?? .human
                    try await VenueTextModel(
                        venueID: venueID, language: language, directions: directions, origin: origin
                    )
                    .create(on: db)
                }
                try await Audit.record(
                    req, existing == nil ? "create" : "edit", "venue", venue.id, detail: draft.name, on: db)
            }
            return req.redirect(to: SiteRoute.adminVenues.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title, venueForm(req, action: action, input: input, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }

    // MARK: Events

    struct EventInput: Content {
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

    static func eventInput(_ req: Request) throws -> EventInput {
        var input = try req.content.decode(EventInput.self)
        (input.texts, input.origins, input.originalLanguage) = translatedInput(req, parts: ["title", "description"])
        return input
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
        fields += translationColumns(
            req, original: input.originalLanguage, origins: input.origins ?? [:],
            missing: { (input.texts?["title-\($0)"] ?? "").isEmpty },
            fields: titleDescriptionFields(req, texts: input.texts))
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
            ? nil : EventModel.query(on: req.db).filter(\.$id == id(req, "eventID")).with(\.$texts).first().orNotFound()
        let action = existing.map { SiteRoute.adminEventEdit(.value($0.id!)).path } ?? SiteRoute.adminEventNew.path
        let title = req.t(existing == nil ? "admin-event-new" : "admin-event-edit-title")
        if req.method == .GET {
            var texts: [String: String] = [:]
            var origins: [String: String] = [:]
            for text in existing?.texts ?? [] {
                texts["title-\(text.language)"] = text.title
                texts["description-\(text.language)"] = text.description
                origins[text.language] = text.origin.rawValue
            }
            let input = EventInput(
                venue: existing?.$venue.id.uuidString, kind: existing?.kind.rawValue,
                price: existing?.price.decimalString,
                currency: existing?.currency.rawValue, languages: existing?.languageList.map(\.rawValue),
                published: existing?.published == true ? "1" : nil, texts: texts, origins: origins,
                originalLanguage: existing?.originalLanguage)
            return try await req.page("form", title: title, eventForm(req, action: action, input: input))
        }
        let input = try eventInput(req)
        let venue =
            try await input.venue.flatMap(UUID.init(uuidString:)).asyncMap { try await VenueModel.find($0, on: req.db) }
            ?? nil
        do {
            var problems: [DomainError] = []
            var draft: EventDraft?
            do {
                draft = try EventDraft(
                    kind: input.kind, price: input.price, currency: input.currency, languages: input.languages ?? [],
                    texts: titlesAndDescriptions(input.texts), origins: originsByLanguage(input.origins),
                    originalLanguage: input.originalLanguage)
            } catch { problems = error.errors }
            if venue == nil { problems.insert(DomainError(.required, field: "venue"), at: 0) }
            guard let draft, let venue, problems.isEmpty else { throw ValidationErrors(problems) }
            let venueID = try venue.requireID()
            let published = input.published != nil
            try await req.db.transaction { db in
                let event =
                    existing
                    ?? EventModel(
                        organizerID: venue.$organizer.id, venueID: venueID, draft: draft, published: published)
                event.apply(draft)
                event.$venue.id = venueID
                event.$organizer.id = venue.$organizer.id
                event.published = published
                try await event.save(on: db)
                let eventID = try event.requireID()
                try await EventTextModel.query(on: db).filter(\.$event.$id == eventID).delete()
                for (language, text) in draft.texts {
                    try await EventTextModel(eventID: eventID, language: language, text: text).create(on: db)
                }
                try await Audit.record(
                    req, existing == nil ? "create" : "edit", "event", eventID,
                    detail: draft.texts.values.first?.title ?? "", on: db)
            }
            return req.redirect(to: SiteRoute.adminEvents.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title, eventForm(req, action: action, input: input, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }

    // MARK: Sessions

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
        let eventID = try id(req, "eventID")
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
        let eventID = try id(req, "eventID")
        guard let event = try await EventModel.query(on: req.db).filter(\.$id == eventID).with(\.$venue).first() else {
            throw DomainError(.notFound)
        }
        let input = try req.content.decode(SessionInput.self)
        do {
            let draft = try SessionDraft(
                starts: input.startsAt, ends: input.endsAt, capacity: input.capacity,
                timeZone: TimeZone(identifier: event.venue.timeZone) ?? .gmt)
            try await req.db.transaction { db in
                let session = EventSessionModel(eventID: eventID, draft: draft)
                try await session.create(on: db)
                try await Audit.record(req, "create", "session", session.id, detail: "event \(eventID)", on: db)
            }
            return req.redirect(to: SiteRoute.adminEventSessions(.value(eventID)).path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await renderSessions(
                req, input: input, errors: req.messages(for: errors), status: .unprocessableEntity)
        }
    }

    @Sendable static func deleteSession(req: Request) async throws -> Response {
        let eventID = try id(req, "eventID")
        let sessionID = try id(req, "sessionID")
        try await req.db.writeTransaction { db in
            guard
                let session = try await EventSessionModel.query(on: db).filter(\.$id == sessionID).filter(
                    \.$event.$id == eventID
                ).first()
            else {
                throw DomainError(.notFound)
            }
            // People hold seats or were admitted there: the date stays (their journeys and the
            // organizer's payable refer to it).
            let reserved = try await ReservationModel.query(on: db).filter(\.$session.$id == sessionID).count()
            let admitted = try await RedemptionModel.query(on: db).filter(\.$session.$id == sessionID).count()
            if reserved + admitted > 0 { throw DomainError(.sessionHasReservations) }
            try await session.delete(on: db)
            try await Audit.record(req, "delete", "session", sessionID, detail: "event \(eventID)", on: db)
        }
        return req.redirect(to: SiteRoute.adminEventSessions(.value(eventID)).path, redirectType: .normal)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
