import Domain
import FluentKit
import Foundation
import SQLKit

/// A beneficiary's erasure: everything that names them, wherever it is kept.
public enum PrivacyStore {
    /// Erases the beneficiary once, in one write transaction: the name becomes `alias`, e-mail
    /// and note go; the messages sent for them (by `outbox.beneficiary_id`, never by address:
    /// someone else may share it) are emptied and never sent if still waiting, and lose the
    /// address when it was theirs; their waiting-list entry forgets them; their certificates
    /// name the alias (the public check and the credential with them); the door's stored
    /// answers about their vouchers name the alias. Vouchers, nominations, admissions and the
    /// ledger stay. `conflict` when they were erased already (or at the same moment).
    public static func erase(
        _ beneficiaryID: UUID, partnerID: UUID, alias: String, at date: Date, record: ChangeRecord,
        on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            guard
                let beneficiary = try await BeneficiaryModel.query(on: db).filter(\.$id == beneficiaryID)
                    .filter(\.$partner.$id == partnerID).first()
            else { throw DomainError(.notFound) }
            let (name, email) = (beneficiary.name, beneficiary.email)
            guard
                beneficiary.erasedAt == nil,
                try await db.setOnce(
                    BeneficiaryModel.schema, id: beneficiaryID, column: "erased_at", to: date,
                    also: ["name": alias, "email": String?.none, "note": String?.none])
            else { throw DomainError(.conflict) }

            let messages = OutboxMessageModel.query(on: db).filter(\.$beneficiaryID == beneficiaryID)
            try await messages.copy().filter(\.$status == .pending).set(\.$status, to: .failed)
                .set(\.$lastError, to: "beneficiary erased").update()
            if let email {
                try await messages.copy().filter(\.$recipient == email).set(\.$recipient, to: "erased@invalid").update()
            }
            try await messages.copy().set(\.$subject, to: alias).set(\.$textBody, to: "").set(\.$qrContent, to: nil)
                .update()

            let vouchers = try await VoucherModel.query(on: db).filter(\.$beneficiary.$id == beneficiaryID).all()
                .compactMap(\.id)
            try await WaitingEntryModel.query(on: db).filter(\.$voucher.$id ~~ vouchers)
                .set(\.$name, to: alias).set(\.$email, to: nil).set(\.$note, to: nil).update()
            try await CertificateModel.query(on: db).filter(\.$voucher.$id ~~ vouchers)
                .set(\.$holderName, to: alias).update()
            try await eraseDoorAnswers(naming: name, as: alias, vouchers: vouchers, on: db)
            try await record.write(on: db)
        }
    }

    /// The door's stored answers (`door_scans.response`, replayed to a device that repeats a
    /// nonce) that name a holder carry the voucher's id: those of `vouchers` get the alias in
    /// place of the name, however JSON wrote it.
    static func eraseDoorAnswers(naming name: String, as alias: String, vouchers: [UUID], on db: any Database)
        async throws
    {
        guard !vouchers.isEmpty, !name.isEmpty else { return }
        let sql = db.storeSQL
        let spellings = Set([name, jsonEscaped(name, slashes: false), jsonEscaped(name, slashes: true)])
        for voucher in vouchers {
            let rows = try await sql.select().column("id").column("response").from(DoorScanModel.schema)
                .where("response", .like, SQLBind("%" + voucher.uuidString.lowercased() + "%")).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                var response = try row.decode(column: "response", as: String.self)
                for spelling in spellings { response = response.replacingOccurrences(of: spelling, with: alias) }
                try await sql.update(DoorScanModel.schema).set("response", to: SQLBind(response))
                    .where("id", .equal, SQLBind(id)).run()
            }
        }
    }

    /// The name as a JSON string's content (without its quotes).
    static func jsonEscaped(_ text: String, slashes: Bool) -> String {
        let encoder = JSONEncoder()
        if !slashes { encoder.outputFormatting = .withoutEscapingSlashes }
        let quoted = (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\(text)\""
        return String(quoted.dropFirst().dropLast())
    }
}
