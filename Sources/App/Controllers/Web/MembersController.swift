import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Partner coordinators and Organizer managers invite colleagues by e-mail and remove them.
enum MembersController {
    /// Which organisation a members page is about, and what roles can be offered there.
    enum Scope {
        case partner(PartnerModel)
        case organizer(OrganizerModel)

        var id: UUID? {
            switch self {
            case .partner(let p): p.id
            case .organizer(let o): o.id
            }
        }

        var name: String {
            switch self {
            case .partner(let p): p.name
            case .organizer(let o): o.name
            }
        }

        var roles: [String] {
            switch self {
            case .partner: ["coordinator"]
            case .organizer: OrganizerRole.allCases.map(\.rawValue)
            }
        }

        var objectType: String {
            switch self {
            case .partner: "partner"
            case .organizer: "organizer"
            }
        }
    }

    struct InviteInput: Content {
        var email: String?
        var role: String?
    }

    static func scope(_ req: Request) async throws -> Scope {
        let user = try req.requireUser()
        if let raw = req.parameters.get("partnerID") {
            guard let id = UUID(uuidString: raw), let partner = try await PartnerModel.find(id, on: req.db) else {
                throw DomainError(.notFound)
            }
            guard user.canCoordinate(partner: id) else { throw DomainError(.forbidden) }
            return .partner(partner)
        }
        guard let raw = req.parameters.get("organizerID"), let id = UUID(uuidString: raw),
            let organizer = try await OrganizerModel.find(id, on: req.db), organizer.status == .approved
        else { throw DomainError(.notFound) }
        guard user.canManage(organizer: id) else { throw DomainError(.forbidden) }
        return .organizer(organizer)
    }

    static func inviteForm(_ req: Request, _ scope: Scope, input: InviteInput = .init(), errors: [String: String] = [:])
        -> FormView
    {
        let action: SiteRoute =
            switch scope {
            case .partner(let p): .partnerInvite(.value(p.id!))
            case .organizer(let o): .organizerInvite(.value(o.id!))
            }
        var fields: [FormView.Field] = [
            .init(
                name: "email", label: req.t("field-email"), type: "email", value: input.email ?? "", autocomplete: "off"
            )
        ]
        if scope.roles.count > 1 {
            fields.append(
                .init(
                    name: "role", label: req.t("field-role"), type: "select",
                    options: scope.roles.map {
                        .init(value: $0, label: req.t("member-role-\($0)"), selected: $0 == (input.role ?? "door"))
                    }))
        }
        var form = FormView(
            action: action.path, submit: req.t("members-invite-submit"), fields: fields,
            intro: req.t("members-invite-intro"))
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let scope = try await scope(req)
        return try await render(req, scope, form: inviteForm(req, scope))
    }

    static func render(_ req: Request, _ scope: Scope, form: FormView, notice: String? = nil, status: HTTPStatus = .ok)
        async throws -> Response
    {
        var rows: [ListView.Row] = []
        switch scope {
        case .partner(let partner):
            let members = try await PartnerMemberModel.query(on: req.db).filter(\.$partner.$id == partner.requireID())
                .with(\.$user).all()
            rows = try members.map { m in
                .init(
                    cells: [.data(m.user.displayName), .data(m.user.email), .text(req.t("member-role-coordinator"))],
                    actions: [
                        .init(
                            href: SiteRoute.partnerRemoveMember(
                                .value(try partner.requireID()), member: .value(try m.requireID())
                            ).path, label: req.t("members-remove"), method: "post")
                    ])
            }
        case .organizer(let organizer):
            let members = try await OrganizerMemberModel.query(on: req.db).filter(
                \.$organizer.$id == organizer.requireID()
            ).with(\.$user).all()
            rows = try members.map { m in
                .init(
                    cells: [
                        .data(m.user.displayName), .data(m.user.email), .text(req.t("member-role-\(m.role.rawValue)")),
                    ],
                    actions: [
                        .init(
                            href: SiteRoute.organizerRemoveMember(
                                .value(try organizer.requireID()), member: .value(try m.requireID())
                            ).path, label: req.t("members-remove"), method: "post")
                    ])
            }
        }
        let view = ListView(
            intro: .text(req.t("members-intro", ["organization": .string(scope.name)])),
            columns: [req.t("column-name"), req.t("column-email"), req.t("column-role")], rows: rows,
            empty: req.t("members-empty"), notice: notice, form: form)
        return try await req.page(
            "list", title: req.t("members-title", ["organization": .string(scope.name)]), view, status: status)
    }

    @Sendable static func invite(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let input = try req.content.decode(InviteInput.self)
        var validator = Validator()
        let email = validator.email(input.email)
        let role = scope.roles.count == 1 ? scope.roles[0] : (input.role ?? "")
        if !scope.roles.contains(role) { validator.add(.invalidValue, field: "role") }
        do {
            try validator.finish()
        } catch {
            return try await render(
                req, scope, form: inviteForm(req, scope, input: input, errors: req.messages(for: error)),
                status: .unprocessableEntity)
        }
        let token = SecureToken.make()
        let user = try req.requireUser()
        let scopeID = try scope.id.orNotFound()
        let invitation = InvitationModel(
            tokenHash: SecureToken.hash(token), email: email,
            organizerID: scope.objectType == "organizer" ? scopeID : nil,
            partnerID: scope.objectType == "partner" ? scopeID : nil,
            role: role, invitedBy: user.id, expiresAt: req.now.addingTimeInterval(7 * 86400))
        // The invitee has no account language yet: the inviter's language is the best guess.
        let mail = Outbox.message(
            "email-invitation", to: email, language: req.language,
            args: [
                "inviter": .string(user.displayName), "organization": .string(scope.name),
                "role": .string(req.t("member-role-\(role)")),
                "link": .string(req.application.mentore.config.siteURL + SiteRoute.invitation(.value(token)).path),
            ], app: req.application, secret: true)
        try await MembershipStore.invite(
            invitation,
            record: .init(
                audit: Audit.event(req, "invite", scope.objectType, scopeID, detail: "\(email) as \(role)"),
                mail: [mail]),
            on: req.db)
        return try await render(
            req, scope, form: inviteForm(req, scope), notice: req.t("members-invited", ["email": .string(email)]))
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let scope = try await scope(req)
        let memberID = try req.idParameter("memberID")
        let scopeID = try scope.id.orNotFound()
        switch scope {
        case .partner:
            guard
                let member = try await PartnerMemberModel.query(on: req.db).filter(\.$id == memberID).filter(
                    \.$partner.$id == scopeID
                ).with(\.$user).first()
            else {
                throw DomainError(.notFound)
            }
            let audit = Audit.event(req, "remove-member", "partner", scopeID, detail: member.user.email)
            try await MembershipStore.removePartnerMember(
                memberID, of: scopeID, record: .init(audit: audit), on: req.db)
        case .organizer:
            guard
                let member = try await OrganizerMemberModel.query(on: req.db).filter(\.$id == memberID).filter(
                    \.$organizer.$id == scopeID
                ).with(\.$user).first()
            else {
                throw DomainError(.notFound)
            }
            let audit = Audit.event(
                req, "remove-member", "organizer", scopeID, detail: "\(member.user.email) (\(member.role.rawValue))")
            try await MembershipStore.removeOrganizerMember(
                memberID, of: scopeID, record: .init(audit: audit), on: req.db)
        }
        let path: SiteRoute =
            switch scope {
            case .partner: .partnerMembers(.value(scopeID))
            case .organizer: .organizerMembers(.value(scopeID))
            }
        return req.redirect(to: path.path, redirectType: .normal)
    }
}

/// Opening and accepting an invitation.
enum InvitationController {
    static func invitation(_ req: Request) async throws -> (InvitationModel, String) {
        let token = req.parameters.get("token") ?? ""
        guard
            let invitation = try await InvitationModel.query(on: req.db).filter(\.$tokenHash == SecureToken.hash(token))
                .with(\.$organizer).with(\.$partner).first(),
            invitation.acceptedAt == nil, invitation.expiresAt > req.now
        else { throw DomainError(.tokenInvalid) }
        let name = invitation.organizer?.name ?? invitation.partner?.name ?? ""
        return (invitation, name)
    }

    struct View: Encodable {
        var message: String
        var action: String?
        var submit: String?
        var links: [Page<View>.Link]
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (invitation, name) = try await invitation(req)
        let message = req.t(
            "invitation-text",
            [
                "organization": .string(name), "role": .string(req.t("member-role-\(invitation.role)")),
                "email": .string(invitation.email),
            ])
        if let user = req.currentUser {
            guard user.email == invitation.email else {
                return try await req.page(
                    "message", title: req.t("invitation-title"),
                    View(
                        message: message + " "
                            + req.t("invitation-other-account", ["email": .string(invitation.email)]), links: []))
            }
            return try await req.page(
                "message", title: req.t("invitation-title"),
                View(message: message, action: req.url.path, submit: req.t("invitation-accept"), links: []))
        }
        return try await req.page(
            "message", title: req.t("invitation-title"),
            View(
                message: message + " " + req.t("invitation-sign-in"),
                links: [
                    .init(href: SiteRoute.login(next: req.url.path).path, label: req.t("nav-login")),
                    .init(href: SiteRoute.signUp.path, label: req.t("nav-signup")),
                ]))
    }

    @Sendable static func accept(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (invitation, _) = try await invitation(req)
        guard user.email == invitation.email else { throw DomainError(.forbidden) }
        let invitationID = try invitation.requireID()
        let joining: MembershipStore.Joining
        let audit: AuditEventModel
        if let organizerID = invitation.$organizer.id, let role = OrganizerRole(rawValue: invitation.role) {
            joining = .organizer(organizerID, role: role)
            audit = Audit.event(req, "join", "organizer", organizerID, detail: "\(user.email) as \(role.rawValue)")
        } else if let partnerID = invitation.$partner.id {
            joining = .partner(partnerID)
            audit = Audit.event(req, "join", "partner", partnerID, detail: user.email)
        } else {
            throw DomainError(.tokenInvalid)
        }
        try await MembershipStore.accept(
            invitationID, as: joining, userID: user.id, at: req.now, record: .init(audit: audit), on: req.db)
        return req.redirect(to: SiteRoute.dashboard.path, redirectType: .normal)
    }
}
