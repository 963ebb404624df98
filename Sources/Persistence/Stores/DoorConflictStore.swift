import FluentKit
import Foundation
import SQLKit

/// Vouchers admitted twice offline, found when the second device syncs.
public enum DoorConflictStore {
    /// Records that `scanner` admitted, offline, a voucher that `redemptionID` had admitted
    /// first. A sync sent again (the same scanner and nonce) records nothing more.
    public static func record(
        sessionID: UUID, redemptionID: UUID, scanner: String, nonce: String, scannedAt: Date?, at now: Date,
        on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            try await db.storeSQL.insert(into: DoorConflictModel.schema)
                .columns("id", "session_id", "redemption_id", "scanner", "nonce", "scanned_at", "created_at")
                .values(
                    SQLBind(UUID()), SQLBind(sessionID), SQLBind(redemptionID), SQLBind(scanner), SQLBind(nonce),
                    SQLBind(scannedAt), SQLBind(now)
                )
                .ignoringConflicts(with: ["scanner", "nonce"]).run()
        }
    }
}
