/// Double-entry bookkeeping of every movement of value (ARCHITECTURE §5.1).
///
/// Signs: a posting adds its amount to its account. Money coming in from outside is a negative
/// posting on an `external` account (the world gave it) and a positive one on the account that
/// now holds it. Every transaction sums to zero per currency; the accounts that hold value on
/// the platform's books (funds, vouchers, organizers' payables) never go negative. External
/// accounts may: they mirror the outside world; so may an organizer's receivable, which is a debt.
public struct LedgerAccount: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// A payment provider's side: money received (negative) or sent back (positive).
        case external
        /// A Fund's value not yet given to a voucher.
        case fund
        /// The value a voucher carries until it is redeemed, expires or is cancelled.
        case voucher
        /// What the platform owes an Organizer for redemptions, until a settlement pays it.
        case payable
        /// What an Organizer owes back: admissions voided after they were settled, negative until
        /// the next settlement deducts them.
        case receivable
    }

    public let kind: Kind
    /// The provider name for `external`, else the owner's id (lower-case UUID).
    public let owner: String

    public init(_ kind: Kind, _ owner: String) {
        self.kind = kind
        self.owner = owner.lowercased()
    }

    public static func external(_ provider: String) -> LedgerAccount { LedgerAccount(.external, provider) }
    public static func fund(_ id: String) -> LedgerAccount { LedgerAccount(.fund, id) }
    public static func voucher(_ id: String) -> LedgerAccount { LedgerAccount(.voucher, id) }
    public static func payable(_ id: String) -> LedgerAccount { LedgerAccount(.payable, id) }
    public static func receivable(_ id: String) -> LedgerAccount { LedgerAccount(.receivable, id) }

    /// Whether the balance must stay at or above zero.
    public var mustNotGoNegative: Bool { kind != .external && kind != .receivable }

    /// How the account is stored: `kind:owner`.
    public var key: String { kind.rawValue + ":" + owner }

    public init?(key: String) {
        guard let colon = key.firstIndex(of: ":"), let kind = Kind(rawValue: String(key[..<colon])) else { return nil }
        let owner = String(key[key.index(after: colon)...])
        guard !owner.isEmpty else { return nil }
        self.init(kind, owner)
    }

    public var description: String { key }

    public static func < (lhs: LedgerAccount, rhs: LedgerAccount) -> Bool { lhs.key < rhs.key }
}

public struct LedgerPosting: Sendable, Hashable {
    public var account: LedgerAccount
    public var amount: Money

    public init(_ account: LedgerAccount, _ amount: Money) {
        self.account = account
        self.amount = amount
    }
}

/// One business event's movement of value.
public struct LedgerTransaction: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A contribution was paid: external → fund.
        case payment
        /// Vouchers were issued from a fund: fund → vouchers.
        case issue
        /// A voucher was redeemed at the door: voucher → organizer's payable.
        case redemption
        /// A redemption was voided: payable → voucher.
        case void
        /// Unused value went back: voucher → fund (expiry, cancellation, reallocation).
        case release
        /// Value was refunded to the mentor: fund → external.
        case refund
        /// An organizer was paid in a settlement: payable → external.
        case payout
    }

    public var kind: Kind
    public var postings: [LedgerPosting]

    public init(_ kind: Kind, _ postings: [LedgerPosting]) {
        self.kind = kind
        self.postings = postings
    }

    /// A transfer of one amount from one account to another.
    public static func transfer(_ kind: Kind, _ amount: Money, from: LedgerAccount, to: LedgerAccount)
        -> LedgerTransaction
    {
        LedgerTransaction(
            kind,
            [LedgerPosting(from, Money(minor: -amount.minor, currency: amount.currency)), LedgerPosting(to, amount)])
    }

    /// Per currency, the sum of the postings (all zero when the transaction balances).
    public var totals: [Currency: Int] {
        var totals: [Currency: Int] = [:]
        for posting in postings { totals[posting.amount.currency, default: 0] += posting.amount.minor }
        return totals
    }

    public var isBalanced: Bool { !postings.isEmpty && totals.values.allSatisfy { $0 == 0 } }
}

/// What `Ledger.check` and `Ledger.apply` refuse.
public enum LedgerBreach: Error, Sendable, Hashable, CustomStringConvertible {
    /// Transaction `index` does not sum to zero in `currency` (or has no postings).
    case unbalanced(index: Int, currency: Currency?)
    /// After transaction `index`, `account` holds a negative amount of `currency`.
    case negative(index: Int, account: LedgerAccount, currency: Currency, balance: Int)
    /// A stored balance differs from the sum of the account's postings.
    case balanceMismatch(account: LedgerAccount, currency: Currency, stored: Int, computed: Int)

    public var description: String {
        switch self {
        case .unbalanced(let index, let currency):
            "transaction \(index) does not balance in \(currency?.rawValue ?? "any currency")"
        case .negative(let index, let account, let currency, let balance):
            "after transaction \(index), \(account) holds \(balance) \(currency.rawValue)"
        case .balanceMismatch(let account, let currency, let stored, let computed):
            "\(account) \(currency.rawValue): stored balance \(stored), postings sum to \(computed)"
        }
    }
}

/// Balances built by applying transactions in order.
public struct Ledger: Sendable {
    public private(set) var balances: [LedgerAccount: [Currency: Int]] = [:]
    public private(set) var count = 0

    public init() {}

    public func balance(_ account: LedgerAccount, _ currency: Currency) -> Int {
        balances[account]?[currency] ?? 0
    }

    /// Applies a transaction, or refuses it whole (unbalanced, or an account would go negative).
    public mutating func apply(_ transaction: LedgerTransaction) throws(LedgerBreach) {
        guard transaction.isBalanced else {
            throw .unbalanced(index: count, currency: transaction.totals.first { $0.value != 0 }?.key)
        }
        var next = balances
        for posting in transaction.postings {
            next[posting.account, default: [:]][posting.amount.currency, default: 0] += posting.amount.minor
        }
        for posting in transaction.postings where posting.account.mustNotGoNegative {
            let balance = next[posting.account]?[posting.amount.currency] ?? 0
            if balance < 0 {
                throw .negative(
                    index: count, account: posting.account, currency: posting.amount.currency, balance: balance)
            }
        }
        balances = next
        count += 1
    }

    /// Every breach of the invariants in a history of transactions, and in stored balances
    /// (`stored`, if given) compared with the sums of the postings. Empty when all is well.
    public static func check(
        _ transactions: [LedgerTransaction], stored: [LedgerAccount: [Currency: Int]]? = nil
    ) -> [LedgerBreach] {
        var breaches: [LedgerBreach] = []
        var ledger = Ledger()
        for transaction in transactions {
            do {
                try ledger.apply(transaction)
            } catch {
                breaches.append(error)
                // Keep going with the postings as written, to report every later breach too.
                for posting in transaction.postings {
                    ledger.balances[posting.account, default: [:]][posting.amount.currency, default: 0] +=
                        posting.amount.minor
                }
                ledger.count += 1
            }
        }
        if let stored {
            let accounts = Set(stored.keys).union(ledger.balances.keys).sorted()
            for account in accounts {
                let currencies = Set((stored[account] ?? [:]).keys).union((ledger.balances[account] ?? [:]).keys)
                for currency in currencies.sorted(by: { $0.rawValue < $1.rawValue }) {
                    let saved = stored[account]?[currency] ?? 0
                    let computed = ledger.balance(account, currency)
                    if saved != computed {
                        breaches.append(
                            .balanceMismatch(account: account, currency: currency, stored: saved, computed: computed))
                    }
                }
            }
        }
        return breaches
    }
}
