import FluentKit
import SQLKit

/// The door: scanning devices (bearer tokens scoped to one organizer), who and what admitted
/// each redemption, voids with their reason, and the scans' nonces (a retried scan gets the
/// first answer).
public struct M014Door: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("door_devices")
            .id()
            .field("organizer_id", .uuid, .required, .references("organizers", "id"))
            .field("label", .string, .required)
            .field("token_hash", .string, .required)
            .field("hint", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        guard let sql = database as? any SQLDatabase else { preconditionFailure("Mentore runs on SQL databases only") }
        // Who scanned (a device, or a signed-in person at the scanner page) and at which door;
        // a void's time, person and reason.
        for column in [
            "device_id \(sql.dialect.name == "postgresql" ? "UUID" : "BLOB") REFERENCES door_devices (id)",
            "door TEXT", "voided_by TEXT", "void_reason TEXT",
        ] {
            try await sql.raw("ALTER TABLE redemptions ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await database.schema("door_scans")
            .id()
            // The device's id, or the person's (`user:` + id) for the scanner page.
            .field("scanner", .string, .required)
            .field("nonce", .string, .required)
            .field("request_hash", .string, .required)
            .field("status", .int, .required)
            .field("response", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "scanner", "nonce")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("door_scans").delete()
        for column in ["void_reason", "voided_by", "door", "device_id"] {
            try await database.schema("redemptions").deleteField(FieldKey(stringLiteral: column)).update()
        }
        try await database.schema("door_devices").delete()
    }
}
