import Domain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Contributions' refunds: the row locked while a refund is decided, the reservation that holds
/// its value while the provider is asked, and the refunded total moved by guarded statements.
public enum ContributionStore {
    /// The contribution, read inside the caller's write transaction and locked until it ends
    /// (`FOR UPDATE` on PostgreSQL; on SQLite the write transaction holds the database's one
    /// write lock): an admin's refund and a provider's webhook for the same contribution decide
    /// one after the other, each on what the other booked.
    public static func lock(_ id: UUID, on db: any Database) async throws -> ContributionModel {
        guard
            let contribution = try await db.storeSQL.select().column("*").from(ContributionModel.schema)
                .where("id", .equal, SQLBind(id)).for(.update)
                .first(decodingFluent: ContributionModel.self)
        else { throw DomainError(.notFound) }
        return contribution
    }

    /// Reserves `amount` for a refund under way, if no live reservation holds it (one made
    /// before `staleBefore` is taken over). False when another refund holds it.
    public static func reserveRefund(
        _ id: UUID, amount: Int, at date: Date, staleBefore: Date, on db: any Database
    ) async throws -> Bool {
        let rows = try await db.storeSQL.update(ContributionModel.schema)
            .set("refund_reserved_minor", to: SQLBind(amount))
            .set("refund_reserved_at", to: SQLBind(date))
            .where("id", .equal, SQLBind(id))
            .where(group: {
                $0.where("refund_reserved_minor", .equal, SQLLiteral.numeric("0"))
                    .orWhere(SQLColumn("refund_reserved_at"), .is, SQLLiteral.null)
                    .orWhere("refund_reserved_at", .lessThan, SQLBind(staleBefore))
            })
            .returning("id").all()
        return rows.count == 1
    }

    /// Ends a reservation: the refund was booked, or the provider refused it.
    public static func releaseRefund(_ id: UUID, on db: any Database) async throws {
        try await db.storeSQL.update(ContributionModel.schema)
            .set("refund_reserved_minor", to: SQLLiteral.numeric("0"))
            .set("refund_reserved_at", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id))
            .run()
    }

    /// Moves the refunded total from `previous` to `total` (and the status to `refunded` once
    /// everything went back), only if nobody moved it meanwhile; `conflict` otherwise, which
    /// rolls the caller's booking back.
    public static func recordRefunded(
        _ id: UUID, from previous: Int, to total: Int, status: ContributionStatus, on db: any Database
    ) async throws {
        let rows = try await db.storeSQL.update(ContributionModel.schema)
            .set("refunded_minor", to: SQLBind(total))
            .set("status", to: SQLBind(status.rawValue))
            .where("id", .equal, SQLBind(id))
            .where("refunded_minor", .equal, SQLBind(previous))
            .returning("id").all()
        guard rows.count == 1 else { throw DomainError(.conflict) }
    }
}
