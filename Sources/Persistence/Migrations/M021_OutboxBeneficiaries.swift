import FluentKit
import SQLKit

/// Each message sent for a beneficiary (their voucher, the notice to their partner that names
/// them) carries the beneficiary's id: their export and erasure reach those messages only,
/// never the mail of whoever else has the same address. Messages already sent with a voucher's
/// QR are matched to the voucher's holder.
public struct M021OutboxBeneficiaries: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("outbox").field("beneficiary_id", .uuid).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "outbox_by_beneficiary").on("outbox").column("beneficiary_id").run()
        try await sql.raw(
            """
            UPDATE outbox SET beneficiary_id = (
                SELECT vouchers.beneficiary_id FROM vouchers
                WHERE outbox.qr_content LIKE '%/v/' || vouchers.code)
            WHERE qr_content IS NOT NULL
            """
        ).run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("outbox").deleteField("beneficiary_id").update()
    }
}
