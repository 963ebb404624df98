import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// `/api/v1/funds` and `/api/v1/contributions`: what the contribution form does, for programs.
/// The same checks, the same errors, and the same idempotency (the `Idempotency-Key` header is
/// also the contribution's own key, so a form and a client never make two of one).
enum ContributionsAPIController {
    struct FundItem: Encodable {
        var id: String
        var name: String
        var purpose: String
        /// The language `name` and `purpose` are written in (another one when not translated).
        var language: String
        var currency: String
        var scope: String
        var eventId: String?
        /// The price of one place now, for funds that sponsor an event's places.
        var placePrice: APIMoney?
        /// The value of one open-credit voucher, for funds that turn amounts into vouchers.
        var faceValue: APIMoney?
    }

    @Sendable static func funds(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        let funds = try await FundModel.query(on: req.db).filter(\.$isOpen == true).with(\.$texts)
            .sort(\.$createdAt).sort(\.$id).all()
        let eventIDs = funds.compactMap { $0.scope == .event ? $0.scopeID : nil }
        let events = try await EventModel.query(on: req.db).filter(\.$id ~~ eventIDs).all()
        let items = try funds.map { fund in
            let text = FundPresenter.text(of: fund, for: req)
            let event = fund.scope == .event ? events.first { $0.id == fund.scopeID } : nil
            return FundItem(
                id: try fund.requireID().api, name: text?.name ?? "", purpose: text?.purpose ?? "",
                language: text?.language ?? fund.originalLanguage, currency: fund.currency.rawValue,
                scope: fund.scope.rawValue, eventId: event?.id?.api,
                placePrice: event.map { APIMoney($0.priceMinor, $0.currency) },
                faceValue: fund.faceValueMinor.map { APIMoney($0, fund.currency) })
        }
        return try APIJSON.response(APIList(items: items, hasMore: false))
    }

    struct ContributionRequest: Decodable {
        var fundId: String?
        var kind: String?
        var places: LooseText?
        var amount: LooseText?
        var currency: String?
        var anonymous: Bool?
        var dedication: String?
        var unusedRule: String?
        var provider: String?
    }

    struct BankTransfer: Encodable {
        var accountHolder: String
        var iban: String
        var bic: String
        /// What the transfer's description must carry.
        var reference: String
        var amount: APIMoney
    }

    struct ContributionItem: Encodable {
        var id: String
        var number: Int
        var fundId: String
        var eventId: String?
        var kind: String
        var places: Int?
        var unitPrice: APIMoney?
        var amount: APIMoney
        var refunded: APIMoney
        var status: String
        var provider: String
        /// True for the demonstration provider: no money moved.
        var demo: Bool
        var paymentReference: String
        var anonymous: Bool
        var dedication: String?
        var unusedRule: String
        var vouchersIssued: Int
        var createdAt: Date?
        var paidAt: Date?
        /// Where the mentor pays (card contributions still pending).
        var paymentUrl: String?
        /// What to transfer, and where (bank-transfer contributions still pending).
        var bankTransfer: BankTransfer?
        var receiptUrl: String?
    }

    static func item(_ contribution: ContributionModel, vouchers: Int, req: Request) throws -> ContributionItem {
        let id = try contribution.requireID()
        let config = req.application.mentore.config
        let pending = contribution.status == .pending
        let site = config.siteURL
        return ContributionItem(
            id: id.api, number: contribution.number, fundId: contribution.$fund.id.api,
            eventId: contribution.$event.id?.api,
            kind: contribution.kind.rawValue, places: contribution.places,
            unitPrice: contribution.unitPriceMinor.map { APIMoney($0, contribution.currency) },
            amount: APIMoney(contribution.amountMinor, contribution.currency),
            refunded: APIMoney(contribution.refundedMinor, contribution.currency),
            status: contribution.status.rawValue, provider: contribution.provider,
            demo: contribution.provider == "demo",
            paymentReference: contribution.paymentReference, anonymous: contribution.anonymous,
            dedication: contribution.dedication, unusedRule: contribution.unusedRule.rawValue, vouchersIssued: vouchers,
            createdAt: contribution.createdAt, paidAt: contribution.paidAt,
            paymentUrl: pending && contribution.provider == "stripe" ? contribution.checkoutURL : nil,
            bankTransfer: pending && contribution.provider == "bank-transfer"
                ? BankTransfer(
                    accountHolder: config.bankAccountHolder, iban: config.bankIBAN, bic: config.bankBIC,
                    reference: contribution.paymentReference,
                    amount: APIMoney(contribution.amountMinor, contribution.currency)) : nil,
            receiptUrl: contribution.status == .paid || contribution.status == .refunded
                ? site + SiteRoute.contributionReceipt(.value(id)).path : nil)
    }

    static func voucherCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let vouchers = try await VoucherModel.query(on: db).filter(\.$contribution.$id ~~ ids)
            .field(\.$id).field(\.$contribution.$id).all()
        return vouchers.reduce(into: [:]) { counts, voucher in
            if let id = voucher.$contribution.id { counts[id, default: 0] += 1 }
        }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try APIJSON.allowQuery(req)
        let input = try APIJSON.decode(ContributionRequest.self, from: req)
        guard let raw = input.fundId else { throw DomainError(.required, field: "fundId") }
        guard let fundID = UUID(uuidString: raw) else { throw DomainError(.invalidValue, field: "fundId") }
        guard let fund = try await FundModel.query(on: req.db).filter(\.$id == fundID).with(\.$texts).first() else {
            throw DomainError(.notFound, field: "fundId")
        }
        let target = try await PlaceTarget.of(fund, on: req.db)
        let (contribution, _) = try await Funding.submit(
            .init(
                kind: input.kind ?? (target == nil ? "amount" : nil), places: input.places?.text,
                amount: input.amount?.text, currency: input.currency, anonymous: input.anonymous ?? false,
                dedication: input.dedication, unusedRule: input.unusedRule, provider: input.provider,
                idempotencyKey: req.idempotencyKey),
            fund: fund, places: target, user: user, req: req)
        // Read again: the provider may have paid it or added its payment page after the commit.
        let saved = try await ContributionModel.find(contribution.requireID(), on: req.db).orNotFound()
        let counts = try await voucherCounts([saved.requireID()], on: req.db)
        let response = try APIJSON.response(
            item(saved, vouchers: counts[saved.id!] ?? 0, req: req), status: .created)
        response.headers.replaceOrAdd(name: .location, value: SiteRoute.apiContribution(.value(saved.id!)).path)
        return response
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try APIJSON.allowQuery(req, ["limit", "offset"])
        let (limit, offset) = try APIJSON.paging(req)
        let rows = try await ContributionModel.query(on: req.db).filter(\.$mentor.$id == user.id)
            .sort(\.$number, .descending).range(offset..<(offset + limit + 1)).all()
        let page = Array(rows.prefix(limit))
        let counts = try await voucherCounts(page.compactMap(\.id), on: req.db)
        return try APIJSON.response(
            APIList(
                items: try page.map { try item($0, vouchers: counts[$0.id!] ?? 0, req: req) },
                hasMore: rows.count > limit))
    }

    /// The user's own contribution (any for an admin); someone else's is "not found".
    static func contribution(_ req: Request) async throws -> ContributionModel {
        let user = try req.requireUser()
        guard let id = req.parameters.get("contributionID").flatMap(UUID.init(uuidString:)),
            let contribution = try await ContributionModel.find(id, on: req.db),
            contribution.$mentor.id == user.id || user.isAdmin
        else { throw DomainError(.notFound) }
        return contribution
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        let contribution = try await contribution(req)
        let counts = try await voucherCounts([contribution.requireID()], on: req.db)
        return try APIJSON.response(item(contribution, vouchers: counts[contribution.id!] ?? 0, req: req))
    }

    /// What a mentor may know of the vouchers their money made: never a code (a bearer secret)
    /// nor who holds one.
    struct MentorVoucher: Encodable {
        var id: String
        var status: String
        var scope: String
        var eventId: String?
        var value: APIMoney
        var expiresAt: Date
        /// Whether a partner has it to hand out.
        var allocated: Bool
    }

    @Sendable static func vouchers(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req, ["limit", "offset"])
        let contribution = try await contribution(req)
        let (limit, offset) = try APIJSON.paging(req)
        let rows = try await VoucherModel.query(on: req.db).filter(\.$contribution.$id == contribution.requireID())
            .sort(\.$createdAt).sort(\.$id).range(offset..<(offset + limit + 1)).all()
        let items = try rows.prefix(limit).map { voucher in
            MentorVoucher(
                id: try voucher.requireID().api, status: voucher.status.rawValue, scope: voucher.scope.rawValue,
                eventId: voucher.scope == .event ? voucher.scopeID?.api : nil,
                value: APIMoney(voucher.valueMinor, voucher.currency), expiresAt: voucher.expiresAt,
                allocated: voucher.$partner.id != nil)
        }
        return try APIJSON.response(APIList(items: items, hasMore: rows.count > limit))
    }
}
