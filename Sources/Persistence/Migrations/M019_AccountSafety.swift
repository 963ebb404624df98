import FluentKit
import SQLKit

/// Account safety (issue 21):
/// - `users.session_epoch`: a session is signed in for the epoch it was made in; a password
///   reset moves the epoch on, which signs out every other session of the account on every
///   instance at once.
/// - `signup_requests`: a sign-up becomes an account only from the link e-mailed to the
///   address, so the form answers the same whether or not the address has an account.
/// - `outbox.holds_secret`: a message carrying a secret (a reset or sign-up link, an
///   invitation, a voucher code) has its body emptied once delivered.
public struct M019AccountSafety: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("session_epoch", .int64, .required, .custom(SQLColumnConstraintAlgorithm.default(0)))
            .update()
        try await database.schema("signup_requests")
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("language", .string, .required)
            // Where to go once the account exists (a fund's page), already checked to be local.
            .field("next", .string)
            // SHA-256 of the e-mailed token.
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("outbox")
            .field("holds_secret", .bool, .required, .custom(SQLColumnConstraintAlgorithm.default(false)))
            .update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "signup_requests_by_age").on("signup_requests").column("created_at").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("outbox").deleteField("holds_secret").update()
        try await database.schema("signup_requests").delete()
        try await database.schema("users").deleteField("session_epoch").update()
    }
}
