import Domain
import FluentKit
import Foundation
import SQLKit

/// The only writer of a voucher's status: every move is a `VoucherLifecycle` transition, made
/// by one conditional UPDATE (`status IN transition.from`) whose row count says whether this
/// caller made it. A move the lifecycle does not allow never reaches the database, and of
/// concurrent moves of one voucher, on any app instance, one wins.
public enum VoucherStore {
    /// Moves one voucher by `transition` (setting `also` with it), if it is in one of the
    /// statuses the transition starts from and matches `matching`. True for the one caller
    /// that moved it.
    public static func transition(
        _ id: UUID, _ transition: VoucherLifecycle.Transition, at now: Date,
        also: [String: any Encodable & Sendable] = [:], matching: [String: any Encodable & Sendable] = [:],
        on db: any Database
    ) async throws -> Bool {
        try await Self.transition([id], transition, at: now, also: also, matching: matching, on: db) == [id]
    }

    /// Moves each of `ids` that may make the move, in one statement; returns those it moved. A
    /// voucher already in the status the move leads to (a second admission of a voucher in use)
    /// is left alone: no row written for nothing.
    @discardableResult
    public static func transition(
        _ ids: Set<UUID>, _ transition: VoucherLifecycle.Transition, at now: Date,
        also: [String: any Encodable & Sendable] = [:], matching: [String: any Encodable & Sendable] = [:],
        on db: any Database
    ) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        guard let sql = db as? any SQLDatabase else { preconditionFailure("Mentore runs on SQL databases only") }
        var update = sql.update(VoucherModel.schema).set("status", to: SQLBind(transition.to.rawValue))
            .set("updated_at", to: SQLBind(now))
        for (column, value) in also.sorted(by: { $0.key < $1.key }) {
            update = update.set(SQLIdentifier(column), to: SQLBind(value))
        }
        for (column, value) in matching.sorted(by: { $0.key < $1.key }) {
            update = update.where(SQLIdentifier(column), .equal, SQLBind(value))
        }
        let rows = try await update.where("id", .in, SQLBind.group(ids.sorted { $0.uuidString < $1.uuidString }))
            .where("status", .in, SQLBind.group(transition.from.subtracting([transition.to]).map(\.rawValue).sorted()))
            .returning("id").all()
        return Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
    }
}

extension VoucherStore {
    /// Gives every voucher of a contribution that no partner holds yet, and nobody has used, to
    /// one partner, in one conditional UPDATE: a voucher already allocated (by a concurrent
    /// admin too) is never moved. Returns how many moved.
    public static func allocate(contribution: UUID, to partner: UUID, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { preconditionFailure("Mentore runs on SQL databases only") }
        return try await sql.update(VoucherModel.schema)
            .set("partner_id", to: SQLBind(partner))
            .where("contribution_id", .equal, SQLBind(contribution))
            .where("status", .equal, SQLBind(VoucherStatus.issued.rawValue))
            .where(SQLIdentifier("partner_id"), .is, SQLLiteral.null)
            .returning("id").all().count
    }
}
