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
        // The messages sent for this person, never all the mail of their address (which may be
        // someone else's too).
        let messages = try await OutboxMessageModel.query(on: db).filter(\.$beneficiaryID == id).sort(\.$createdAt)
            .all()
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

    /// Erases once (`PrivacyStore.erase`): the person becomes the alias everywhere they were
    /// named, their address and note go, with the audit line of who did it.
    static func erase(_ beneficiaryID: UUID, partnerID: UUID, req: Request) async throws {
        try await PrivacyStore.erase(
            beneficiaryID, partnerID: partnerID, alias: alias(for: beneficiaryID), at: req.now,
            record: .init(audit: Audit.event(req, "erase-beneficiary", "beneficiary", beneficiaryID)), on: req.db)
    }
}
