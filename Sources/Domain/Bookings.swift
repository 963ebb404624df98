import Foundation

/// A ledger transaction with the reference that names its business event. (kind, reference) is
/// unique in the ledger: booking the same event twice is refused, and a reversal finds what it
/// reverses by the same reference.
public struct Booking: Sendable, Hashable {
    public var transaction: LedgerTransaction
    public var reference: String

    public init(_ transaction: LedgerTransaction, reference: String) {
        self.transaction = transaction
        self.reference = reference
    }

    public var kind: LedgerTransaction.Kind { transaction.kind }
}

/// The bookings of each business event, with their references, so that every caller writes
/// the same ones and a reversal is built from the same reference as what it reverses. No
/// reference is written anywhere else.
public enum Bookings {
    /// A contribution was paid through `provider` into a fund.
    public static func payment(_ amount: Money, provider: String, fund: UUID, contribution: UUID) -> Booking {
        Booking(
            .transfer(.payment, amount, from: .external(provider), to: .fund(fund.ledgerID)),
            reference: "contribution:\(contribution.ledgerID)")
    }

    /// Vouchers issued from a fund for a paid contribution, each with its value.
    public static func issue(from fund: UUID, vouchers: [(id: UUID, value: Money)], contribution: UUID) -> Booking {
        Booking(issuing(from: fund, vouchers), reference: "issue:contribution:\(contribution.ledgerID)")
    }

    /// A voucher issued from a fund in place of one that expired (a waiting list's next person).
    public static func reallocation(from fund: UUID, voucher: UUID, value: Money, replacing expired: UUID) -> Booking {
        Booking(issuing(from: fund, [(voucher, value)]), reference: "reallocate:\(expired.ledgerID)")
    }

    private static func issuing(from fund: UUID, _ vouchers: [(id: UUID, value: Money)]) -> LedgerTransaction {
        var postings: [LedgerPosting] = []
        var totals: [Currency: Int] = [:]
        for voucher in vouchers {
            postings.append(LedgerPosting(.voucher(voucher.id.ledgerID), voucher.value))
            totals[voucher.value.currency, default: 0] += voucher.value.minor
        }
        for (currency, total) in totals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            postings.insert(LedgerPosting(.fund(fund.ledgerID), Money(minor: -total, currency: currency)), at: 0)
        }
        return LedgerTransaction(.issue, postings)
    }

    // MARK: Admissions

    /// A voucher (or part of it, for one step) was redeemed: the organizer is owed that value.
    public static func redemption(_ value: Money, voucher: UUID, organizer: UUID, admission: UUID) -> Booking {
        Booking(
            .transfer(.redemption, value, from: .voucher(voucher.ledgerID), to: .payable(organizer.ledgerID)),
            reference: admissionReference(admission))
    }

    /// The admission `admission` was undone: its value goes back to the voucher, from the
    /// organizer's payable, or (`settled`: a settlement had already included it) from what the
    /// organizer owes back, deducted by its next settlement.
    public static func void(_ value: Money, voucher: UUID, organizer: UUID, admission: UUID, settled: Bool) -> Booking {
        let from: LedgerAccount = settled ? .receivable(organizer.ledgerID) : .payable(organizer.ledgerID)
        return Booking(
            .transfer(.void, value, from: from, to: .voucher(voucher.ledgerID)),
            reference: admissionReference(admission))
    }

    /// The admission `admission` completed the voucher: what was left of it goes back to its fund.
    public static func completion(_ left: Money, voucher: UUID, fund: UUID, admission: UUID) -> Booking {
        Booking(
            .transfer(.release, left, from: .voucher(voucher.ledgerID), to: .fund(fund.ledgerID)),
            reference: completionReference(admission))
    }

    /// Where to find what `completion` released for `admission` (kind and reference).
    public static func completionKey(admission: UUID) -> (kind: LedgerTransaction.Kind, reference: String) {
        (.release, completionReference(admission))
    }

    /// The admission that completed the voucher was undone: what its completion released goes
    /// back from the fund to the voucher.
    public static func reopening(_ released: Money, voucher: UUID, fund: UUID, admission: UUID) -> Booking {
        Booking(
            .transfer(.void, released, from: .fund(fund.ledgerID), to: .voucher(voucher.ledgerID)),
            reference: completionReference(admission))
    }

    private static func admissionReference(_ admission: UUID) -> String { "redemption:\(admission.ledgerID)" }
    private static func completionReference(_ admission: UUID) -> String { "complete:\(admission.ledgerID)" }

    // MARK: Unused value

    /// A voucher nobody used was cancelled: its value goes back to `fund`.
    public static func cancellation(_ value: Money, voucher: UUID, fund: UUID) -> Booking {
        Booking(
            .transfer(.release, value, from: .voucher(voucher.ledgerID), to: .fund(fund.ledgerID)),
            reference: "cancel:\(voucher.ledgerID)")
    }

    /// A voucher passed its date: what is left of it goes back to its fund.
    public static func expiry(_ value: Money, voucher: UUID, fund: UUID) -> Booking {
        Booking(
            .transfer(.release, value, from: .voucher(voucher.ledgerID), to: .fund(fund.ledgerID)),
            reference: "expire:\(voucher.ledgerID)")
    }

    /// Value of a fund went back to the mentor through `provider`, under the provider's own
    /// reference for the refund (a repeated notice of it books nothing).
    public static func refund(_ amount: Money, fund: UUID, provider: String, providerReference: String) -> Booking {
        Booking(
            .transfer(.refund, amount, from: .fund(fund.ledgerID), to: .external(provider)),
            reference: "refund:\(provider):\(providerReference)")
    }

    // MARK: Settlements

    /// A settlement was paid through `method`: its admissions leave the organizer's payable,
    /// the voids it carried clear the receivable, and the difference leaves the platform.
    /// Nil when there is nothing to move.
    public static func payout(
        _ totals: SettlementTotals, currency: Currency, organizer: UUID, method: String, settlement: UUID
    ) -> Booking? {
        let organizer = organizer.ledgerID
        var postings: [LedgerPosting] = []
        if totals.admittedMinor != 0 {
            postings.append(LedgerPosting(.payable(organizer), Money(minor: -totals.admittedMinor, currency: currency)))
        }
        if totals.carriedMinor != 0 {
            postings.append(
                LedgerPosting(.receivable(organizer), Money(minor: totals.carriedMinor, currency: currency)))
        }
        if totals.netMinor != 0 {
            postings.append(LedgerPosting(.external(method), Money(minor: totals.netMinor, currency: currency)))
        }
        return postings.isEmpty
            ? nil : Booking(LedgerTransaction(.payout, postings), reference: "settlement:\(settlement.ledgerID)")
    }
}

extension UUID {
    /// How an id appears in ledger accounts and references: lower case.
    public var ledgerID: String { uuidString.lowercased() }
}

extension Ledger {
    /// Applies a booking's transaction (`apply(_:)`).
    public mutating func apply(_ booking: Booking) throws(LedgerBreach) { try apply(booking.transaction) }
}
