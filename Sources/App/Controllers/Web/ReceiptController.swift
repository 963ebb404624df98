import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// A paid contribution's numbered receipt: a printable page (and the e-mail sent on payment),
/// in the reader's language.
enum ReceiptController {
    struct Fact: Encodable {
        var label: String
        var value: String
        var data: Bool
        var lang: String? = nil
    }

    struct View: Encodable {
        var number: String
        var facts: [Fact]
        var statement: String
        var demo: String?
        var printHint: String
        var back: Page<View>.Link
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("contributionID").flatMap(UUID.init(uuidString:)),
            let contribution = try await ContributionModel.query(on: req.db).filter(\.$id == id)
                .with(\.$fund, { $0.with(\.$texts) }).with(\.$mentor).first(),
            contribution.$mentor.id == user.id || user.isAdmin,
            contribution.status == .paid || contribution.status == .refunded
        else { throw DomainError(.notFound) }
        let format = Formatting.platform(req.language)
        let money = { (minor: Int) in FundsController.money(req, minor, contribution.currency) }
        let fund = FundPresenter.text(of: contribution.fund, for: req)
        let vouchers = try await VoucherModel.query(on: req.db).filter(\.$contribution.$id == id)
            .filter(\.$reallocatedFrom == nil).count()
        var facts = [
            Fact(label: req.t("receipt-number"), value: contribution.paymentReference, data: true),
            Fact(label: req.t("receipt-date"), value: format.date(contribution.paidAt ?? req.now), data: true),
            Fact(label: req.t("receipt-from"), value: contribution.mentor.displayName, data: true),
            Fact(label: req.t("contribution-amount"), value: money(contribution.amountMinor), data: true),
            Fact(
                label: req.t("receipt-fund"), value: fund?.name ?? "—", data: true,
                lang: fund?.language == req.language ? nil : fund?.language),
            Fact(label: req.t("receipt-method"), value: req.t("provider-\(contribution.provider)"), data: false),
            Fact(
                label: req.t("receipt-vouchers"), value: req.t("receipt-vouchers-count", ["count": .integer(vouchers)]),
                data: false),
        ]
        if contribution.refundedMinor > 0 {
            facts.append(
                Fact(label: req.t("contribution-refunded"), value: money(contribution.refundedMinor), data: true))
        }
        let view = View(
            number: contribution.paymentReference, facts: facts, statement: req.t("receipt-statement"),
            demo: contribution.provider == "demo" ? req.t("receipt-demo") : nil, printHint: req.t("receipt-print-hint"),
            back: .init(href: SiteRoute.contribution(.value(id)).path, label: req.t("receipt-back")))
        return try await req.page(
            "receipt", title: req.t("receipt-title", ["number": .string(contribution.paymentReference)]), view)
    }
}
