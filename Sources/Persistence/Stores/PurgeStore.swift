import FluentKit
import Foundation
import SQLKit

/// Transient rows removed once their retention has passed. Every deletion is a plain `DELETE …
/// WHERE <time> < cutoff` in chunks, each its own short write transaction: several instances
/// may purge at once (they delete what is left, or nothing), and the door's writers never wait
/// long behind a purge.
public enum PurgeStore {
    /// One table's rule: rows whose `column` is older than `now - retention` (and that match
    /// `condition`, when given) are removed.
    public struct Rule: Sendable {
        public var table: String
        public var column: String
        public var retention: TimeInterval
        /// An extra condition in SQL, fixed text (which rows may go at all).
        public var condition: String?

        public init(table: String, column: String, retention: TimeInterval, condition: String? = nil) {
            (self.table, self.column, self.retention, self.condition) = (table, column, retention, condition)
        }
    }

    /// The rows each rule removed at `now`, by table.
    public static func purge(_ rules: [Rule], now: Date, chunk: Int = 1000, on db: any Database) async throws
        -> [String: Int]
    {
        var removed: [String: Int] = [:]
        for rule in rules {
            let cutoff = now.addingTimeInterval(-rule.retention)
            var total = 0
            while true {
                let count = try await db.writeTransaction { db in
                    let condition = rule.condition.map { " AND (\($0))" } ?? ""
                    let rows = try await db.storeSQL.raw(
                        """
                        DELETE FROM \(ident: rule.table) WHERE id IN (
                            SELECT id FROM \(ident: rule.table)
                            WHERE \(ident: rule.column) < \(bind: cutoff)\(unsafeRaw: condition)
                            LIMIT \(unsafeRaw: String(chunk)))
                        RETURNING id
                        """
                    ).all()
                    return rows.count
                }
                total += count
                if count < chunk { break }
            }
            removed[rule.table] = total
        }
        return removed
    }

    /// Marks a session written now (`_fluent_sessions.touched_at`), in the caller's transaction.
    public static func touchSession(key: String, at date: Date, on db: any Database) async throws {
        try await db.storeSQL.update("_fluent_sessions").set("touched_at", to: SQLBind(date))
            .where("key", .equal, SQLBind(key)).run()
    }
}
