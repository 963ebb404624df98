import FluentKit
import SQLKit

/// Circuits: the draft an admin composes (texts, ordered steps offering events) and every
/// published version of it, whose plan vouchers keep for good.
public struct M011Circuits: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("circuits")
            .id()
            // draft → published ⇄ unpublished
            .field("status", .string, .required)
            .field("step_order", .string, .required)
            // Steps to complete; null means all of them.
            .field("completion_count", .int)
            .field("valid_from", .datetime)
            .field("valid_until", .datetime)
            .field("original_language", .string, .required)
            // The newest published version (0: never published).
            .field("current_version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("circuit_texts")
            .id()
            .field("circuit_id", .uuid, .required, .references("circuits", "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("origin", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "circuit_id", "language")
            .create()
        try await database.schema("circuit_steps")
            .id()
            .field("circuit_id", .uuid, .required, .references("circuits", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .create()
        try await database.schema("circuit_step_events")
            .id()
            .field("step_id", .uuid, .required, .references("circuit_steps", "id", onDelete: .cascade))
            .field("event_id", .uuid, .required, .references("events", "id"))
            .unique(on: "step_id", "event_id")
            .create()
        try await database.schema("circuit_versions")
            .id()
            .field("circuit_id", .uuid, .required, .references("circuits", "id"))
            .field("version", .int, .required)
            // The `CircuitPlan` as JSON: steps, options and prices as published.
            .field("plan", .string, .required)
            .field("value_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "circuit_id", "version")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "circuit_steps_by_circuit").on("circuit_steps").column("circuit_id")
                .column("position").run()
        }
    }

    public func revert(on database: any Database) async throws {
        for table in ["circuit_versions", "circuit_step_events", "circuit_steps", "circuit_texts", "circuits"] {
            try await database.schema(table).delete()
        }
    }
}
