import FluentKit
import SQLKit

/// When a device scanned an admission (sent by devices that queued it offline).
public struct M016ScanTimes: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("redemptions").field("scanned_at", .datetime).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("redemptions").deleteField("scanned_at").update()
    }
}
