import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// `/mentor/impact`: what a mentor's contributions made possible, in total, per contribution
/// and per event and venue — counts and sums only, never who the beneficiaries are.
enum ImpactController {
    struct Table: Encodable {
        var id: String
        var title: String
        var columns: [String]
        var rows: [[ListView.Cell]]
    }

    struct View: Encodable {
        var intro: String
        var tables: [Table]
        var empty: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let contributions = try await ContributionModel.query(on: req.db).filter(\.$mentor.$id == user.id)
            .filter(\.$status ~~ [.paid, .refunded]).sort(\.$number).all()
        let ids = try contributions.map { try $0.requireID() }
        let vouchers = try await VoucherModel.query(on: req.db).filter(\.$contribution.$id ~~ ids).all()
        // Expired vouchers whose value went on to someone waiting.
        let expiredIDs = vouchers.filter { $0.status == .expired }.compactMap(\.id)
        let passedOn = Set(
            try await VoucherModel.query(on: req.db).filter(\.$reallocatedFrom ~~ expiredIDs).all()
                .compactMap(\.reallocatedFrom))
        func fact(_ voucher: VoucherModel) -> Impact.Voucher {
            Impact.Voucher(
                status: voucher.status, valueMinor: voucher.valueMinor, hasBeneficiary: voucher.$beneficiary.id != nil,
                isReallocation: voucher.reallocatedFrom != nil,
                wasReallocated: voucher.id.map(passedOn.contains) ?? false,
                isCircuit: voucher.scope == .circuit)
        }
        let format = Formatting.platform(req.language)
        let money = { (minor: Int, currency: Currency) in FundsController.money(req, minor, currency) }
        let count = { (n: Int) in ListView.Cell.data("\(n)") }

        var perContribution: [[ListView.Cell]] = []
        var totals: [Currency: (impact: Impact, refunded: Int, given: Int)] = [:]
        for contribution in contributions {
            let impact = Impact(vouchers.filter { $0.$contribution.id == contribution.id }.map(fact))
            let currency = contribution.currency
            var total = totals[currency] ?? (Impact(), 0, 0)
            total.impact = total.impact + impact
            total.refunded += contribution.refundedMinor
            total.given += contribution.amountMinor
            totals[currency] = total
            let paid = contribution.paidAt ?? contribution.createdAt ?? req.now
            perContribution.append([
                .data(contribution.paymentReference), .time(paid, format.date(paid)),
                .data(money(contribution.amountMinor, currency)), count(impact.placesFunded),
                count(impact.nominated), count(impact.attended), .data(money(impact.redeemedMinor, currency)),
                .data(money(impact.outstandingMinor, currency)), .data(money(impact.expiredMinor, currency)),
                .data(money(impact.reallocatedMinor, currency)), .data(money(contribution.refundedMinor, currency)),
            ])
        }
        let totalRows = totals.sorted { $0.key.rawValue < $1.key.rawValue }.map { currency, total -> [ListView.Cell] in
            [
                .data(money(total.given, currency)), count(total.impact.placesFunded), count(total.impact.nominated),
                count(total.impact.attended), count(total.impact.circuitsCompleted),
                .data(money(total.impact.redeemedMinor, currency)),
                .data(money(total.impact.outstandingMinor, currency)),
                .data(money(total.impact.expiredMinor, currency)),
                .data(money(total.impact.reallocatedMinor, currency)),
                .data(money(total.refunded, currency)),
            ]
        }

        // By event and venue: vouchers for one event, whoever's contribution paid them.
        let eventIDs = Set(vouchers.compactMap { $0.scope == .event ? $0.scopeID : nil })
        let events = try await EventModel.query(on: req.db).filter(\.$id ~~ eventIDs).with(\.$texts).with(\.$venue)
            .all()
        let byEvent = events.compactMap { event -> (String, [ListView.Cell])? in
            let impact = Impact(vouchers.filter { $0.scope == .event && $0.scopeID == event.id }.map(fact))
            let text = EventPresenter.text(of: event, for: req)
            let title = text?.title ?? ""
            return (
                title,
                [
                    .data(title, lang: text?.language), .data(event.venue.name), count(impact.placesFunded),
                    count(impact.nominated), count(impact.attended),
                    .data(money(impact.redeemedMinor, event.currency)),
                ]
            )
        }.sorted { $0.0 < $1.0 }.map(\.1)
        let open = vouchers.filter { $0.scope == .credit }.map(fact)
        var byEventRows = byEvent
        if !open.isEmpty {
            let impact = Impact(open)
            byEventRows.append([
                .text(req.t("voucher-scope-credit")), .text("—"), count(impact.placesFunded), count(impact.nominated),
                count(impact.attended), .text("—"),
            ])
        }

        // By circuit: vouchers for any version of one circuit.
        let versionIDs = Set(vouchers.compactMap { $0.scope == .circuit ? $0.scopeID : nil })
        let versions = try await CircuitVersionModel.query(on: req.db).filter(\.$id ~~ versionIDs).all()
        let circuitOf = Dictionary(uniqueKeysWithValues: try versions.map { (try $0.requireID(), $0.$circuit.id) })
        let circuits = try await CircuitModel.query(on: req.db).filter(\.$id ~~ Set(circuitOf.values))
            .with(\.$texts).all()
        let byCircuit = circuits.map { circuit -> (String, [ListView.Cell]) in
            let mine = vouchers.filter { $0.scope == .circuit && $0.scopeID.flatMap { circuitOf[$0] } == circuit.id }
            let impact = Impact(mine.map(fact))
            let text = AdminCircuitsController.title(circuit, req: req)
            let title = text?.title ?? ""
            let currency = mine.first?.currency ?? .eur
            return (
                title,
                [
                    .data(title, lang: text?.language), count(impact.placesFunded), count(impact.nominated),
                    count(impact.attended), count(impact.circuitsCompleted),
                    .data(money(impact.redeemedMinor, currency)),
                ]
            )
        }.sorted { $0.0 < $1.0 }.map(\.1)

        let moneyColumns = [
            req.t("impact-redeemed"), req.t("impact-outstanding"), req.t("impact-expired"),
            req.t("impact-reallocated"), req.t("contribution-refunded"),
        ]
        let view = View(
            intro: req.t("impact-intro"),
            tables: contributions.isEmpty
                ? []
                : [
                    Table(
                        id: "totals", title: req.t("impact-totals-title"),
                        columns: [
                            req.t("impact-given"), req.t("impact-places"), req.t("impact-nominated"),
                            req.t("impact-attended"), req.t("impact-circuits"),
                        ] + moneyColumns, rows: totalRows),
                    Table(
                        id: "contributions", title: req.t("impact-contributions-title"),
                        columns: [
                            req.t("bank-reference"), req.t("impact-date"), req.t("column-amount"),
                            req.t("impact-places"), req.t("impact-nominated"), req.t("impact-attended"),
                        ] + moneyColumns, rows: perContribution),
                    Table(
                        id: "events", title: req.t("impact-events-title"),
                        columns: [
                            req.t("impact-event"), req.t("impact-venue"), req.t("impact-places"),
                            req.t("impact-nominated"), req.t("impact-attended"), req.t("impact-redeemed"),
                        ], rows: byEventRows),
                ]
                    + (byCircuit.isEmpty
                        ? []
                        : [
                            Table(
                                id: "circuits", title: req.t("impact-circuits-title"),
                                columns: [
                                    req.t("impact-circuit"), req.t("impact-places"), req.t("impact-nominated"),
                                    req.t("impact-attended"), req.t("impact-circuits"), req.t("impact-redeemed"),
                                ], rows: byCircuit)
                        ]),
            empty: contributions.isEmpty ? req.t("mentor-contributions-empty") : nil)
        return try await req.page("impact", title: req.t("impact-title"), view)
    }
}
