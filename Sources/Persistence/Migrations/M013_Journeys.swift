import FluentKit
import SQLKit

/// The beneficiary's journey: reservations of sessions (with a seat counter per session),
/// admissions at the door, certificates, and the platform's signing keys.
public struct M013Journeys: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // Seats taken, moved only by conditional UPDATEs (`reserved < capacity`).
        guard let sql = database as? any SQLDatabase else { preconditionFailure("Mentore runs on SQL databases only") }
        try await sql.raw("ALTER TABLE event_sessions ADD COLUMN reserved BIGINT NOT NULL DEFAULT 0").run()
        try await database.schema("reservations")
            .id()
            .field("voucher_id", .uuid, .required, .references("vouchers", "id"))
            .field("session_id", .uuid, .required, .references("event_sessions", "id"))
            .field("event_id", .uuid, .required, .references("events", "id"))
            // The circuit step it is for, or the event for an event voucher: one per voucher.
            .field("slot", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "voucher_id", "slot")
            .create()
        try await database.schema("redemptions")
            .id()
            .field("voucher_id", .uuid, .required, .references("vouchers", "id"))
            .field("session_id", .uuid, .required, .references("event_sessions", "id"))
            .field("event_id", .uuid, .required, .references("events", "id"))
            .field("slot", .uuid, .required)
            // `slot` while the admission stands, NULL once voided: one standing admission per slot.
            .field("active_slot", .uuid)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("organizer_id", .uuid, .required, .references("organizers", "id"))
            .field("admitted_by", .string, .required)
            .field("admitted_at", .datetime, .required)
            .field("voided_at", .datetime)
            .unique(on: "voucher_id", "active_slot")
            .create()
        try await database.schema("certificates")
            .id()
            .field("code", .string, .required)
            .field("voucher_id", .uuid, .required, .references("vouchers", "id"))
            .field("circuit_version_id", .uuid, .required, .references("circuit_versions", "id"))
            .field("holder_name", .string, .required)
            .field("language", .string, .required)
            // The steps attended, as issued (JSON): what the certificate shows for ever.
            .field("steps", .string, .required)
            .field("issued_at", .datetime, .required)
            .unique(on: "code")
            .unique(on: "voucher_id")
            .create()
        try await database.schema("signing_keys")
            .id()
            .field("name", .string, .required)
            .field("private_key", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for table in ["signing_keys", "certificates", "redemptions", "reservations"] {
            try await database.schema(table).delete()
        }
        try await database.schema("event_sessions").deleteField("reserved").update()
    }
}
