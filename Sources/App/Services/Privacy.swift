import Domain
import FluentKit
import Foundation
import Persistence
import Vapor

/// A beneficiary's data on request: everything the platform holds on them, and its erasure.
/// Erasing turns the person into a neutral alias; vouchers, redemptions and the ledger stay as
/// they are, so the books still balance and the mentor's impact still counts.
enum Privacy {
    struct Export: Content {
        struct Person: Content {
            var id: UUID
            var name: String
            var email: String?
            var language: String
            var note: String?
            var createdAt: Date?
            var erasedAt: Date?
        }
        struct Voucher: Content {
            /// The last characters only: the code is a bearer secret.
            var code: String
            var scope: String
            var valueMinor: Int
            var currency: String
            var status: String
            var expiresAt: Date
        }
        struct Nomination: Content {
            var voucherCode: String
            var delivery: String
            var createdAt: Date?
            var withdrawnAt: Date?
        }
        struct Message: Content {
            var subject: String
            var status: String
            var createdAt: Date?
        }
        var person: Person
        var partner: String
        var vouchers: [Voucher]
        var nominations: [Nomination]
        var messages: [Message]
        var exportedAt: Date
    }

    static func beneficiary(_ id: UUID, partnerID: UUID, on db: any Database) async throws -> BeneficiaryModel {
        guard
            let beneficiary = try await BeneficiaryModel.query(on: db).filter(\.$id == id)
                .filter(\.$partner.$id == partnerID).first()
        else { throw DomainError(.notFound) }
        return beneficiary
    }

    static func export(_ beneficiary: BeneficiaryModel, partner: PartnerModel, now: Date, on db: any Database)
        async throws -> Export
    {
        let id = try beneficiary.requireID()
        let nominations = try await NominationModel.query(on: db).filter(\.$beneficiary.$id == id).with(\.$voucher)
            .sort(\.$createdAt).all()
        let vouchers = try await VoucherModel.query(on: db).filter(\.$beneficiary.$id == id).all()
        var messages: [OutboxMessageModel] = []
        if let email = beneficiary.email {
            messages = try await OutboxMessageModel.query(on: db).filter(\.$recipient == email).sort(\.$createdAt)
                .all()
        }
        return Export(
            person: .init(
                id: id, name: beneficiary.name, email: beneficiary.email, language: beneficiary.language,
                note: beneficiary.note, createdAt: beneficiary.createdAt, erasedAt: beneficiary.erasedAt),
            partner: partner.name,
            vouchers: vouchers.map {
                .init(
                    code: VoucherCode.redacted($0.code), scope: $0.scope.rawValue, valueMinor: $0.valueMinor,
                    currency: $0.currency.rawValue, status: $0.status.rawValue, expiresAt: $0.expiresAt)
            },
            nominations: nominations.map {
                .init(
                    voucherCode: VoucherCode.redacted($0.voucher.code), delivery: $0.delivery, createdAt: $0.createdAt,
                    withdrawnAt: $0.withdrawnAt)
            },
            messages: messages.map { .init(subject: $0.subject, status: $0.status.rawValue, createdAt: $0.createdAt) },
            exportedAt: now)
    }

    /// The alias an erased person becomes: neutral, the same in every language, and unique
    /// enough for door staff to tell two erased people apart.
    static func alias(for id: UUID) -> String {
        "#" + id.uuidString.replacingOccurrences(of: "-", with: "").prefix(6)
    }

    /// Erases once: the name becomes the alias, e-mail and note go, messages addressed to the
    /// person are emptied (and never sent if still waiting), and the waiting-list entry that
    /// led to them forgets them too.
    static func erase(_ beneficiaryID: UUID, partnerID: UUID, req: Request) async throws {
        let now = req.now
        try await req.db.writeTransaction { db in
            let beneficiary = try await beneficiary(beneficiaryID, partnerID: partnerID, on: db)
            guard beneficiary.erasedAt == nil else { throw DomainError(.conflict) }
            let alias = alias(for: beneficiaryID)
            let email = beneficiary.email
            guard
                try await db.setOnce(
                    BeneficiaryModel.schema, id: beneficiaryID, column: "erased_at", to: now,
                    also: ["name": alias, "email": String?.none, "note": String?.none])
            else { throw DomainError(.conflict) }
            if let email {
                try await OutboxMessageModel.query(on: db).filter(\.$recipient == email)
                    .filter(\.$status == .pending).set(\.$status, to: .failed)
                    .set(\.$lastError, to: "recipient erased").update()
                try await OutboxMessageModel.query(on: db).filter(\.$recipient == email)
                    .set(\.$recipient, to: "erased@invalid").set(\.$subject, to: alias).set(\.$textBody, to: "")
                    .set(\.$qrContent, to: nil).update()
            }
            let vouchers = try await VoucherModel.query(on: db).filter(\.$beneficiary.$id == beneficiaryID).all()
                .compactMap(\.id)
            try await WaitingEntryModel.query(on: db).filter(\.$voucher.$id ~~ vouchers)
                .set(\.$name, to: alias).set(\.$email, to: nil).set(\.$note, to: nil).update()
            try await Audit.record(req, "erase-beneficiary", "beneficiary", beneficiaryID, on: db)
        }
    }
}
