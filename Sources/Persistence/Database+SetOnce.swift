import FluentKit
import Foundation
import SQLKit

extension Database {
    /// Sets a timestamp column on one row only while it is still NULL, in a single conditional
    /// UPDATE. Returns true for the one caller that set it; every concurrent or repeated caller,
    /// on any app instance, gets false.
    public func setOnce(_ table: String, id: UUID, column: String, to date: Date) async throws -> Bool {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Mentore runs on SQL databases only")
        }
        let rows = try await sql.update(table)
            .set(SQLIdentifier(column), to: SQLBind(date))
            .where("id", .equal, SQLBind(id))
            .where(SQLIdentifier(column), .is, SQLLiteral.null)
            .returning("id")
            .all()
        return rows.count == 1
    }
}
