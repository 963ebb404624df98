import Foundation
import TestSupport
import Testing

@testable import Domain

@Suite("Ledger")
struct LedgerTests {
    static func eur(_ minor: Int) -> Money { Money(minor: minor, currency: .eur) }

    @Test("a transaction that does not sum to zero is refused whole")
    func unbalanced() {
        var ledger = Ledger()
        let broken = LedgerTransaction(
            .payment, [LedgerPosting(.external("demo"), Self.eur(-100)), LedgerPosting(.fund("f"), Self.eur(90))])
        #expect(throws: LedgerBreach.unbalanced(index: 0, currency: .eur)) { try ledger.apply(broken) }
        #expect(ledger.balances.isEmpty)
        #expect(throws: LedgerBreach.unbalanced(index: 0, currency: nil)) {
            try ledger.apply(LedgerTransaction(.payment, []))
        }
        // Balanced per currency, not in total: 100 EUR against 100 ALL is no balance.
        let mixed = LedgerTransaction(
            .payment,
            [
                LedgerPosting(.external("demo"), Self.eur(-100)),
                LedgerPosting(.fund("f"), Money(minor: 100, currency: .all)),
            ])
        #expect(throws: LedgerBreach.self) { try ledger.apply(mixed) }
    }

    @Test("funds, vouchers and payables never go negative; external accounts may")
    func negative() throws {
        var ledger = Ledger()
        let (f, a, b, c, d, o) = (UUID(), UUID(), UUID(), UUID(), UUID(), UUID())
        try ledger.apply(Bookings.payment(Self.eur(3000), provider: "demo", fund: f, contribution: UUID()))
        #expect(ledger.balance(.external("demo"), .eur) == -3000)
        try ledger.apply(
            Bookings.issue(from: f, vouchers: [(a, Self.eur(1000)), (b, Self.eur(1000))], contribution: c))
        #expect(
            throws: LedgerBreach.negative(index: 2, account: .fund(f.ledgerID), currency: .eur, balance: -1000)
        ) {
            try ledger.apply(
                Bookings.issue(from: f, vouchers: [(c, Self.eur(1000)), (d, Self.eur(1000))], contribution: d))
        }
        #expect(ledger.balance(.fund(f.ledgerID), .eur) == 1000, "a refused transaction changes nothing")
        try ledger.apply(Bookings.redemption(Self.eur(1000), voucher: a, organizer: o, admission: UUID()))
        #expect(throws: LedgerBreach.self) {
            try ledger.apply(Bookings.redemption(Self.eur(1000), voucher: a, organizer: o, admission: UUID()))
        }
    }

    @Test("accounts are stored as kind:owner and read back")
    func accountKeys() {
        for account in [LedgerAccount.external("stripe"), .fund("ABC"), .voucher("v"), .payable("o")] {
            #expect(LedgerAccount(key: account.key) == account)
        }
        #expect(LedgerAccount.fund("ABC").key == "fund:abc")
        #expect(LedgerAccount(key: "nonsense") == nil)
        #expect(LedgerAccount(key: "fund:") == nil)
        #expect(LedgerAccount(key: "bank:x") == nil)
    }

    @Test("check finds a tampered posting and a stored balance that drifted")
    func check() {
        let (f, a) = (UUID(), UUID())
        let history = [
            Bookings.payment(Self.eur(2000), provider: "demo", fund: f, contribution: a).transaction,
            Bookings.issue(from: f, vouchers: [(a, Self.eur(2000))], contribution: a).transaction,
        ]
        #expect(Ledger.check(history).isEmpty)
        var tampered = history
        tampered[1].postings[1].amount.minor = 2500
        #expect(Ledger.check(tampered) == [.unbalanced(index: 1, currency: .eur)])
        let stored: [LedgerAccount: [Currency: Int]] = [
            .external("demo"): [.eur: -2000], .fund(f.ledgerID): [.eur: 0], .voucher(a.ledgerID): [.eur: 1999],
        ]
        #expect(
            Ledger.check(history, stored: stored) == [
                .balanceMismatch(account: .voucher(a.ledgerID), currency: .eur, stored: 1999, computed: 2000)
            ])
    }

    /// Random sequences of contributions, issuances, nominations, redemptions, voids, expiries,
    /// refunds and payouts, driven the way the platform drives them: the voucher's status
    /// decides what may happen, and the ledger must stay balanced and non-negative after every
    /// step. A failure names its seed, so it can be replayed.
    @Test("random histories keep every invariant after every step", arguments: 0..<40)
    func randomHistories(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &* 7919 &+ 1)
        var world = World()
        for step in 0..<400 {
            world.randomStep(using: &random)
            let total = world.ledger.balances.values.reduce(into: [Currency: Int]()) { sums, balances in
                for (currency, amount) in balances { sums[currency, default: 0] += amount }
            }
            #expect(total.values.allSatisfy { $0 == 0 }, "seed \(seed), step \(step): \(total)")
            for (account, balances) in world.ledger.balances where account.mustNotGoNegative {
                #expect(balances.values.allSatisfy { $0 >= 0 }, "seed \(seed), step \(step): \(account)")
            }
            // What the vouchers hold is exactly the value of those not yet used up.
            for voucher in world.vouchers {
                let expected = voucher.status.isUnused || voucher.status == .inUse ? voucher.remaining : 0
                #expect(world.ledger.balance(.voucher(voucher.id.ledgerID), voucher.value.currency) == expected)
            }
        }
        #expect(Ledger.check(world.history).isEmpty)
        #expect(Ledger.check(world.history, stored: world.ledger.balances).isEmpty)
        #expect(world.history.count > 100)
    }
}

/// A small model of the platform's bookkeeping for the random-history test.
private struct World {
    struct Voucher {
        let id: UUID
        let fund: UUID
        let value: Money
        var remaining: Int
        var status: VoucherStatus = .issued
        /// Each redemption's value and the organizer it went to.
        var redeemed: [(value: Int, organizer: UUID)] = []
    }

    var ledger = Ledger()
    var history: [LedgerTransaction] = []
    var vouchers: [Voucher] = []
    let funds = [UUID(), UUID()]
    let organizers = [UUID(), UUID()]
    var fundCurrency: [UUID: Currency] = [:]

    init() {
        fundCurrency = [funds[0]: .eur, funds[1]: .all]
    }

    mutating func book(_ booking: Booking) -> Bool {
        do {
            try ledger.apply(booking.transaction)
            history.append(booking.transaction)
            return true
        } catch {
            return false
        }
    }

    mutating func randomStep<G: RandomNumberGenerator>(using random: inout G) {
        let fund = funds.randomElement(using: &random)!
        let currency = fundCurrency[fund]!
        switch Int.random(in: 0..<9, using: &random) {
        case 0, 1:
            let amount = Money(minor: Int.random(in: 1...50_000, using: &random), currency: currency)
            let provider = ["demo", "stripe", "bank"].randomElement(using: &random)!
            #expect(book(Bookings.payment(amount, provider: provider, fund: fund, contribution: UUID())))
        case 2:
            let count = Int.random(in: 1...4, using: &random)
            let value = Money(minor: Int.random(in: 100...5000, using: &random), currency: currency)
            let ids = (0..<count).map { _ in UUID() }
            // Refused exactly when the fund lacks the value: then no voucher exists.
            let affordable = ledger.balance(.fund(fund.ledgerID), currency) >= value.minor * count
            let booked = book(Bookings.issue(from: fund, vouchers: ids.map { ($0, value) }, contribution: UUID()))
            #expect(booked == affordable)
            if booked {
                vouchers += ids.map { Voucher(id: $0, fund: fund, value: value, remaining: value.minor) }
            }
        case 3:
            guard let index = pick(where: { $0.status == .issued }, using: &random) else { return }
            vouchers[index].status = .nominated
        case 4:
            guard let index = pick(where: { $0.status == .nominated || $0.status == .inUse }, using: &random)
            else { return }
            let voucher = vouchers[index]
            let part = min(voucher.remaining, Int.random(in: 1...voucher.value.minor, using: &random))
            guard part > 0 else { return }
            let organizer = organizers.randomElement(using: &random)!
            let redeemed = book(
                Bookings.redemption(
                    Money(minor: part, currency: voucher.value.currency), voucher: voucher.id, organizer: organizer,
                    admission: UUID()))
            #expect(redeemed, "a voucher can always spend what it still holds")
            if redeemed {
                vouchers[index].remaining -= part
                vouchers[index].redeemed.append((part, organizer))
                vouchers[index].status = vouchers[index].remaining == 0 ? .completed : .inUse
            }
        case 5:
            // A void of the last redemption, while the voucher is still in use.
            guard let index = pick(where: { $0.status == .inUse && !$0.redeemed.isEmpty }, using: &random),
                let (part, organizer) = vouchers[index].redeemed.last
            else { return }
            let voucher = vouchers[index]
            // Refused exactly when the organizer was already paid out that value.
            let owed = ledger.balance(.payable(organizer.ledgerID), voucher.value.currency) >= part
            let voided = book(
                Bookings.void(
                    Money(minor: part, currency: voucher.value.currency), voucher: voucher.id, organizer: organizer,
                    admission: UUID(), settled: false))
            #expect(voided == owed)
            if voided {
                vouchers[index].redeemed.removeLast()
                vouchers[index].remaining += part
            }
        case 6:
            // Expiry or cancellation of an unused voucher: its value goes back to its fund.
            guard let index = pick(where: { $0.status.isUnused }, using: &random) else { return }
            let voucher = vouchers[index]
            let value = Money(minor: voucher.remaining, currency: voucher.value.currency)
            let released = book(
                Bool.random(using: &random)
                    ? Bookings.expiry(value, voucher: voucher.id, fund: voucher.fund)
                    : Bookings.cancellation(value, voucher: voucher.id, fund: voucher.fund))
            #expect(released)
            if released {
                vouchers[index].status = Bool.random(using: &random) ? .expired : .cancelled
                vouchers[index].remaining = 0
            }
        case 7:
            let balance = ledger.balance(.fund(fund.ledgerID), currency)
            guard balance > 0 else { return }
            let amount = Int.random(in: 1...balance, using: &random)
            #expect(
                book(
                    Bookings.refund(
                        Money(minor: amount, currency: currency), fund: fund, provider: "stripe",
                        providerReference: "re_\(history.count)")))
            // More than the fund holds is always refused.
            #expect(
                !book(
                    Bookings.refund(
                        Money(minor: balance - amount + 1, currency: currency), fund: fund, provider: "stripe",
                        providerReference: "re_\(history.count)")))
        default:
            let organizer = organizers.randomElement(using: &random)!
            let owed = ledger.balance(.payable(organizer.ledgerID), currency)
            guard owed > 0,
                let payout = Bookings.payout(
                    SettlementTotals(admissions: 1, admittedMinor: owed), currency: currency, organizer: organizer,
                    method: "bank", settlement: UUID())
            else { return }
            #expect(book(payout))
        }
    }

    func pick<G: RandomNumberGenerator>(where predicate: (Voucher) -> Bool, using random: inout G) -> Int? {
        let candidates = vouchers.indices.filter { predicate(vouchers[$0]) }
        return candidates.randomElement(using: &random)
    }
}
