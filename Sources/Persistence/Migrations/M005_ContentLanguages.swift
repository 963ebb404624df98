import FluentKit
import SQLKit

/// Content translations: the original language of events and venues, and venue texts per language.
public struct M005ContentLanguages: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        for table in ["events", "venues"] {
            try await database.schema(table)
                .field("original_language", .string, .required, .custom("DEFAULT 'it'"))
                .update()
        }
        try await database.schema("venue_texts")
            .id()
            .field("venue_id", .uuid, .required, .references("venues", "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("directions", .string, .required)
            .field("origin", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "venue_id", "language")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("venue_texts").delete()
        for table in ["events", "venues"] {
            try await database.schema(table).deleteField("original_language").update()
        }
    }
}
