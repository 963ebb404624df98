import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The public form through which an organisation applies to become an Organizer.
enum OrganizerApplicationController {
    struct Input: Content {
        var name: String?
        var city: String?
        var description: String?
        var contactEmail: String?
        /// The language of its statements.
        var language: String?
    }

    /// An organisation's fields, validated (shared by the application and the admin's edit form).
    struct Draft {
        var name: String
        var city: String
        var description: String
        var contactEmail: String
        var language: String

        /// `fallbackLanguage` when the form sent none (the applicant's, or the one kept so far).
        init(_ input: Input, fallbackLanguage: String) throws(ValidationErrors) {
            var v = Validator()
            name = v.text(input.name, field: "name", max: 120)
            city = v.text(input.city, field: "city", max: 100)
            description = v.text(input.description, field: "description", max: 2000, multiline: true)
            contactEmail = v.email(input.contactEmail, field: "contactEmail")
            language = (input.language ?? "").isEmpty ? fallbackLanguage : input.language ?? ""
            if Language(rawValue: language) == nil { v.add(.invalidValue, field: "language") }
            try v.finish()
        }
    }

    static func form(_ req: Request, action: String, submit: String, input: Input, errors: [String: String] = [:])
        -> FormView
    {
        var form = FormView(
            action: action, submit: submit,
            fields: [
                .init(
                    name: "name", label: req.t("field-organization-name"), type: "text", value: input.name ?? "",
                    autocomplete: "organization"),
                .init(
                    name: "city", label: req.t("field-city"), type: "text", value: input.city ?? "",
                    autocomplete: "address-level2"),
                .init(
                    name: "description", label: req.t("field-organization-description"), type: "textarea",
                    value: input.description ?? ""),
                .init(
                    name: "contactEmail", label: req.t("field-contact-email"), type: "email",
                    value: input.contactEmail ?? "", autocomplete: "email"),
                .init(
                    name: "language", label: req.t("field-organization-language"), type: "select",
                    hint: req.t("hint-organization-language"),
                    options: Language.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                            selected: $0.rawValue == (input.language ?? req.language))
                    }),
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var view = form(
            req, action: SiteRoute.organizerApplication.path, submit: req.t("apply-submit"),
            input: Input(contactEmail: user.email))
        view.intro = req.t("apply-intro")
        return try await req.page("form", title: req.t("apply-title"), view)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(Input.self)
        let draft: Draft
        do {
            draft = try Draft(input, fallbackLanguage: req.language)
        } catch {
            var view = form(
                req, action: SiteRoute.organizerApplication.path, submit: req.t("apply-submit"), input: input,
                errors: req.messages(for: error))
            view.intro = req.t("apply-intro")
            return try await req.page("form", title: req.t("apply-title"), view, status: .unprocessableEntity)
        }
        let organizer = OrganizerModel(
            id: UUID(), slug: "", name: draft.name, city: draft.city, description: draft.description,
            contactEmail: draft.contactEmail, status: .pending, applicantID: user.id, language: draft.language)
        try await OrganizerStore.apply(
            organizer, record: .init(audit: Audit.event(req, "apply", "organizer", organizer.id, detail: draft.name)),
            on: req.db)
        var view = FormView(action: SiteRoute.organizerApplication.path, submit: "", fields: [])
        view.notice = req.t("apply-received")
        return try await req.page("form", title: req.t("apply-title"), view)
    }
}
