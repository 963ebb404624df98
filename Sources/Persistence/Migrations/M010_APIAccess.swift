import FluentKit
import SQLKit

/// The JSON API: personal bearer tokens (only their hashes) and the first answer to each
/// `Idempotency-Key`, so a retried write is answered without being done twice.
public struct M010APIAccess: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("label", .string, .required)
            // SHA-256 of the token: the token itself is shown once and never stored.
            .field("token_hash", .string, .required)
            // The last characters, so that its owner can tell tokens apart.
            .field("hint", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("idempotency_records")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("key", .string, .required)
            // Method, path and body of the first request: the same key with another request is refused.
            .field("request_hash", .string, .required)
            // Null while the first request runs; then its status and body, replayed to retries.
            .field("status_code", .int)
            .field("response_body", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "key")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "api_tokens_by_user").on("api_tokens").column("user_id").run()
            try await sql.create(index: "idempotency_by_age").on("idempotency_records").column("created_at").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("idempotency_records").delete()
        try await database.schema("api_tokens").delete()
    }
}
