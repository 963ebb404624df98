import FluentKit

/// Vouchers admitted by two devices while both were offline: found when the second syncs
/// (it is charged once: the second scan is answered *already used*), kept to report to the
/// organizer. One row per scan (scanner and nonce), so a retried sync reports it once.
public struct M017DoorConflicts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("door_conflicts")
            .id()
            .field("session_id", .uuid, .required, .references("event_sessions", "id"))
            .field("redemption_id", .uuid, .required, .references("redemptions", "id"))
            .field("scanner", .string, .required)
            .field("nonce", .string, .required)
            .field("scanned_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "scanner", "nonce")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("door_conflicts").delete()
    }
}
