import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// A partner's waiting list: the people who get the next voucher a fund frees up.
enum WaitingListController {
    struct Input: Content {
        var fund: String?
        var name: String?
        var email: String?
        var language: String?
        var note: String?
        var delivery: String?
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let partner = try await PartnerVouchersController.partner(req)
        let partnerID = try partner.requireID()
        guard req.method == .POST else { return try await render(req, partner: partner, input: .init()) }
        let input = try req.content.decode(Input.self)
        do {
            let (fundID, draft) = try NominationDraft.target(
                input.fund, field: "fund", name: input.name, email: input.email, language: input.language,
                note: input.note, delivery: input.delivery)
            try await WaitingLists.add(partnerID: partnerID, fundID: fundID, draft: draft, req: req)
            return try await render(
                req, partner: partner, input: .init(), notice: req.t("waiting-added", ["name": .string(draft.name)]))
        } catch let errors as ValidationErrors {
            return try await render(
                req, partner: partner, input: input, errors: req.messages(for: errors), status: .unprocessableEntity)
        }
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let partner = try await PartnerVouchersController.partner(req)
        guard let entryID = req.parameters.get("entryID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound)
        }
        try await WaitingLists.remove(entryID: entryID, partnerID: try partner.requireID(), req: req)
        return try await render(req, partner: partner, input: .init(), notice: req.t("waiting-removed"))
    }

    static func render(
        _ req: Request, partner: PartnerModel, input: Input, errors: [String: String] = [:], notice: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let partnerID = try partner.requireID()
        let funds = try await WaitingLists.funds(for: partnerID, on: req.db)
        let entries = try await WaitingEntryModel.query(on: req.db).filter(\.$partner.$id == partnerID)
            .filter(\.$status != .removed).sort(\.$createdAt).sort(\.$id).with(\.$fund) { $0.with(\.$texts) }.all()
        let format = Formatting.platform(req.language)
        var positions: [UUID: Int] = [:]
        let rows = try entries.map { entry -> ListView.Row in
            let fundName = FundPresenter.text(of: entry.fund, for: req)
            var place = "—"
            if entry.status == .waiting {
                positions[entry.$fund.id, default: 0] += 1
                place = "\(positions[entry.$fund.id]!)"
            }
            return ListView.Row(
                cells: [
                    .data(place),
                    .data(entry.name),
                    fundName.map { .data($0.name, lang: $0.language) } ?? .text("—"),
                    .time(entry.createdAt, format.date(entry.createdAt)),
                    .text(req.t("waiting-status-\(entry.status.rawValue)")),
                ],
                actions: entry.status == .waiting
                    ? [
                        .init(
                            href: SiteRoute.partnerWaitingRemove(
                                .value(partnerID), entry: .value(try entry.requireID())
                            )
                            .path,
                            label: req.t("action-remove-waiting"), method: "post")
                    ] : [])
        }
        var form = FormView(
            action: SiteRoute.partnerWaiting(.value(partnerID)).path, submit: req.t("action-add-waiting"),
            fields: [
                .init(
                    name: "fund", label: req.t("field-waiting-fund"), type: "select",
                    options: funds.map { fund in
                        .init(
                            value: fund.id!.uuidString.lowercased(),
                            label: FundPresenter.text(of: fund, for: req)?.name ?? "—",
                            selected: fund.id!.uuidString.lowercased() == input.fund?.lowercased())
                    })
            ]
                + PartnerVouchersController.personFields(
                    req, name: input.name, email: input.email, language: input.language, delivery: input.delivery,
                    note: input.note), intro: req.t("waiting-form-intro"))
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        let view = ListView(
            intro: .text(req.t("waiting-intro", ["organization": .string(partner.name)])),
            columns: [
                req.t("column-waiting-place"), req.t("column-name"), req.t("column-waiting-fund"),
                req.t("column-waiting-since"), req.t("column-status"),
            ], rows: rows, empty: req.t("waiting-empty"),
            links: [
                .init(href: SiteRoute.partnerVouchers(.value(partnerID)).path, label: req.t("partner-vouchers-title"))
            ],
            notice: notice, form: form)
        return try await req.page("list", title: req.t("waiting-title"), view, status: status)
    }
}
