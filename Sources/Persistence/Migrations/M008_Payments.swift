import FluentKit
import SQLKit

/// Card payments and refunds: the provider's checkout kept with its contribution, each
/// provider event processed once, and every refund with what it gave back.
public struct M008Payments: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // One column a statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("contributions").field("checkout_id", .string).update()
        try await database.schema("contributions").field("checkout_url", .string).update()
        try await database.schema("contributions")
            .field("refunded_minor", .int64, .required, .custom(SQLColumnConstraintAlgorithm.default(0)))
            .update()
        // One row per provider event id: a repeated or concurrent delivery finds it and does nothing.
        try await database.schema("payment_events")
            .id()
            .field("provider", .string, .required)
            .field("event_id", .string, .required)
            .field("type", .string, .required)
            // What processing it did: applied, duplicate-free outcomes such as ignored or mismatch.
            .field("outcome", .string, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "provider", "event_id")
            .create()
        try await database.schema("refunds")
            .id()
            .field("contribution_id", .uuid, .required, .references("contributions", "id"))
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("provider", .string, .required)
            // The provider's refund id, or the bank reference of a refund sent by transfer.
            .field("reference", .string, .required)
            .field("recorded_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .unique(on: "provider", "reference")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "refunds_by_contribution").on("refunds").column("contribution_id").run()
            try await sql.create(index: "contributions_by_provider_reference").on("contributions")
                .column("provider_reference").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("refunds").delete()
        try await database.schema("payment_events").delete()
        for field in ["checkout_id", "checkout_url", "refunded_minor"] {
            try await database.schema("contributions").deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
