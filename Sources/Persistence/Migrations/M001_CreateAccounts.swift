import FluentKit
import SQLKit

/// Users, failed log-in attempts and password resets.
struct M001CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("language", .string, .required)
            .field("is_admin", .bool, .required)
            .field("is_mentor", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("scope", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await (database as? any SQLDatabase)?.create(index: "login_attempts_scope_created_at")
            .on("login_attempts").column("scope").column("created_at").run()
        try await database.schema("password_resets")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("password_resets").delete()
        try await database.schema("login_attempts").delete()
        try await database.schema("users").delete()
    }
}
