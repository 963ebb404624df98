import FluentKit
import Foundation
import SQLKit

extension Database {
    /// Sets a timestamp column (and `also` with it) on one row only while it is still NULL, in a
    /// single conditional UPDATE. Returns true for the one caller that set it; every concurrent or repeated caller,
    /// on any app instance, gets false.
    public func setOnce(
        _ table: String, id: UUID, column: String, to date: Date, also: [String: any Encodable & Sendable] = [:]
    ) async throws -> Bool {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Mentore runs on SQL databases only")
        }
        var update = sql.update(table).set(SQLIdentifier(column), to: SQLBind(date))
        for (name, value) in also.sorted(by: { $0.key < $1.key }) {
            update = update.set(SQLIdentifier(name), to: SQLBind(value))
        }
        let rows =
            try await update
            .where("id", .equal, SQLBind(id))
            .where(SQLIdentifier(column), .is, SQLLiteral.null)
            .returning("id")
            .all()
        return rows.count == 1
    }
}

extension Database {
    /// The next value of a named counter (1, 2, 3, …), in one guarded statement per step: the
    /// row lock (PostgreSQL) or the write lock (SQLite) makes concurrent callers wait, so no
    /// two get the same number, on any app instance.
    public func nextValue(of counter: String) async throws -> Int {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Mentore runs on SQL databases only")
        }
        try await sql.insert(into: "counters").columns("name", "value").values(SQLBind(counter), SQLBind(0))
            .ignoringConflicts(with: ["name"]).run()
        let rows = try await sql.update("counters")
            .set("value", to: SQLBinaryExpression(SQLColumn("value"), .add, SQLLiteral.numeric("1")))
            .where("name", .equal, SQLBind(counter))
            .returning("value").all()
        return try rows[0].decode(column: "value", as: Int.self)
    }
}

extension Database {
    /// Moves one row's `status` from one of `from` to `to` (setting `also` with it) in a single
    /// conditional UPDATE. True for the one caller that moved it; false for every repeated or
    /// concurrent caller, on any app instance: the exactly-once gate of a state change.
    public func transition(
        _ table: String, id: UUID, from: [String], to: String, also: [String: any Encodable & Sendable] = [:],
        matching: [String: any Encodable & Sendable] = [:]
    ) async throws -> Bool {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Mentore runs on SQL databases only")
        }
        var update = sql.update(table).set("status", to: SQLBind(to))
        for (column, value) in also.sorted(by: { $0.key < $1.key }) {
            update = update.set(SQLIdentifier(column), to: SQLBind(value))
        }
        for (column, value) in matching.sorted(by: { $0.key < $1.key }) {
            update = update.where(SQLIdentifier(column), .equal, SQLBind(value))
        }
        let rows = try await update.where("id", .equal, SQLBind(id))
            .where("status", .in, SQLGroupExpression(from.map { SQLBind($0) }))
            .returning("id").all()
        return rows.count == 1
    }
}
