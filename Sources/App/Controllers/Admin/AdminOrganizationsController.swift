import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins decide on Organizer applications, edit Organizers, and create Partners.
enum AdminOrganizationsController {
    @Sendable static func organizers(req: Request) async throws -> Response {
        let organizers = try await OrganizerModel.query(on: req.db).sort(\.$status).sort(\.$name).all()
        let rows = try organizers.map { o -> ListView.Row in
            let id = try o.requireID()
            var actions: [ListView.Action] = [
                .init(href: SiteRoute.adminOrganizerEdit(.value(id)).path, label: req.t("action-edit"))
            ]
            if o.status == .pending {
                actions += [
                    .init(
                        href: SiteRoute.adminOrganizerDecide(.value(id), decision: .value("approve")).path,
                        label: req.t("action-approve"), method: "post"),
                    .init(
                        href: SiteRoute.adminOrganizerDecide(.value(id), decision: .value("reject")).path,
                        label: req.t("action-reject"), method: "post"),
                ]
            } else if o.status == .approved {
                actions.append(.init(href: SiteRoute.organizerMembers(.value(id)).path, label: req.t("action-members")))
            }
            return .init(
                cells: [
                    .data(o.name), .data(o.city), .data(o.contactEmail),
                    .text(req.t("organizer-status-\(o.status.rawValue)")),
                ],
                actions: actions)
        }
        let view = ListView(
            columns: [req.t("column-name"), req.t("column-city"), req.t("column-email"), req.t("column-status")],
            rows: rows, empty: req.t("admin-organizers-empty"))
        return try await req.page("list", title: req.t("admin-organizers-title"), view)
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        guard let id = req.parameters.get("organizerID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound)
        }
        guard let decision = req.parameters.get("decision").flatMap(OrganizerStatus.Decision.init(rawValue:)),
            let organizer = try await OrganizerModel.query(on: req.db).filter(\.$id == id).with(\.$applicant).first()
        else {
            throw DomainError(.notFound)
        }
        let approve = decision == .approve
        let mail = organizer.applicant.map { applicant in
            Outbox.message(
                approve ? "email-organizer-approved" : "email-organizer-rejected", to: applicant.email,
                language: applicant.language,
                args: [
                    "name": .string(applicant.displayName), "organization": .string(organizer.name),
                    "link": .string(req.application.mentore.config.siteURL + SiteRoute.dashboard.path),
                ],
                app: req.application)
        }
        try await OrganizerStore.decide(
            id, decision, applicant: organizer.$applicant.id,
            record: .init(
                audit: Audit.event(
                    req, decision == .approve ? "approve" : "reject", "organizer", id, detail: organizer.name),
                mail: mail.map { [$0] } ?? []),
            on: req.db)
        return req.redirect(to: SiteRoute.adminOrganizers.path, redirectType: .normal)
    }

    @Sendable static func editOrganizer(req: Request) async throws -> Response {
        guard let id = req.parameters.get("organizerID").flatMap(UUID.init(uuidString:)),
            let organizer = try await OrganizerModel.find(id, on: req.db)
        else { throw DomainError(.notFound) }
        let action = SiteRoute.adminOrganizerEdit(.value(id)).path
        if req.method == .GET {
            let input = OrganizerApplicationController.Input(
                name: organizer.name, city: organizer.city, description: organizer.description,
                contactEmail: organizer.contactEmail, language: organizer.language)
            return try await req.page(
                "form", title: req.t("admin-organizer-edit-title"),
                OrganizerApplicationController.form(req, action: action, submit: req.t("action-save"), input: input))
        }
        let input = try req.content.decode(OrganizerApplicationController.Input.self)
        do {
            let draft = try OrganizerApplicationController.Draft(input, fallbackLanguage: organizer.language)
            organizer.name = draft.name
            organizer.city = draft.city
            organizer.description = draft.description
            organizer.contactEmail = draft.contactEmail
            organizer.language = draft.language
            try await OrganizerStore.save(
                organizer, record: .init(audit: Audit.event(req, "edit", "organizer", id, detail: draft.name)),
                on: req.db)
            return req.redirect(to: SiteRoute.adminOrganizers.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: req.t("admin-organizer-edit-title"),
                OrganizerApplicationController.form(
                    req, action: action, submit: req.t("action-save"), input: input, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }

    struct PartnerInput: Content {
        var name: String?
        var city: String?
        var description: String?
    }

    static func partnerForm(_ req: Request, action: String, input: PartnerInput, errors: [String: String] = [:])
        -> FormView
    {
        var form = FormView(
            action: action, submit: req.t("action-save"),
            fields: [
                .init(name: "name", label: req.t("field-organization-name"), type: "text", value: input.name ?? ""),
                .init(name: "city", label: req.t("field-city"), type: "text", value: input.city ?? ""),
                .init(
                    name: "description", label: req.t("field-organization-description"), type: "textarea",
                    value: input.description ?? "", required: false),
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func partners(req: Request) async throws -> Response {
        let partners = try await PartnerModel.query(on: req.db).sort(\.$name).all()
        let rows = try partners.map { p -> ListView.Row in
            let id = try p.requireID()
            return .init(
                cells: [.data(p.name), .data(p.city)],
                actions: [
                    .init(href: SiteRoute.adminPartnerEdit(.value(id)).path, label: req.t("action-edit")),
                    .init(href: SiteRoute.partnerMembers(.value(id)).path, label: req.t("action-members")),
                ])
        }
        let view = ListView(
            columns: [req.t("column-name"), req.t("column-city")], rows: rows, empty: req.t("admin-partners-empty"),
            links: [.init(href: SiteRoute.adminPartnerNew.path, label: req.t("admin-partner-new"))])
        return try await req.page("list", title: req.t("admin-partners-title"), view)
    }

    @Sendable static func savePartner(req: Request) async throws -> Response {
        let existing: PartnerModel?
        if let raw = req.parameters.get("partnerID") {
            guard let id = UUID(uuidString: raw), let partner = try await PartnerModel.find(id, on: req.db) else {
                throw DomainError(.notFound)
            }
            existing = partner
        } else {
            existing = nil
        }
        let action = existing.map { SiteRoute.adminPartnerEdit(.value($0.id!)).path } ?? SiteRoute.adminPartnerNew.path
        let title = req.t(existing == nil ? "admin-partner-new" : "admin-partner-edit-title")
        if req.method == .GET {
            let input = PartnerInput(name: existing?.name, city: existing?.city, description: existing?.description)
            return try await req.page("form", title: title, partnerForm(req, action: action, input: input))
        }
        let input = try req.content.decode(PartnerInput.self)
        var v = Validator()
        let name = v.text(input.name, field: "name", max: 120)
        let city = v.text(input.city, field: "city", max: 100)
        let description = v.text(input.description, field: "description", required: false, max: 2000, multiline: true)
        do {
            try v.finish()
        } catch {
            return try await req.page(
                "form", title: title, partnerForm(req, action: action, input: input, errors: req.messages(for: error)),
                status: .unprocessableEntity)
        }
        let partner = existing ?? PartnerModel(id: UUID(), slug: "", name: name, city: city, description: description)
        partner.name = name
        partner.city = city
        partner.description = description
        try await PartnerStore.save(
            partner,
            record: .init(
                audit: Audit.event(req, existing == nil ? "create" : "edit", "partner", partner.id, detail: name)),
            on: req.db)
        return req.redirect(to: SiteRoute.adminPartners.path, redirectType: .normal)
    }

    @Sendable static func audit(req: Request) async throws -> Response {
        let events = try await AuditEventModel.query(on: req.db).sort(\.$createdAt, .descending).limit(200).all()
        let formatter = ISO8601DateFormatter()
        let rows = events.map { e in
            ListView.Row(cells: [
                .time(e.createdAt, formatter.string(from: e.createdAt)), .data(e.actorEmail), .data(e.action),
                .data("\(e.objectType) \(e.objectID.prefix(8))"), .data(e.detail), .data(e.ip),
            ])
        }
        let view = ListView(
            columns: [
                req.t("column-when"), req.t("column-who"), req.t("column-action"), req.t("column-object"),
                req.t("column-detail"), req.t("column-address"),
            ],
            rows: rows, empty: req.t("admin-audit-empty"))
        return try await req.page("list", title: req.t("admin-audit-title"), view)
    }
}
