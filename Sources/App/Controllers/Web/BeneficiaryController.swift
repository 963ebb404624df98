import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// One beneficiary's data, for their Partner (and admins): what is held, an export on
/// request, and erasure.
enum BeneficiaryController {
    struct Fact: Encodable {
        var label: String
        var value: String
        var data: Bool
    }

    struct View: Encodable {
        var notice: String?
        var erased: String?
        var facts: [Fact]
        var vouchersTitle: String
        var columns: [String]
        var vouchers: [[ListView.Cell]]?
        var empty: String
        var export: Page<View>.Link
        var back: Page<View>.Link
        var erase: FormView?
    }

    static func ids(_ req: Request) async throws -> (PartnerModel, BeneficiaryModel) {
        let partner = try await PartnerVouchersController.partner(req)
        guard let id = req.parameters.get("beneficiaryID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound)
        }
        return (partner, try await Privacy.beneficiary(id, partnerID: try partner.requireID(), on: req.db))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (partner, beneficiary) = try await ids(req)
        return try await render(req, partner: partner, beneficiary: beneficiary)
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let (partner, beneficiary) = try await ids(req)
        let data = try await Privacy.export(beneficiary, partner: partner, now: req.now, on: req.db)
        try await Audit.record(req, "export-beneficiary", "beneficiary", try beneficiary.requireID(), on: req.db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let response = Response(status: .ok, body: .init(data: try encoder.encode(data)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"beneficiary-\(try beneficiary.requireID().uuidString.lowercased()).json\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func erase(req: Request) async throws -> Response {
        let (partner, beneficiary) = try await ids(req)
        let id = try beneficiary.requireID()
        try await Privacy.erase(id, partnerID: try partner.requireID(), req: req)
        let fresh = try await Privacy.beneficiary(id, partnerID: try partner.requireID(), on: req.db)
        return try await render(req, partner: partner, beneficiary: fresh, notice: req.t("beneficiary-erased-done"))
    }

    static func render(_ req: Request, partner: PartnerModel, beneficiary: BeneficiaryModel, notice: String? = nil)
        async throws -> Response
    {
        let partnerID = try partner.requireID()
        let id = try beneficiary.requireID()
        let vouchers = try await VoucherModel.query(on: req.db).filter(\.$beneficiary.$id == id).sort(\.$createdAt)
            .all()
        let titles = try await EventPresenter.scopeTitles(vouchers.map { ($0.scope, $0.scopeID) }, req: req)
        let rows = vouchers.map { voucher -> [ListView.Cell] in
            let text = voucher.scopeID.flatMap { titles[$0] }
            return [
                .data(VoucherCode.redacted(voucher.code)),
                text.map { .data($0.title, lang: $0.language) } ?? .text(req.t("voucher-scope-credit")),
                .data(FundsController.money(req, voucher.valueMinor, voucher.currency)),
                .text(req.t("voucher-status-\(voucher.status.rawValue)")),
            ]
        }
        let format = Formatting.platform(req.language)
        var facts = [
            Fact(label: req.t("field-beneficiary-name"), value: beneficiary.name, data: true),
            Fact(
                label: req.t("field-beneficiary-language"), value: req.t("language-name-\(beneficiary.language)"),
                data: false),
        ]
        if let email = beneficiary.email {
            facts.append(Fact(label: req.t("field-beneficiary-email"), value: email, data: true))
        }
        if let note = beneficiary.note {
            facts.append(Fact(label: req.t("field-beneficiary-note"), value: note, data: true))
        }
        if let created = beneficiary.createdAt {
            facts.append(Fact(label: req.t("beneficiary-since"), value: format.date(created), data: true))
        }
        var erase: FormView?
        if beneficiary.erasedAt == nil {
            var form = FormView(
                action: SiteRoute.partnerBeneficiaryErase(.value(partnerID), beneficiary: .value(id)).path,
                submit: req.t("action-erase"), fields: [], intro: req.t("beneficiary-erase-intro"))
            form.confirms = true
            erase = form
        }
        let view = View(
            notice: notice,
            erased: beneficiary.erasedAt.map { req.t("beneficiary-erased-note", ["date": .string(format.date($0))]) },
            facts: facts, vouchersTitle: req.t("partner-vouchers-title"),
            columns: [req.t("column-code"), req.t("voucher-for"), req.t("voucher-value"), req.t("column-status")],
            vouchers: rows.isEmpty ? nil : rows, empty: req.t("beneficiary-no-vouchers"),
            export: .init(
                href: SiteRoute.partnerBeneficiaryExport(.value(partnerID), beneficiary: .value(id)).path,
                label: req.t("action-export")),
            back: .init(
                href: SiteRoute.partnerVouchers(.value(partnerID)).path, label: req.t("partner-vouchers-title")),
            erase: erase)
        return try await req.page("beneficiary", title: req.t("beneficiary-title"), view)
    }
}
