import FluentKit

/// A certificate whose completing admission was undone is withdrawn, not deleted: the row and
/// its code stay (an audit can tell what was issued and when it was taken back), and the public
/// check no longer vouches for it. Completing the circuit again reinstates it.
public struct M018CertificateWithdrawals: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("certificates").field("withdrawn_at", .datetime).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("certificates").deleteField("withdrawn_at").update()
    }
}
