import Domain
import FluentKit
import Foundation
import Persistence

extension Settlements {
    /// `create` in its own write transaction, with the audit line `audit` makes for each
    /// settlement (the admin's page).
    static func settle(
        organizerID: UUID, period: SettlementPeriod, createdBy actor: String, at now: Date,
        audit: @escaping @Sendable (SettlementModel) -> AuditEventModel, on db: any Database
    ) async throws -> [SettlementModel] {
        try await db.writeTransaction { db in
            let made = try await create(organizerID: organizerID, period: period, createdBy: actor, at: now, on: db)
            for settlement in made { try await audit(settlement).create(on: db) }
            return made
        }
    }

    /// `markPaid` in its own write transaction, with `audit` when it changed something.
    static func pay(
        _ id: UUID, reference: String, by actor: String, at now: Date, audit: AuditEventModel, on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            if try await markPaid(id, reference: reference, by: actor, at: now, on: db).changed {
                try await audit.create(on: db)
            }
        }
    }
}
