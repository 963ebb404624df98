import FluentKit
import SQLKit

/// Funds, contributions, vouchers and the ledger (the funding issue).
///
/// The exactly-once rules live here as constraints: one contribution per (mentor, idempotency
/// key), one payment reference, one voucher per code, one processed event per provider event id,
/// and ledger balances that guarded updates keep at or above zero.
public struct M006Funding: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("funds")
            .id()
            .field("currency", .string, .required)
            // general, event, circuit or partner; scope_id names the event, circuit or partner.
            .field("scope", .string, .required)
            .field("scope_id", .uuid)
            .field("is_public", .bool, .required)
            .field("is_open", .bool, .required)
            // The value of one open-credit voucher; nil: amounts stay in the fund until allocated.
            .field("face_value_minor", .int64)
            .field("original_language", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("fund_texts")
            .id()
            .field("fund_id", .uuid, .required, .references("funds", "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("name", .string, .required)
            .field("purpose", .string, .required)
            .field("origin", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "fund_id", "language")
            .create()
        try await database.schema("contributions")
            .id()
            .field("number", .int64, .required)
            .field("mentor_id", .uuid, .required, .references("users", "id"))
            .field("fund_id", .uuid, .required, .references("funds", "id"))
            // places (N × a locked price) or amount (open credit)
            .field("kind", .string, .required)
            .field("event_id", .uuid, .references("events", "id"))
            .field("places", .int)
            .field("unit_price_minor", .int64)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("provider", .string, .required)
            .field("status", .string, .required)
            .field("idempotency_key", .string, .required)
            .field("request_hash", .string, .required)
            .field("payment_reference", .string, .required)
            .field("provider_reference", .string)
            .field("anonymous", .bool, .required)
            .field("dedication", .string)
            .field("unused_rule", .string, .required)
            .field("language", .string, .required)
            .field("created_at", .datetime)
            .field("paid_at", .datetime)
            .unique(on: "mentor_id", "idempotency_key")
            .unique(on: "payment_reference")
            .unique(on: "number")
            .create()
        try await database.schema("vouchers")
            .id()
            .field("code", .string, .required)
            .field("fund_id", .uuid, .required, .references("funds", "id"))
            .field("contribution_id", .uuid, .references("contributions", "id"))
            // event, circuit or credit
            .field("scope", .string, .required)
            .field("scope_id", .uuid)
            .field("value_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("partner_id", .uuid, .references("partners", "id"))
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema("ledger_transactions")
            .field("seq", .int64, .identifier(auto: true))
            .field("kind", .string, .required)
            // What caused it, e.g. "contribution:<uuid>"; with kind, unique: a business event
            // is booked once however often it is retried.
            .field("reference", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "reference")
            .create()
        try await database.schema("ledger_postings")
            .field("id", .int64, .identifier(auto: true))
            .field("transaction_seq", .int64, .required, .references("ledger_transactions", "seq"))
            .field("account", .string, .required)
            .field("currency", .string, .required)
            .field("amount_minor", .int64, .required)
            .create()
        // Named counters (receipt numbers), incremented by one guarded UPDATE each.
        try await database.schema("counters")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        try await database.schema("ledger_balances")
            .field("account", .string, .required)
            .field("currency", .string, .required)
            .field("balance_minor", .int64, .required)
            .compositeIdentifier(over: "account", "currency")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "ledger_postings_by_account").on("ledger_postings").column("account").run()
            try await sql.create(index: "vouchers_by_fund").on("vouchers").column("fund_id").run()
            try await sql.create(index: "contributions_by_mentor").on("contributions").column("mentor_id").run()
        }
    }

    public func revert(on database: any Database) async throws {
        for table in [
            "counters", "ledger_balances", "ledger_postings", "ledger_transactions", "vouchers", "contributions",
            "fund_texts",
            "funds",
        ] {
            try await database.schema(table).delete()
        }
    }
}
