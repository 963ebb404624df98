import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// `/api/v1/partners/{id}/…`: a partner's vouchers and its nominations, for the coordinators'
/// own tools. The same rules as the pages: one nomination per voucher, withdrawn only unused.
enum PartnersAPIController {
    struct Beneficiary: Encodable {
        var id: String
        var name: String
        var email: String?
        var language: String
    }

    struct Nomination: Encodable {
        var id: String
        var voucherId: String
        var beneficiary: Beneficiary
        var delivery: String
        var createdAt: Date?
        var withdrawnAt: Date?
    }

    struct PartnerVoucher: Encodable {
        var id: String
        /// The code, grouped for reading (`7KQ3-M9TX-…`): a bearer secret, handle it as one.
        var code: String
        var url: String
        var status: String
        var scope: String
        var eventId: String?
        var fundId: String
        var value: APIMoney
        var expiresAt: Date
        var beneficiary: Beneficiary?
    }

    static func beneficiary(_ model: BeneficiaryModel) throws -> Beneficiary {
        Beneficiary(id: try model.requireID().api, name: model.name, email: model.email, language: model.language)
    }

    @Sendable static func vouchers(req: Request) async throws -> Response {
        let partner = try await PartnerVouchersController.partner(req)
        try APIJSON.allowQuery(req, ["status", "limit", "offset"])
        let (limit, offset) = try APIJSON.paging(req)
        let partnerID = try partner.requireID()
        var query = VoucherModel.query(on: req.db).filter(\.$partner.$id == partnerID)
        if let text = req.query[String.self, at: "status"] {
            guard let status = VoucherStatus(rawValue: text) else { throw DomainError(.invalidValue, field: "status") }
            query = query.filter(\.$status == status)
        }
        let rows = try await query.with(\.$beneficiary).sort(\.$expiresAt).sort(\.$code)
            .range(offset..<(offset + limit + 1)).all()
        let site = req.application.mentore.config.siteURL
        let items = try rows.prefix(limit).map { voucher in
            PartnerVoucher(
                id: try voucher.requireID().api,
                code: (try? VoucherCode(reading: voucher.code))?.grouped ?? voucher.code,
                url: site + SiteRoute.voucher(.value(voucher.code)).path, status: voucher.status.rawValue,
                scope: voucher.scope.rawValue, eventId: voucher.scope == .event ? voucher.scopeID?.api : nil,
                fundId: voucher.$fund.id.api, value: APIMoney(voucher.valueMinor, voucher.currency),
                expiresAt: voucher.expiresAt, beneficiary: try voucher.beneficiary.map(beneficiary))
        }
        return try APIJSON.response(APIList(items: items, hasMore: rows.count > limit))
    }

    struct NominationRequest: Decodable {
        var voucherId: String?
        var name: String?
        var email: String?
        var language: String?
        var note: String?
        var delivery: String?
    }

    static func item(_ nomination: NominationModel, beneficiary person: BeneficiaryModel) throws -> Nomination {
        Nomination(
            id: try nomination.requireID().api, voucherId: nomination.$voucher.id.api,
            beneficiary: try beneficiary(person),
            delivery: nomination.delivery, createdAt: nomination.createdAt, withdrawnAt: nomination.withdrawnAt)
    }

    @Sendable static func nominate(req: Request) async throws -> Response {
        let partner = try await PartnerVouchersController.partner(req)
        let partnerID = try partner.requireID()
        try APIJSON.allowQuery(req)
        let input = try APIJSON.decode(NominationRequest.self, from: req)
        let (voucherID, draft) = try NominationDraft.target(
            input.voucherId, field: "voucherId", name: input.name, email: input.email, language: input.language,
            note: input.note, delivery: input.delivery)
        guard
            try await VoucherModel.query(on: req.db).filter(\.$id == voucherID).filter(\.$partner.$id == partnerID)
                .count() == 1
        else { throw DomainError(.notFound, field: "voucherId") }
        let person = try await Nominations.nominate(
            voucherID: voucherID, partnerID: partnerID, draft: draft, by: req.currentUser?.id, req: req)
        let nomination = try await NominationModel.query(on: req.db).filter(\.$voucher.$id == voucherID)
            .filter(\.$beneficiary.$id == person.requireID()).first().orNotFound()
        let response = try APIJSON.response(try item(nomination, beneficiary: person), status: .created)
        response.headers.replaceOrAdd(
            name: .location,
            value: SiteRoute.apiPartnerNomination(.value(partnerID), nomination: .value(try nomination.requireID()))
                .path)
        return response
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        let partner = try await PartnerVouchersController.partner(req)
        let partnerID = try partner.requireID()
        try APIJSON.allowQuery(req)
        guard let id = req.parameters.get("nominationID").flatMap(UUID.init(uuidString:)),
            let nomination = try await NominationModel.query(on: req.db).filter(\.$id == id)
                .filter(\.$partner.$id == partnerID).with(\.$beneficiary).first()
        else { throw DomainError(.notFound) }
        // Withdrawn before (a retried DELETE): the same answer, nothing changes.
        if nomination.withdrawnAt == nil {
            try await Nominations.withdraw(voucherID: nomination.$voucher.id, partnerID: partnerID, req: req)
        }
        let saved = try await NominationModel.find(id, on: req.db).orNotFound()
        return try APIJSON.response(try item(saved, beneficiary: nomination.beneficiary))
    }
}
