import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Giving a contribution's unspent value back to its mentor, and taking unused vouchers back.
///
/// A contribution's value is either still loose in its fund (what did not make a whole
/// voucher, what came back from cancelled or expired vouchers) or carried by its vouchers.
/// A refund first takes the loose part, then cancels vouchers nobody holds yet (`issued`),
/// releasing their value to the fund, and books fund → provider. Vouchers given to someone,
/// in use or used are never taken back by a refund.
enum Refunds {
    enum Outcome: String {
        /// The refund was booked.
        case applied
        /// Nothing left to book: this total was booked before (a repeated webhook, or the
        /// webhook of a refund the admin page already booked).
        case alreadyBooked = "already-booked"
        /// The provider gave back more than is unspent: what could be covered was booked, the
        /// rest needs an admin (the page of the contribution says so).
        case exceedsUnspent = "refund-exceeds-unspent"
    }

    /// What a contribution could still give back: loose value plus its unheld vouchers.
    static func refundable(_ contribution: ContributionModel, on db: any Database) async throws -> Int {
        let (loose, unheld) = try await parts(contribution, on: db)
        return loose + unheld.reduce(0) { $0 + $1.valueMinor }
    }

    static func parts(_ contribution: ContributionModel, on db: any Database) async throws
        -> (loose: Int, unheld: [VoucherModel])
    {
        guard contribution.status == .paid || contribution.status == .refunded else { return (0, []) }
        let vouchers = try await VoucherModel.query(on: db).filter(\.$contribution.$id == contribution.requireID())
            .sort(\.$code).all()
        let carried = vouchers.filter { [.issued, .nominated, .inUse, .completed].contains($0.status) }
            .reduce(0) { $0 + $1.valueMinor }
        let loose = max(0, contribution.amountMinor - contribution.refundedMinor - carried)
        return (loose, vouchers.filter { $0.status == .issued })
    }

    /// An admin refunds everything refundable now: by card through Stripe's API (outside the
    /// transaction; Stripe's idempotency key makes a retry the same refund), by a bank transfer
    /// the admin made (its reference recorded), or in demonstration mode. The booking and its
    /// audit record are one transaction. Returns the amount booked (minor units).
    static func refundUnspent(_ contribution: ContributionModel, bankReference: String?, req: Request) async throws
        -> Int
    {
        let app = req.application
        let refundable = try await refundable(contribution, on: req.db)
        guard refundable > 0 else { throw DomainError(.nothingToRefund) }
        let id = try contribution.requireID()
        let base = contribution.refundedMinor
        let provider = contribution.provider
        let (reference, amount) = try await PaymentProviders.named(provider).refund(
            contribution, amount: refundable, bankReference: bankReference, app: app, on: req.db)
        let (total, booked) = (base + amount, amount)
        let outcome = try await req.db.writeTransaction { db in
            let outcome = try await book(
                contribution, refundedTotal: total, provider: provider, reference: reference,
                by: req.currentUser?.id, app: app, on: db)
            if outcome != .alreadyBooked {
                try await Audit.record(req, "refund", "contribution", id, detail: "\(booked)", on: db)
            }
            return outcome
        }
        guard outcome != .alreadyBooked else { throw DomainError(.nothingToRefund) }
        return amount
    }

    /// Books refunds of `contribution` until `refundedTotal` (minor units, cumulative) is
    /// booked, inside the caller's write transaction. Idempotent: a total already reached
    /// books nothing, whoever asks (admin page or webhook) and however often.
    static func book(
        _ stale: ContributionModel, refundedTotal: Int, provider: String, reference: String, by userID: UUID?,
        app: Application, on db: any Database
    ) async throws -> Outcome {
        // Read again inside the transaction: another booking may have committed meanwhile.
        let contribution = try await ContributionModel.find(stale.requireID(), on: db).orNotFound()
        let id = try contribution.requireID()
        let wanted = min(refundedTotal, contribution.amountMinor) - contribution.refundedMinor
        guard wanted > 0 else { return .alreadyBooked }
        let (loose, unheld) = try await parts(contribution, on: db)
        let now = app.mentore.now()
        let fund = contribution.$fund.id
        var covered = loose
        for voucher in unheld where covered < wanted {
            guard try await cancel(voucher, as: VoucherLifecycle.refund, fund: fund, now: now, on: db) else { continue }
            covered += voucher.valueMinor
        }
        let amount = min(wanted, covered)
        if amount > 0 {
            let money = Money(minor: amount, currency: contribution.currency)
            try await LedgerStore.post(
                Bookings.refund(money, fund: fund, provider: provider, providerReference: reference), at: now, on: db)
            let refund = RefundModel()
            refund.$contribution.id = id
            refund.amountMinor = amount
            refund.currency = contribution.currency
            refund.provider = provider
            refund.reference = reference
            refund.recordedBy = userID
            try await refund.create(on: db)
            let total = contribution.refundedMinor + amount
            let sql = db as! any SQLDatabase
            try await sql.update(ContributionModel.schema)
                .set("refunded_minor", to: SQLBind(total))
                .set(
                    "status", to: SQLBind(total >= contribution.amountMinor ? "refunded" : contribution.status.rawValue)
                )
                .where("id", .equal, SQLBind(id))
                .where("refunded_minor", .equal, SQLBind(contribution.refundedMinor))
                .run()
        }
        if amount < wanted {
            app.logger.error(
                "refund exceeds the unspent value",
                metadata: ["contribution": "\(contribution.number)", "short": "\(wanted - amount)"])
            return .exceedsUnspent
        }
        return .applied
    }

    /// Takes back a voucher nobody used (`cancel`: issued or nominated; `refund`: nobody holds
    /// it yet): cancelled, its value released to its fund. False when it could not make the
    /// move any more.
    static func cancel(
        _ voucher: VoucherModel, as transition: VoucherLifecycle.Transition = VoucherLifecycle.cancel,
        fund: UUID? = nil, now: Date, on db: any Database
    ) async throws -> Bool {
        let id = try voucher.requireID()
        guard try await VoucherStore.transition(id, transition, at: now, on: db) else { return false }
        voucher.status = transition.to
        try await LedgerStore.post(
            Bookings.cancellation(voucher.value, voucher: id, fund: fund ?? voucher.$fund.id), at: now, on: db)
        return true
    }

    struct Expiry: Equatable {
        var expired = 0
        /// How many became a new voucher for someone on a waiting list.
        var reallocated = 0
        /// How many refunds of unused value were given back to mentors.
        var refunded = 0
    }

    /// Vouchers past their date that nobody used: expired and their value released to the
    /// fund; then the mentor's rule decides: `reallocate` makes a new voucher for the first
    /// person waiting on that fund (if anyone is), `return_to_fund` leaves the value in the fund,
    /// `refund` gives it back to the mentor (`refundOwed`).
    static func expire(app: Application, limit: Int = 500) async throws -> Expiry {
        var result = try await expireDue(app: app, limit: limit)
        result.refunded = try await refundOwed(app: app)
        return result
    }

    /// What a contribution whose mentor chose `refund` is owed now: the value of its expired
    /// vouchers not given back yet, as far as it is still in the fund. Never more than that in
    /// all, whoever refunded (this job or an admin), so nothing is refunded twice.
    static func owedByRule(_ contribution: ContributionModel, on db: any Database) async throws -> Int {
        guard contribution.unusedRule == .refund, contribution.status == .paid else { return 0 }
        let (loose, _) = try await parts(contribution, on: db)
        guard loose > 0 else { return 0 }
        let expired = try await VoucherModel.query(on: db).filter(\.$contribution.$id == contribution.requireID())
            .filter(\.$status == .expired).all().reduce(0) { $0 + $1.valueMinor }
        return max(0, min(loose, expired - contribution.refundedMinor))
    }

    /// Gives back what `owedByRule` says, for providers that can do it by themselves (cards,
    /// the demonstration); bank transfers are left to an admin, whose contributions list shows
    /// what is owed. A provider that fails is tried again on the next run. Returns how many
    /// refunds were booked.
    static func refundOwed(app: Application) async throws -> Int {
        let automatic = PaymentProviders.all.filter(\.refundsByItself).map(\.name)
        let candidates = try await ContributionModel.query(on: app.db).filter(\.$unusedRule == .refund)
            .filter(\.$status == .paid).filter(\.$provider ~~ automatic).all()
        var booked = 0
        for contribution in candidates {
            let owed = try await owedByRule(contribution, on: app.db)
            guard owed > 0 else { continue }
            let id = try contribution.requireID()
            do {
                let provider = try PaymentProviders.named(contribution.provider)
                let (reference, amount) = try await provider.refund(
                    contribution, amount: owed, bankReference: nil, app: app, on: app.db)
                let outcome = try await app.db.writeTransaction { db in
                    let outcome = try await book(
                        contribution, refundedTotal: contribution.refundedMinor + amount, provider: provider.name,
                        reference: reference, by: nil, app: app, on: db)
                    if outcome != .alreadyBooked {
                        try await Audit.recordCommand(
                            "refund-unused", "contribution", id, detail: "\(amount)", app: app, on: db)
                    }
                    return outcome
                }
                if outcome != .alreadyBooked { booked += 1 }
            } catch {
                app.logger.warning(
                    "refund of unused value failed; it is tried again on the next run",
                    metadata: ["contribution": "\(contribution.number)", "error": "\(error)"])
            }
        }
        return booked
    }

    /// Expires what is due, in batches; see `expire`.
    static func expireDue(app: Application, limit: Int) async throws -> Expiry {
        let now = app.mentore.now()
        var total = Expiry()
        while true {
            let due = try await VoucherModel.query(on: app.db)
                .filter(\.$status ~~ [.issued, .nominated]).filter(\.$expiresAt < now)
                .sort(\.$expiresAt).limit(limit).all()
            if due.isEmpty { return total }
            let contributionIDs = Set(due.compactMap { $0.$contribution.id })
            let batch = try await app.db.writeTransaction { db in
                let rules = try await ContributionModel.query(on: db).filter(\.$id ~~ contributionIDs).all()
                    .reduce(into: [UUID: UnusedValueRule]()) { $0[$1.id!] = $1.unusedRule }
                var batch = Expiry()
                for voucher in due {
                    let id = try voucher.requireID()
                    guard try await VoucherStore.transition(id, VoucherLifecycle.expire, at: now, on: db) else {
                        continue
                    }
                    try await LedgerStore.post(
                        Bookings.expiry(voucher.value, voucher: id, fund: voucher.$fund.id), at: now, on: db)
                    batch.expired += 1
                    let rule = voucher.$contribution.id.flatMap { rules[$0] } ?? .returnToFund
                    if rule == .reallocate, try await WaitingLists.reallocate(voucher, app: app, on: db) != nil {
                        batch.reallocated += 1
                    }
                }
                return batch
            }
            total.expired += batch.expired
            total.reallocated += batch.reallocated
            if due.count < limit { return total }
        }
    }
}
