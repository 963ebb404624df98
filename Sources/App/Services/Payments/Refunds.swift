import Domain
import FluentKit
import Foundation
import Persistence
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

    /// An admin refunds everything refundable now: by card through Stripe's API, by a bank
    /// transfer the admin made (its reference recorded), or in demonstration mode, through
    /// `give`. Returns the amount given back (minor units).
    static func refundUnspent(_ contribution: ContributionModel, bankReference: String?, req: Request) async throws
        -> Int
    {
        let id = try contribution.requireID()
        return try await give(
            id, bankReference: bankReference, by: req.currentUser?.id, app: req.application,
            amount: { contribution, db in try await refundable(contribution, on: db) },
            audit: { given, db in try await Audit.record(req, "refund", "contribution", id, detail: "\(given)", on: db)
            })
    }

    /// How long a reservation holds off another refund of its contribution. A provider answers
    /// within seconds (Stripe's client gives up sooner); a reservation this old belongs to a
    /// process that stopped before booking, and the next refund takes it over (Stripe's
    /// idempotency key, the same for the retry, makes it the same refund).
    static let reservationLifetime: TimeInterval = 600

    /// Gives back what `amount` says the contribution may give now, in three steps:
    /// 1. one write transaction locks the contribution, takes back the unheld vouchers the
    ///    refund needs (so nobody can be given one while the provider works) and reserves the
    ///    value on the contribution (another refund of it is `refundUnderWay` meanwhile);
    /// 2. the provider is asked, outside any transaction; if it fails, the reservation is
    ///    released and the error goes on (the vouchers taken back stay cancelled: their value
    ///    is loose in the fund, still the contribution's and refundable);
    /// 3. one write transaction books what the provider gave back and ends the reservation.
    /// A webhook of the same refund that arrives first books it, and step 3 books nothing more.
    /// Returns the amount given back.
    static func give(
        _ contributionID: UUID, bankReference: String?, by userID: UUID?, app: Application,
        amount wanted: @escaping @Sendable (ContributionModel, any Database) async throws -> Int,
        audit: @escaping @Sendable (Int, any Database) async throws -> Void
    ) async throws -> Int {
        let stale = try await ContributionModel.find(contributionID, on: app.db).orNotFound()
        let provider = try PaymentProviders.named(stale.provider)
        try provider.checkRefund(bankReference: bankReference)
        let (contribution, reserved) = try await app.db.writeTransaction { db -> (ContributionModel, Int) in
            let contribution = try await ContributionStore.lock(contributionID, on: db)
            let now = app.mentore.now()
            let amount = try await wanted(contribution, db)
            guard amount > 0 else { throw DomainError(.nothingToRefund) }
            let reserved = min(amount, try await takeBack(contribution, upTo: amount, now: now, on: db))
            guard reserved > 0 else { throw DomainError(.nothingToRefund) }
            guard
                try await ContributionStore.reserveRefund(
                    contributionID, amount: reserved, at: now,
                    staleBefore: now.addingTimeInterval(-reservationLifetime), on: db)
            else { throw DomainError(.refundUnderWay) }
            return (contribution, reserved)
        }
        let reference: String
        let given: Int
        do {
            (reference, given) = try await provider.refund(
                contribution, amount: reserved, bankReference: bankReference, app: app, on: app.db)
        } catch {
            try await app.db.writeTransaction { db in
                try await ContributionStore.releaseRefund(contributionID, on: db)
            }
            throw error
        }
        try await app.db.writeTransaction { db in
            let outcome = try await book(
                contribution, refundedTotal: contribution.refundedMinor + given, provider: provider.name,
                reference: reference, by: userID, app: app, on: db)
            try await ContributionStore.releaseRefund(contributionID, on: db)
            if outcome != .alreadyBooked { try await audit(given, db) }
        }
        return given
    }

    /// Cancels the contribution's unheld vouchers until its loose value and theirs cover
    /// `amount` (or none are left); returns what is covered. Inside the caller's transaction.
    static func takeBack(_ contribution: ContributionModel, upTo amount: Int, now: Date, on db: any Database)
        async throws -> Int
    {
        let (loose, unheld) = try await parts(contribution, on: db)
        var covered = loose
        for voucher in unheld where covered < amount {
            guard
                try await cancel(voucher, as: VoucherLifecycle.refund, fund: contribution.$fund.id, now: now, on: db)
            else { continue }
            covered += voucher.valueMinor
        }
        return covered
    }

    /// Books refunds of `contribution` until `refundedTotal` (minor units, cumulative) is
    /// booked, inside the caller's write transaction. Idempotent: a total already reached
    /// books nothing, whoever asks (admin page or webhook) and however often. The contribution
    /// is locked first, so an admin's refund and a webhook booking at the same moment (two
    /// instances, PostgreSQL) decide one after the other.
    static func book(
        _ stale: ContributionModel, refundedTotal: Int, provider: String, reference: String, by userID: UUID?,
        app: Application, on db: any Database
    ) async throws -> Outcome {
        // Read again, locked, inside the transaction: another booking may have committed meanwhile.
        let contribution = try await ContributionStore.lock(stale.requireID(), on: db)
        let id = try contribution.requireID()
        let wanted = min(refundedTotal, contribution.amountMinor) - contribution.refundedMinor
        guard wanted > 0 else { return .alreadyBooked }
        let now = app.mentore.now()
        let fund = contribution.$fund.id
        let covered = try await takeBack(contribution, upTo: wanted, now: now, on: db)
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
            try await ContributionStore.recordRefunded(
                id, from: contribution.refundedMinor, to: total,
                status: total >= contribution.amountMinor ? .refunded : contribution.status, on: db)
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
                let given = try await give(
                    id, bankReference: nil, by: nil, app: app,
                    amount: { contribution, db in try await owedByRule(contribution, on: db) },
                    audit: { given, db in
                        try await Audit.recordCommand(
                            "refund-unused", "contribution", id, detail: "\(given)", app: app, on: db)
                    })
                if given > 0 { booked += 1 }
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
