import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins create and edit Venues.
enum AdminVenuesController {
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
        var accessibility: [String]?
    }

    static func venueInput(_ req: Request) throws -> VenueInput {
        var input = try req.content.decode(VenueInput.self)
        var directions: [String: String] = [:]
        for language in Language.allCases {
            directions[language.rawValue] = try? req.content.get(String.self, at: "directions-\(language.rawValue)")
        }
        input.directions = directions
        input.origins = TranslatedForm.origins(req)
        input.originalLanguage = try? req.content.get(String.self, at: "original-language")
        return input
    }

    /// The venue form; `organizers` offers a choice of organizer (admins), nil when the
    /// organizer is given (its managers' own pages).
    static func venueForm(
        _ req: Request, action: String, input: VenueInput, organizers: [OrganizerModel]?, errors: [String: String] = [:]
    ) -> FormView {
        var fields: [FormView.Field] = []
        if let organizers {
            fields.append(
                .init(
                    name: "organizer", label: req.t("field-organizer"), type: "select",
                    options: organizers.map {
                        .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == input.organizer)
                    }))
        }
        var form = FormView(
            action: action, submit: req.t("action-save"),
            fields: fields + [
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
                .init(
                    name: "accessibility", label: req.t("field-accessibility"), type: "checkboxes",
                    required: false,
                    options: Accessibility.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("accessibility-\($0.rawValue)"),
                            selected: (input.accessibility ?? []).contains($0.rawValue))
                    }),
            ]
                + TranslatedForm.columns(
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

    /// What a stored venue's form shows.
    static func input(of venue: VenueModel?, on db: any Database) async throws -> VenueInput {
        let texts = try await venue?.$texts.get(on: db) ?? []
        return VenueInput(
            organizer: venue?.$organizer.id.uuidString, name: venue?.name, address: venue?.address,
            city: venue?.city, country: venue?.country, timeZone: venue?.timeZone,
            directions: Dictionary(texts.map { ($0.language, $0.directions) }) { first, _ in first },
            origins: Dictionary(texts.map { ($0.language, $0.origin.rawValue) }) { first, _ in first },
            originalLanguage: venue?.originalLanguage, accessibility: venue?.accessibility.map(\.rawValue))
    }

    /// The venue a submitted form describes, or every problem with it.
    static func draft(_ input: VenueInput) throws(ValidationErrors) -> VenueDraft {
        try VenueDraft(
            name: input.name, address: input.address, city: input.city, country: input.country,
            timeZone: input.timeZone,
            directions: Dictionary(
                uniqueKeysWithValues: Language.allCases.map { ($0, input.directions?[$0.rawValue]) }),
            accessibility: input.accessibility ?? [])
    }

    @Sendable static func saveVenue(req: Request) async throws -> Response {
        let existing =
            try await req.parameters.get("venueID") == nil
            ? nil : VenueModel.find(req.idParameter("venueID"), on: req.db).orNotFound()
        let action = existing.map { SiteRoute.adminVenueEdit(.value($0.id!)).path } ?? SiteRoute.adminVenueNew.path
        let title = req.t(existing == nil ? "admin-venue-new" : "admin-venue-edit-title")
        let organizers = try await OrganizerModel.query(on: req.db).filter(\.$status == .approved).sort(\.$name).all()
        if req.method == .GET {
            let input = try await input(of: existing, on: req.db)
            return try await req.page(
                "form", title: title, venueForm(req, action: action, input: input, organizers: organizers))
        }
        let input = try venueInput(req)
        let organizer = organizers.first { $0.id?.uuidString == input.organizer }
        do {
            var draftErrors: [DomainError] = []
            var draft: VenueDraft?
            do { draft = try Self.draft(input) } catch { draftErrors = error.errors }
            if organizer == nil { draftErrors.append(DomainError(.required, field: "organizer")) }
            guard let draft, draftErrors.isEmpty, let organizer else { throw ValidationErrors(draftErrors) }
            try await Programme.saveVenue(
                req, existing: existing, organizerID: organizer.requireID(), draft: draft,
                originalLanguage: input.originalLanguage, origins: input.origins ?? [:])
            return req.redirect(to: SiteRoute.adminVenues.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title,
                venueForm(req, action: action, input: input, organizers: organizers, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }
}
