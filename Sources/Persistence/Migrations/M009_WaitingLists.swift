import FluentKit
import SQLKit

/// Partners' waiting lists per fund, and vouchers that carry the value of an expired one.
public struct M009WaitingLists: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("waiting_entries")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id"))
            .field("fund_id", .uuid, .required, .references("funds", "id"))
            // The person, as a nomination would name them.
            .field("name", .string, .required)
            .field("email", .string)
            .field("language", .string, .required)
            .field("note", .string)
            .field("delivery", .string, .required)
            // waiting → served (a voucher was made for them) or removed (by the partner).
            .field("status", .string, .required)
            .field("voucher_id", .uuid, .references("vouchers", "id"))
            .field("added_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime)
            .create()
        // The expired voucher whose value this one carries on (reallocation), if any.
        try await database.schema("vouchers")
            .field("reallocated_from", .uuid, .references("vouchers", "id"))
            .update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "waiting_by_fund").on("waiting_entries")
                .column("fund_id").column("status").column("created_at").run()
            try await sql.create(index: "waiting_by_partner").on("waiting_entries").column("partner_id").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("vouchers").deleteField("reallocated_from").update()
        try await database.schema("waiting_entries").delete()
    }
}
