import FluentKit
import SQLKit

/// Beneficiaries and the nominations that bind a voucher to one of them.
public struct M007Nominations: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("beneficiaries")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id"))
            // A name or an alias; after erasure, a neutral alias.
            .field("name", .string, .required)
            .field("email", .string)
            .field("language", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .field("erased_at", .datetime)
            .create()
        try await database.schema("nominations")
            .id()
            .field("voucher_id", .uuid, .required, .references("vouchers", "id"))
            .field("beneficiary_id", .uuid, .required, .references("beneficiaries", "id"))
            .field("partner_id", .uuid, .required, .references("partners", "id"))
            .field("nominated_by", .uuid, .references("users", "id"))
            .field("delivery", .string, .required)
            .field("created_at", .datetime)
            .field("withdrawn_at", .datetime)
            .create()
        try await database.schema("vouchers")
            .field("beneficiary_id", .uuid, .references("beneficiaries", "id"))
            .update()
        // What to draw as a QR code attached to the message (a voucher's address), if anything.
        try await database.schema("outbox")
            .field("qr_content", .string)
            .update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "nominations_by_voucher").on("nominations").column("voucher_id").run()
            try await sql.create(index: "vouchers_by_partner").on("vouchers").column("partner_id").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("outbox").deleteField("qr_content").update()
        try await database.schema("vouchers").deleteField("beneficiary_id").update()
        try await database.schema("nominations").delete()
        try await database.schema("beneficiaries").delete()
    }
}
