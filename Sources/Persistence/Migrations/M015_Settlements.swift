import FluentKit
import SQLKit

/// Settlements: an organizer's admissions in a period, the amount due, paid or not. Each
/// admission is settled once (`redemptions.settlement_id`); an admission undone after it was
/// settled is carried, once, into a later settlement (`void_settlement_id`). Organizers get
/// a language for their statements.
public struct M015Settlements: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("Mentore runs on SQL databases only") }
        try await sql.raw("ALTER TABLE organizers ADD COLUMN language TEXT NOT NULL DEFAULT 'it'").run()
        try await database.schema("settlements")
            .id()
            .field("organizer_id", .uuid, .required, .references("organizers", "id"))
            .field("currency", .string, .required)
            // Whole days in the platform's time zone, `yyyy-mm-dd`, both included.
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("admissions", .int, .required)
            .field("admitted_minor", .int64, .required)
            .field("carried_voids", .int, .required)
            .field("carried_minor", .int64, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("paid_at", .datetime)
            .field("paid_by", .string)
            .field("paid_reference", .string)
            .unique(on: "organizer_id", "currency", "first_day")
            .create()
        let uuid = sql.dialect.name == "postgresql" ? "UUID" : "BLOB"
        for column in ["settlement_id", "void_settlement_id"] {
            try await sql.raw(
                "ALTER TABLE redemptions ADD COLUMN \(unsafeRaw: column) \(unsafeRaw: uuid) REFERENCES settlements (id)"
            ).run()
        }
        try await sql.create(index: "redemptions_organizer_admitted").on("redemptions")
            .column("organizer_id").column("admitted_at").run()
    }

    public func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { preconditionFailure("Mentore runs on SQL databases only") }
        try await sql.drop(index: "redemptions_organizer_admitted").run()
        for column in ["void_settlement_id", "settlement_id"] {
            try await database.schema("redemptions").deleteField(FieldKey(stringLiteral: column)).update()
        }
        try await database.schema("settlements").delete()
        try await database.schema("organizers").deleteField("language").update()
    }
}
