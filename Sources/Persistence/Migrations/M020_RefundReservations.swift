import FluentKit
import SQLKit

/// A refund is reserved on its contribution before the provider is asked for it, and booked or
/// released when the provider answers: the value cannot be given to someone in between, and a
/// second refund of the same contribution waits for the first.
public struct M020RefundReservations: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // One column a statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("contributions")
            .field("refund_reserved_minor", .int64, .required, .custom(SQLColumnConstraintAlgorithm.default(0)))
            .update()
        try await database.schema("contributions").field("refund_reserved_at", .datetime).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("contributions").deleteField("refund_reserved_at").update()
        try await database.schema("contributions").deleteField("refund_reserved_minor").update()
    }
}
