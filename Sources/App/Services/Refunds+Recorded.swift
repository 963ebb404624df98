import FluentKit
import Foundation
import Persistence

extension Refunds {
    /// `cancel` in its own write transaction, with `audit` when the voucher was cancelled;
    /// false when it was in use or cancelled already.
    static func cancel(_ voucher: VoucherModel, now: Date, audit: AuditEventModel, on db: any Database) async throws
        -> Bool
    {
        try await db.writeTransaction { db in
            guard try await cancel(voucher, now: now, on: db) else { return false }
            try await audit.create(on: db)
            return true
        }
    }
}
