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
        let titles = try await EventPresenter.scopeTitles(vouchers.map { ($0.scope, $0.scopeID) }, req: req)
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
            if let person = voucher.$beneficiary.id {
                actions.append(
                    .init(
                        href: SiteRoute.partnerBeneficiary(.value(partnerID), beneficiary: .value(person)).path,
                        label: req.t("action-person-data")))
            }
            let text = voucher.scopeID.flatMap { titles[$0] }
            return ListView.Row(
                cells: [
                    .data(VoucherCode.redacted(voucher.code)),
                    text.map { .data($0.title, lang: $0.language) } ?? .text(req.t("voucher-scope-credit")),
                    .data(FundsController.money(req, voucher.valueMinor, voucher.currency)),
                    .text(req.t("voucher-status-\(voucher.status.rawValue)")),
                    .data(voucher.beneficiary?.name ?? "—"),
                ], actions: actions)
        }
        var view = ListView(
            intro: .text(req.t("partner-vouchers-intro", ["organization": .string(partner.name)])),
            columns: [
                req.t("column-code"), req.t("voucher-for"), req.t("voucher-value"), req.t("column-status"),
                req.t("column-beneficiary"),
            ], rows: rows, empty: req.t("partner-vouchers-empty"), notice: notice)
        if vouchers.contains(where: { $0.status == .issued }) {
            view.links = [
                .init(href: SiteRoute.partnerBulkNominate(.value(partnerID)).path, label: req.t("action-bulk-open"))
            ]
        }
        return try await req.page("list", title: req.t("partner-vouchers-title"), view, status: status)
    }

    struct NominationInput: Content {
        var name: String?
        var email: String?
        var language: String?
        var note: String?
        var delivery: String?
    }

    /// The fields that name a person to give a voucher to (nomination and waiting list).
    static func personFields(
        _ req: Request, name: String?, email: String?, language: String?, delivery: String?, note: String?
    ) -> [FormView.Field] {
        [
            .init(
                name: "name", label: req.t("field-beneficiary-name"), type: "text", value: name ?? "",
                hint: req.t("hint-beneficiary-name"), autocomplete: "off"),
            .init(
                name: "email", label: req.t("field-beneficiary-email"), type: "email", value: email ?? "",
                required: false, autocomplete: "off"),
            .init(
                name: "language", label: req.t("field-beneficiary-language"), type: "select",
                options: Language.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                        selected: $0.rawValue == (language ?? "sq"))
                }),
            .init(
                name: "delivery", label: req.t("field-delivery"), type: "select",
                options: NominationDraft.Delivery.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("delivery-\($0.rawValue)"),
                        selected: $0.rawValue == (delivery ?? "print"))
                }),
            .init(
                name: "note", label: req.t("field-beneficiary-note"), type: "textarea", value: note ?? "",
                hint: req.t("hint-beneficiary-note"), required: false),
        ]
    }

    static func form(
        _ req: Request, partnerID: UUID, voucherID: UUID, input: NominationInput, errors: [String: String] = [:]
    ) -> FormView {
        var form = FormView(
            action: SiteRoute.partnerNominate(.value(partnerID), voucher: .value(voucherID)).path,
            submit: req.t("action-nominate"),
            fields: personFields(
                req, name: input.name, email: input.email, language: input.language, delivery: input.delivery,
                note: input.note), intro: req.t("nominate-intro"))
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

// MARK: Nominating many at once from a CSV file

extension PartnerVouchersController {
    struct BulkInput: Content {
        var group: String?
        var rows: String?
        var file: File?
    }

    /// The bulk page: the form, and every problem of a refused upload by row and column.
    struct BulkView: Encodable {
        struct Problem: Encodable {
            var row: String
            var column: String
            var message: String
        }
        var form: FormView
        /// Nil when there is nothing to list (Leaf treats an empty array as true).
        var problems: [Problem]?
        var problemsTitle: String
        var columns: [String]
    }

    @Sendable static func bulk(req: Request) async throws -> Response {
        let partner = try await partner(req)
        let partnerID = try partner.requireID()
        let groups = try await Nominations.freeGroups(partnerID: partnerID, on: req.db)
        guard req.method == .POST else {
            return try await bulkPage(req, partnerID: partnerID, groups: groups, input: .init(group: nil))
        }
        let input = try req.content.decode(BulkInput.self)
        var problems: [NominationCSV.Problem] = []
        var errors: [String: String] = [:]
        let group = input.group.flatMap(Nominations.Group.init(key:))
        if group == nil || !groups.contains(where: { $0.group == group }) {
            errors["group"] = req.t(input.group?.isEmpty ?? true ? "error-required" : "error-invalid-value")
        }
        let uploaded = input.file.flatMap { $0.data.readableBytes > 0 ? $0.data : nil }
        let text = uploaded.map { String(decoding: $0.readableBytesView, as: UTF8.self) } ?? input.rows ?? ""
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors["rows"] = req.t("error-csv-empty")
        }
        if errors.isEmpty, let group {
            do {
                let rows = try NominationCSV.parse(text)
                let count = try await Nominations.nominateAll(
                    rows, group: group, partnerID: partnerID, by: req.currentUser?.id, req: req)
                return try await render(req, partner: partner, notice: req.t("bulk-done", ["count": .integer(count)]))
            } catch let failure as NominationCSV.Failure {
                problems = failure.problems
            } catch let error as DomainError where error.code == .notEnoughVouchers || error.code == .voucherTaken {
                errors["group"] = req.t("error-\(error.code.rawValue)")
            }
        }
        return try await bulkPage(
            req, partnerID: partnerID, groups: groups, input: input, errors: errors, problems: problems,
            status: .unprocessableEntity)
    }

    static func bulkPage(
        _ req: Request, partnerID: UUID, groups: [(group: Nominations.Group, count: Int)], input: BulkInput,
        errors: [String: String] = [:], problems: [NominationCSV.Problem] = [], status: HTTPStatus = .ok
    ) async throws -> Response {
        let titles = try await EventPresenter.scopeTitles(
            groups.map { ($0.group.scope, $0.group.scopeID) }, req: req)
        let options = groups.map { entry -> FormView.Option in
            let what = entry.group.scopeID.flatMap { titles[$0]?.title } ?? req.t("voucher-scope-credit")
            return .init(
                value: entry.group.key,
                label: req.t(
                    "bulk-group-option",
                    [
                        "what": .string(what), "count": .integer(entry.count),
                        "value": .string(
                            FundsController.money(req, entry.group.valueMinor, entry.group.currency)),
                    ]),
                selected: entry.group.key == input.group || groups.count == 1)
        }
        var form = FormView(
            action: SiteRoute.partnerBulkNominate(.value(partnerID)).path, submit: req.t("action-bulk-nominate"),
            fields: [
                .init(name: "group", label: req.t("field-bulk-group"), type: "select", options: options),
                .init(
                    name: "file", label: req.t("field-bulk-file"), type: "file",
                    hint: req.t(
                        "hint-bulk-file",
                        [
                            "columns": .string(NominationCSV.columns.joined(separator: ",")),
                            "languages": .string(Language.allCases.map(\.rawValue).joined(separator: ", ")),
                            "deliveries": .string(
                                NominationDraft.Delivery.allCases.map(\.rawValue).joined(separator: ", ")),
                        ]),
                    required: false, accept: ".csv,text/csv"),
                .init(
                    name: "rows", label: req.t("field-bulk-rows"), type: "textarea",
                    value: input.file == nil ? input.rows ?? "" : "", hint: req.t("hint-bulk-rows"), required: false),
            ], intro: req.t("bulk-intro"))
        form.enctype = "multipart/form-data"
        form.links = [
            .init(href: SiteRoute.partnerVouchers(.value(partnerID)).path, label: req.t("partner-vouchers-title"))
        ]
        var shown = errors
        if !problems.isEmpty {
            shown["form"] = req.t("bulk-refused", ["count": .integer(problems.count)])
        }
        form.apply(errors: shown, summary: req.t("form-has-errors"))
        let view = BulkView(
            form: form,
            problems: problems.isEmpty
                ? nil
                : problems.map { problem in
                    BulkView.Problem(
                        row: problem.row == 0 ? req.t("bulk-whole-file") : "\(problem.row)",
                        column: problem.column ?? "—",
                        message: req.t("error-\(problem.code.rawValue)"))
                },
            problemsTitle: req.t("bulk-problems-title"),
            columns: [req.t("column-row"), req.t("column-column"), req.t("column-problem")])
        return try await req.page("bulk-nominate", title: req.t("bulk-title"), view, status: status)
    }
}
