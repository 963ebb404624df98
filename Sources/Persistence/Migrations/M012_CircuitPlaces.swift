import FluentKit

/// Contributions that sponsor places in a circuit name the circuit version they paid for.
public struct M012CircuitPlaces: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("contributions")
            .field("circuit_version_id", .uuid, .references("circuit_versions", "id"))
            .update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("contributions").deleteField("circuit_version_id").update()
    }
}
