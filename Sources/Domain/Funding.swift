/// The life of a voucher (ARCHITECTURE §4): issued → nominated → in use → completed, or
/// expired / cancelled while unused. Never transferable once nominated.
public enum VoucherStatus: String, Sendable, CaseIterable, Codable {
    case issued
    case nominated
    case inUse = "in_use"
    case completed
    case expired
    case cancelled

    /// The statuses this one may move to.
    public var next: Set<VoucherStatus> {
        switch self {
        case .issued: [.nominated, .expired, .cancelled]
        // A withdrawn nomination goes back to issued.
        case .nominated: [.issued, .inUse, .expired, .cancelled]
        case .inUse: [.completed, .expired]
        case .completed, .expired, .cancelled: []
        }
    }

    public func canMove(to status: VoucherStatus) -> Bool { next.contains(status) }

    /// Whether value may still be released back to the fund (nothing of it was used).
    public var isUnused: Bool { self == .issued || self == .nominated }

    public var isFinal: Bool { next.isEmpty }
}

/// What unused value does when a voucher expires (the mentor chooses at contribution time).
public enum UnusedValueRule: String, Sendable, CaseIterable, Codable {
    /// To the next person on the waiting list of the same circuit or fund (the default).
    case reallocate
    /// Back to the fund, for any use.
    case returnToFund = "return_to_fund"
    /// Back to the mentor.
    case refund
}

/// The ledger transactions of each business event, so that every caller writes the same ones.
public enum Bookings {
    /// A contribution was paid through `provider` into a fund.
    public static func payment(_ amount: Money, provider: String, fund: String) -> LedgerTransaction {
        .transfer(.payment, amount, from: .external(provider), to: .fund(fund))
    }

    /// Vouchers issued from a fund, each with its value.
    public static func issue(from fund: String, vouchers: [(id: String, value: Money)]) -> LedgerTransaction {
        var postings: [LedgerPosting] = []
        var totals: [Currency: Int] = [:]
        for voucher in vouchers {
            postings.append(LedgerPosting(.voucher(voucher.id), voucher.value))
            totals[voucher.value.currency, default: 0] += voucher.value.minor
        }
        for (currency, total) in totals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            postings.insert(LedgerPosting(.fund(fund), Money(minor: -total, currency: currency)), at: 0)
        }
        return LedgerTransaction(.issue, postings)
    }

    /// A voucher (or part of it, for one step) was redeemed: the organizer is owed that value.
    public static func redemption(_ value: Money, voucher: String, organizer: String) -> LedgerTransaction {
        .transfer(.redemption, value, from: .voucher(voucher), to: .payable(organizer))
    }

    /// A redemption was voided: the value goes back to the voucher.
    public static func void(_ value: Money, voucher: String, organizer: String) -> LedgerTransaction {
        .transfer(.void, value, from: .payable(organizer), to: .voucher(voucher))
    }

    /// Unused value of a voucher goes back to its fund (expiry, cancellation, reallocation).
    public static func release(_ value: Money, voucher: String, fund: String) -> LedgerTransaction {
        .transfer(.release, value, from: .voucher(voucher), to: .fund(fund))
    }

    /// Value of a fund goes back to the mentor through the provider.
    public static func refund(_ amount: Money, fund: String, provider: String) -> LedgerTransaction {
        .transfer(.refund, amount, from: .fund(fund), to: .external(provider))
    }

    /// An organizer was paid what it was owed.
    public static func payout(_ amount: Money, organizer: String, method: String) -> LedgerTransaction {
        .transfer(.payout, amount, from: .payable(organizer), to: .external(method))
    }
}
