import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

extension Door {
    /// Undoes an admission of the scanner's organizer within 15 minutes, with a reason: the
    /// step is open again, the organizer's payable goes back to the voucher, a completed voucher
    /// is reopened (`VoucherLifecycle.void`; its released value back from the fund) and a
    /// certificate it earned is withdrawn (kept, with the time). Undoing one already undone
    /// answers it as it is.
    static func void(_ redemptionID: UUID, reason: String?, scanner: Scanner, app: Application, on db: any Database)
        async throws -> RedemptionModel
    {
        var v = Validator()
        let reason = v.text(reason, field: "reason", max: 200)
        try v.finish()
        let now = app.mentore.now()
        return try await db.writeTransaction { db in
            guard let redemption = try await RedemptionModel.find(redemptionID, on: db),
                scanner.organizers.contains(redemption.$organizer.id)
            else { throw DomainError(.notFound) }
            if redemption.voidedAt != nil { return redemption }
            guard DoorRules.mayUndo(admittedAt: redemption.admittedAt, now: now) else {
                throw DomainError(.voidTooLate)
            }
            guard
                let settled = try await JourneyStore.void(
                    admission: redemptionID, by: scanner.actor, reason: reason, at: now, on: db)
            else {
                return try await RedemptionModel.find(redemptionID, on: db).orNotFound()
            }
            let voucherID = redemption.$voucher.id
            let voucher = try await VoucherModel.find(voucherID, on: db).orNotFound()
            let fund = voucher.$fund.id
            if redemption.amountMinor > 0 {
                try await LedgerStore.post(
                    Bookings.void(
                        redemption.amount, voucher: voucherID, organizer: redemption.$organizer.id,
                        admission: redemptionID, settled: settled), at: now, on: db)
            }
            if voucher.status == .completed {
                let released = try await LedgerStore.amount(
                    Bookings.completionKey(admission: redemptionID), account: .fund(fund.ledgerID), on: db)
                if released > 0 {
                    do {
                        try await LedgerStore.post(
                            Bookings.reopening(
                                Money(minor: released, currency: voucher.currency), voucher: voucherID, fund: fund,
                                admission: redemptionID), at: now, on: db)
                    } catch is LedgerBreach {
                        throw DomainError(.voidNotPossible)
                    }
                }
            }
            let standing = try await RedemptionModel.query(on: db).filter(\.$voucher.$id == voucherID)
                .filter(\.$voidedAt == nil).count()
            _ = try await VoucherStore.transition(
                voucherID, VoucherLifecycle.void(admissionsLeft: standing > 0), at: now, on: db)
            let journey = try await Journeys.load(voucher, on: db)
            if !journey.plan.isComplete(journey.progress) {
                try await Certificates.withdraw(voucherID: voucherID, now: now, on: db)
            }
            return try await RedemptionModel.find(redemptionID, on: db).orNotFound()
        }
    }
}
