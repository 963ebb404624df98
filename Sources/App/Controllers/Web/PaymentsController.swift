import Domain
import Fluent
import Foundation
import Localization
import Persistence
import SQLKit
import Vapor

/// Stripe's webhook, and admins giving a contribution's unspent value back.
enum PaymentsController {
    /// `POST /api/webhooks/stripe`: 200 with what was done (also for repeats), 400 for a bad or
    /// stale signature (nothing changed), 404 while Stripe is not configured.
    @Sendable static func stripeWebhook(req: Request) async throws -> Response {
        guard req.application.mentore.config.paymentProviders.contains("stripe") else {
            throw DomainError(.notFound)
        }
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        let outcome = try await CardPayments.receiveWebhook(
            payload: body, signature: req.headers.first(name: "Stripe-Signature"), app: req.application)
        let response = Response(status: .ok)
        try response.content.encode(Received(outcome: outcome))
        return response
    }

    struct Received: Content {
        var received = true
        var outcome: String
    }

    /// An admin refunds what a contribution has not spent: by card through Stripe's API, by a
    /// bank transfer the admin made (its reference recorded), or in demonstration mode.
    @Sendable static func refund(req: Request) async throws -> Response {
        let id = try req.idParameter("contributionID")
        guard let contribution = try await ContributionModel.find(id, on: req.db) else {
            throw DomainError(.notFound)
        }
        struct Input: Content { var bankReference: String? }
        let input = req.method == .POST ? try req.content.decode(Input.self) : Input()
        var errors: [String: String] = [:]
        var status = HTTPResponseStatus.ok
        var notice: String?
        if req.method == .POST {
            do {
                let refunded = try await Refunds.refundUnspent(
                    contribution, bankReference: input.bankReference, req: req)
                notice = req.t(
                    "admin-refund-done",
                    ["amount": .string(FundsController.money(req, refunded, contribution.currency))])
            } catch let problems as ValidationErrors {
                errors = req.messages(for: problems)
                status = .unprocessableEntity
            } catch let error as DomainError where error.code != .notFound {
                errors = req.messages(for: ValidationErrors([error]))
                status = LocalizedErrorMiddleware.status(for: error.code)
            }
        }
        let fresh = try await ContributionModel.find(id, on: req.db).orNotFound()
        let refundable = try await Refunds.refundable(fresh, on: req.db)
        let money = { (minor: Int) in FundsController.money(req, minor, contribution.currency) }
        var form = FormView(
            action: SiteRoute.adminContributionRefund(.value(id)).path, submit: req.t("action-refund"),
            fields: contribution.provider == "bank-transfer" && refundable > 0
                ? [
                    .init(
                        name: "bankReference", label: req.t("field-refund-bank-reference"), type: "text",
                        value: input.bankReference ?? "")
                ] : [],
            intro: req.t(
                "admin-refund-intro",
                [
                    "reference": .string(contribution.paymentReference), "amount": .string(money(fresh.amountMinor)),
                    "refunded": .string(money(fresh.refundedMinor)), "refundable": .string(money(refundable)),
                ]))
        form.notice = notice
        form.confirms = refundable > 0
        form.links = [.init(href: SiteRoute.adminContributions.path, label: req.t("admin-contributions-title"))]
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return try await req.page(
            "form", title: req.t("admin-refund-title"), form,
            status: status)
    }

    /// An admin's view of a contribution's vouchers, with *Cancel* for those nobody used.
    @Sendable static func vouchers(req: Request) async throws -> Response {
        try await renderVouchers(req)
    }

    /// Cancels one unused voucher (issued or given to someone, not yet used): its value goes
    /// back to the fund, booked with the cancellation. A second cancellation changes nothing.
    @Sendable static func cancelVoucher(req: Request) async throws -> Response {
        let contributionID = try req.idParameter("contributionID")
        let voucherID = try req.idParameter("voucherID")
        guard
            let voucher = try await VoucherModel.query(on: req.db).filter(\.$id == voucherID)
                .filter(\.$contribution.$id == contributionID).first()
        else { throw DomainError(.notFound) }
        let now = req.now
        let cancelled = try await Refunds.cancel(
            voucher, now: now, audit: Audit.event(req, "cancel", "voucher", voucherID), on: req.db)
        guard cancelled else { throw DomainError(.voucherInUse) }
        return try await renderVouchers(req, notice: req.t("admin-voucher-cancelled"))
    }

    /// An admin gives the contribution's unallocated vouchers to a partner (`Funding.allocate`).
    @Sendable static func allocate(req: Request) async throws -> Response {
        let id = try req.idParameter("contributionID")
        struct Input: Content { var partner: String? }
        let input = try req.content.decode(Input.self)
        guard let partnerID = input.partner.flatMap(UUID.init(uuidString:)),
            try await PartnerModel.find(partnerID, on: req.db) != nil
        else {
            return try await renderVouchers(
                req,
                errors: ["partner": req.t((input.partner ?? "").isEmpty ? "error-required" : "error-invalid-value")],
                status: .unprocessableEntity)
        }
        let count = try await Funding.allocate(contributionID: id, to: partnerID, req: req)
        return try await renderVouchers(req, notice: req.t("admin-vouchers-allocated", ["count": .integer(count)]))
    }

    static func renderVouchers(
        _ req: Request, notice: String? = nil, errors: [String: String] = [:], status: HTTPStatus = .ok
    ) async throws -> Response {
        let id = try req.idParameter("contributionID")
        guard let contribution = try await ContributionModel.find(id, on: req.db) else {
            throw DomainError(.notFound)
        }
        let vouchers = try await VoucherModel.query(on: req.db).filter(\.$contribution.$id == id)
            .with(\.$partner).sort(\.$createdAt).sort(\.$code).all()
        let format = Formatting.platform(req.language)
        let rows = try vouchers.map { voucher -> ListView.Row in
            let voucherID = try voucher.requireID()
            return ListView.Row(
                cells: [
                    .data(VoucherCode.redacted(voucher.code)),
                    .data(FundsController.money(req, voucher.valueMinor, voucher.currency)),
                    .text(req.t("voucher-status-\(voucher.status.rawValue)")),
                    voucher.partner.map { .data($0.name) } ?? .text("—"),
                    .time(voucher.expiresAt, format.date(voucher.expiresAt)),
                ],
                actions: voucher.status == .issued || voucher.status == .nominated
                    ? [
                        .init(
                            href: SiteRoute.adminVoucherCancel(.value(id), voucher: .value(voucherID)).path,
                            label: req.t("action-cancel-voucher"), method: "post")
                    ] : [])
        }
        var view = ListView(
            intro: .text(req.t("admin-vouchers-intro", ["reference": .string(contribution.paymentReference)])),
            columns: [
                req.t("column-code"), req.t("voucher-value"), req.t("column-status"), req.t("admin-voucher-partner"),
                req.t("admin-voucher-expires"),
            ], rows: rows, empty: req.t("admin-vouchers-empty"),
            links: [.init(href: SiteRoute.adminContributions.path, label: req.t("admin-contributions-title"))],
            notice: notice)
        if vouchers.contains(where: { $0.status == .issued && $0.$partner.id == nil }) {
            let partners = try await PartnerModel.query(on: req.db).sort(\.$name).all()
            var form = FormView(
                action: SiteRoute.adminContributionAllocate(.value(id)).path, submit: req.t("action-allocate"),
                fields: [
                    .init(
                        name: "partner", label: req.t("field-allocate-partner"), type: "select",
                        options: try partners.map {
                            .init(value: try $0.requireID().uuidString.lowercased(), label: $0.name, selected: false)
                        })
                ], intro: req.t("admin-allocate-intro"))
            form.apply(errors: errors, summary: req.t("form-has-errors"))
            view.form = form
        }
        return try await req.page("list", title: req.t("admin-vouchers-title"), view, status: status)
    }
}
