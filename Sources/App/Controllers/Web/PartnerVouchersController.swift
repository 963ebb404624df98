import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// A Partner coordinator's vouchers: those allocated to the Partner, nominated one by one.
enum PartnerVouchersController {
    static func partner(_ req: Request) async throws -> PartnerModel {
        guard case .partner(let partner) = try await MembersController.scope(req) else { throw DomainError(.notFound) }
        return partner
    }

    static func voucher(_ req: Request, partnerID: UUID) async throws -> VoucherModel {
        guard let id = req.parameters.get("voucherID").flatMap(UUID.init(uuidString:)),
            let voucher = try await VoucherModel.query(on: req.db).filter(\.$id == id)
                .filter(\.$partner.$id == partnerID).with(\.$beneficiary).first()
        else { throw DomainError(.notFound) }
        return voucher
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await render(req, partner: try await partner(req))
    }

    static func render(_ req: Request, partner: PartnerModel, notice: String? = nil, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let partnerID = try partner.requireID()
        let vouchers = try await VoucherModel.query(on: req.db).filter(\.$partner.$id == partnerID)
            .with(\.$beneficiary).sort(\.$createdAt).sort(\.$code).all()
        let eventIDs = Set(vouchers.compactMap { $0.scope == .event ? $0.scopeID : nil })
        let events = try await EventModel.query(on: req.db).filter(\.$id ~~ eventIDs).with(\.$texts).all()
        let rows = try vouchers.map { voucher -> ListView.Row in
            let id = try voucher.requireID()
            var actions: [ListView.Action] = []
            switch voucher.status {
            case .issued:
                actions.append(
                    .init(
                        href: SiteRoute.partnerNominate(.value(partnerID), voucher: .value(id)).path,
                        label: req.t("action-nominate")))
            case .nominated:
                actions.append(
                    .init(
                        href: SiteRoute.voucherPrint(.value(voucher.code), size: .value("a6")).path,
                        label: req.t("action-print")))
                actions.append(
                    .init(
                        href: SiteRoute.partnerWithdraw(.value(partnerID), voucher: .value(id)).path,
                        label: req.t("action-withdraw"), method: "post"))
            default: break
            }
            let event = events.first { $0.id == voucher.scopeID }
            let text = event.flatMap { EventPresenter.text(of: $0, for: req) }
            return ListView.Row(
                cells: [
                    .data(VoucherCode.redacted(voucher.code)),
                    text.map { .data($0.title, lang: $0.language) } ?? .text(req.t("voucher-scope-credit")),
                    .data(FundsController.money(req, voucher.valueMinor, voucher.currency)),
                    .text(req.t("voucher-status-\(voucher.status.rawValue)")),
                    .data(voucher.beneficiary?.name ?? "—"),
                ], actions: actions)
        }
        let view = ListView(
            intro: .text(req.t("partner-vouchers-intro", ["organization": .string(partner.name)])),
            columns: [
                req.t("column-code"), req.t("voucher-for"), req.t("voucher-value"), req.t("column-status"),
                req.t("column-beneficiary"),
            ], rows: rows, empty: req.t("partner-vouchers-empty"), notice: notice)
        return try await req.page("list", title: req.t("partner-vouchers-title"), view, status: status)
    }

    struct NominationInput: Content {
        var name: String?
        var email: String?
        var language: String?
        var note: String?
        var delivery: String?
    }

    static func form(
        _ req: Request, partnerID: UUID, voucherID: UUID, input: NominationInput, errors: [String: String] = [:]
    ) -> FormView {
        var form = FormView(
            action: SiteRoute.partnerNominate(.value(partnerID), voucher: .value(voucherID)).path,
            submit: req.t("action-nominate"),
            fields: [
                .init(
                    name: "name", label: req.t("field-beneficiary-name"), type: "text", value: input.name ?? "",
                    hint: req.t("hint-beneficiary-name"), autocomplete: "off"),
                .init(
                    name: "email", label: req.t("field-beneficiary-email"), type: "email", value: input.email ?? "",
                    required: false, autocomplete: "off"),
                .init(
                    name: "language", label: req.t("field-beneficiary-language"), type: "select",
                    options: Language.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                            selected: $0.rawValue == (input.language ?? "sq"))
                    }),
                .init(
                    name: "delivery", label: req.t("field-delivery"), type: "select",
                    options: NominationDraft.Delivery.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("delivery-\($0.rawValue)"),
                            selected: $0.rawValue == (input.delivery ?? "print"))
                    }),
                .init(
                    name: "note", label: req.t("field-beneficiary-note"), type: "textarea", value: input.note ?? "",
                    hint: req.t("hint-beneficiary-note"), required: false),
            ], intro: req.t("nominate-intro"))
        form.links = [
            .init(href: SiteRoute.partnerVouchers(.value(partnerID)).path, label: req.t("partner-vouchers-title"))
        ]
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func nominate(req: Request) async throws -> Response {
        let partner = try await partner(req)
        let partnerID = try partner.requireID()
        let voucher = try await voucher(req, partnerID: partnerID)
        let voucherID = try voucher.requireID()
        let title = req.t("nominate-title")
        guard req.method == .POST else {
            guard voucher.status == .issued else { throw DomainError(.voucherTaken) }
            return try await req.page(
                "form", title: title, form(req, partnerID: partnerID, voucherID: voucherID, input: .init()))
        }
        let input = try req.content.decode(NominationInput.self)
        do {
            let draft = try NominationDraft(
                name: input.name, email: input.email, language: input.language, note: input.note,
                delivery: input.delivery)
            _ = try await Nominations.nominate(
                voucherID: voucherID, partnerID: partnerID, draft: draft, by: req.currentUser?.id, req: req)
            return try await render(
                req, partner: partner, notice: req.t(draft.delivery == .email ? "nominated-emailed" : "nominated-print")
            )
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title,
                form(req, partnerID: partnerID, voucherID: voucherID, input: input, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        let partner = try await partner(req)
        let partnerID = try partner.requireID()
        let voucher = try await voucher(req, partnerID: partnerID)
        try await Nominations.withdraw(voucherID: try voucher.requireID(), partnerID: partnerID, req: req)
        return try await render(req, partner: partner, notice: req.t("nomination-withdrawn"))
    }
}
