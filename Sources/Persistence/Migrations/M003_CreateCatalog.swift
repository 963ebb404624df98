import FluentKit

/// Venues, Events, their texts per language and their Sessions.
struct M003CreateCatalog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("venues")
            .id()
            .field("organizer_id", .uuid, .required, .references("organizers", "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("address", .string, .required)
            .field("city", .string, .required)
            .field("country", .string, .required)
            .field("time_zone", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("events")
            .id()
            .field("organizer_id", .uuid, .required, .references("organizers", "id", onDelete: .restrict))
            .field("venue_id", .uuid, .required, .references("venues", "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("price_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("languages", .string, .required)
            .field("published", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("event_texts")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("origin", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "event_id", "language")
            .create()
        try await database.schema("event_sessions")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("capacity", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["event_sessions", "event_texts", "events", "venues"] {
            try await database.schema(table).delete()
        }
    }
}
