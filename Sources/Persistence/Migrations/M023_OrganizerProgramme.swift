import FluentKit
import SQLKit

/// Organizers run their own programme (issue 22):
/// - `venues`: what the venue offers people with a disability (step-free access, a hearing
///   loop, an accessible toilet).
/// - `events`: whether a place must be booked ahead, the event's own cut-off for changes
///   (hours before a session; NULL: the platform's default), and why an admin unpublished it.
/// - `event_sessions`: a cancelled session keeps its row (admissions and the ledger may refer to
///   it) with when and why it was cancelled; it takes no reservations.
public struct M023OrganizerProgramme: AsyncMigration {
    public init() {}

    /// Every column added, one statement each (SQLite alters a table one column at a time).
    static let columns: [(table: String, field: FieldKey, type: DatabaseSchema.DataType, default: Bool?)] = [
        ("venues", "step_free", .bool, false),
        ("venues", "hearing_loop", .bool, false),
        ("venues", "accessible_toilet", .bool, false),
        ("events", "booking_required", .bool, true),
        ("events", "change_cutoff_hours", .int, nil),
        ("events", "unpublished_reason", .string, nil),
        ("event_sessions", "cancelled_at", .datetime, nil),
        ("event_sessions", "cancel_reason", .string, nil),
    ]

    public func prepare(on database: any Database) async throws {
        for column in Self.columns {
            if let value = column.default {
                try await database.schema(column.table)
                    .field(column.field, column.type, .required, .custom(SQLColumnConstraintAlgorithm.default(value)))
                    .update()
            } else {
                try await database.schema(column.table).field(column.field, column.type).update()
            }
        }
    }

    public func revert(on database: any Database) async throws {
        for column in Self.columns.reversed() {
            try await database.schema(column.table).deleteField(column.field).update()
        }
    }
}
