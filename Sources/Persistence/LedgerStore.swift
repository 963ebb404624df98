import Domain
import FluentKit
import Foundation
import SQLKit

/// The ledger's tables: transactions in the order they were booked, their postings, and a
/// running balance per account and currency that guarded updates keep from going negative.
public enum LedgerStore {
    /// The same business event (kind and reference) was booked before.
    public struct AlreadyBooked: Error, Sendable, Equatable {
        public let kind: String
        public let reference: String
    }

    /// Books `booking` inside the caller's write transaction (`writeTransaction`).
    ///
    /// Throws `LedgerBreach` for an unbalanced transaction or a balance that would go negative,
    /// and `AlreadyBooked` when (kind, reference) exists: the caller's transaction then rolls
    /// back whole. Returns the transaction's number.
    @discardableResult
    public static func post(_ booking: Booking, at date: Date, on db: any Database) async throws -> Int {
        try await post([booking], at: date, on: db)[0]
    }

    /// Books several transactions together (a batch of admissions at the door) inside the
    /// caller's write transaction, in a fixed number of statements whatever their number.
    ///
    /// Balances are updated first, in account order (so two bookings never wait on each other
    /// in opposite orders): each run of accounts that need no guard (credits, and external
    /// accounts) is one upsert, each run of debits of guarded accounts is one conditional
    /// UPDATE that refuses to take a fund, voucher or payable below zero. Only then are the
    /// transactions numbered, in the order given, so the numbers follow the order in which
    /// dependent bookings committed. Throws as `post(_:at:on:)` does; nothing is
    /// booked then (the caller's transaction rolls back).
    @discardableResult
    public static func post(_ bookings: [Booking], at date: Date, on db: any Database) async throws -> [Int] {
        guard !bookings.isEmpty else { return [] }
        for (index, booking) in bookings.enumerated() where !booking.transaction.isBalanced {
            throw LedgerBreach.unbalanced(
                index: bookings.count == 1 ? -1 : index,
                currency: booking.transaction.totals.first { $0.value != 0 }?.key)
        }
        let sql = try sqlDatabase(db)
        var deltas: [LedgerAccount: [Currency: Int]] = [:]
        for posting in bookings.flatMap(\.transaction.postings) {
            deltas[posting.account, default: [:]][posting.amount.currency, default: 0] += posting.amount.minor
        }
        var run: [BalanceChange] = []
        var runIsGuarded = false
        for (account, amounts) in deltas.sorted(by: { $0.key < $1.key }) {
            for (currency, delta) in amounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where delta != 0 {
                let guarded = account.mustNotGoNegative && delta < 0
                if guarded != runIsGuarded, !run.isEmpty {
                    try await apply(run, guarded: runIsGuarded, on: db)
                    run.removeAll()
                }
                runIsGuarded = guarded
                run.append(BalanceChange(account: account, currency: currency, delta: delta))
            }
        }
        try await apply(run, guarded: runIsGuarded, on: db)
        var numbers: [String: Int] = [:]
        for start in stride(from: 0, to: bookings.count, by: rowsPerStatement) {
            var insert = sql.insert(into: "ledger_transactions").columns("kind", "reference", "created_at")
            for booking in bookings[start..<min(start + rowsPerStatement, bookings.count)] {
                insert = insert.values(
                    SQLBind(booking.transaction.kind.rawValue), SQLBind(booking.reference), SQLBind(date))
            }
            for row in try await insert.ignoringConflicts(with: ["kind", "reference"])
                .returning("seq", "kind", "reference").all()
            {
                let kind = try row.decode(column: "kind", as: String.self)
                let reference = try row.decode(column: "reference", as: String.self)
                numbers[kind + "\u{1f}" + reference] = try row.decode(column: "seq", as: Int.self)
            }
        }
        let seqs = try bookings.map { booking in
            let kind = booking.transaction.kind.rawValue
            guard let seq = numbers.removeValue(forKey: kind + "\u{1f}" + booking.reference) else {
                throw AlreadyBooked(kind: kind, reference: booking.reference)
            }
            return seq
        }
        let postings = zip(seqs, bookings).flatMap { seq, booking in booking.transaction.postings.map { (seq, $0) } }
        for start in stride(from: 0, to: postings.count, by: rowsPerStatement) {
            var insert = sql.insert(into: "ledger_postings").columns(
                "transaction_seq", "account", "currency", "amount_minor")
            for (seq, posting) in postings[start..<min(start + rowsPerStatement, postings.count)] {
                insert = insert.values(
                    SQLBind(seq), SQLBind(posting.account.key), SQLBind(posting.amount.currency.rawValue),
                    SQLBind(posting.amount.minor))
            }
            try await insert.run()
        }
        return seqs
    }

    struct BalanceChange {
        var account: LedgerAccount
        var currency: Currency
        var delta: Int
    }

    /// Applies a run of changes: unguarded ones added (rows created as needed), guarded debits
    /// each only if the balance stays at zero or above, all or none (`LedgerBreach` otherwise).
    static func apply(_ changes: [BalanceChange], guarded: Bool, on db: any Database) async throws {
        let sql = try sqlDatabase(db)
        guard guarded else { return try await addUnguarded(changes, on: sql) }
        for start in stride(from: 0, to: changes.count, by: rowsPerStatement) {
            let part = changes[start..<min(start + rowsPerStatement, changes.count)]
            // UPDATE … FROM a VALUES list: one statement whatever the number of accounts; its
            // columns are `column1…` on both SQLite (3.33 and later) and PostgreSQL.
            let values = part.map { change -> SQLQueryString in
                "(\(bind: change.account.key), \(bind: change.currency.rawValue), \(bind: change.delta))"
            }
            let rows = try await sql.raw(
                """
                UPDATE ledger_balances SET balance_minor = ledger_balances.balance_minor + d.column3
                FROM (VALUES \(values.joined(separator: ", "))) AS d
                WHERE ledger_balances.account = d.column1 AND ledger_balances.currency = d.column2
                AND ledger_balances.balance_minor + d.column3 >= 0
                RETURNING ledger_balances.account, ledger_balances.currency
                """
            ).all()
            guard rows.count < part.count else { continue }
            let done = Set(
                try rows.map {
                    try $0.decode(column: "account", as: String.self) + " "
                        + $0.decode(column: "currency", as: String.self)
                })
            let refused = part.first { !done.contains($0.account.key + " " + $0.currency.rawValue) }!
            let current = try await balance(refused.account, refused.currency, on: db)
            throw LedgerBreach.negative(
                index: -1, account: refused.account, currency: refused.currency, balance: current + refused.delta)
        }
    }

    /// What the transaction `key` (kind and reference, from `Bookings`) moved into `account`, or
    /// 0 if there is none.
    public static func amount(
        _ key: (kind: LedgerTransaction.Kind, reference: String), account: LedgerAccount, on db: any Database
    ) async throws -> Int {
        let (kind, reference) = key
        let sql = try sqlDatabase(db)
        let rows = try await sql.select().column(SQLColumn("amount_minor", table: "p"))
            .from(SQLAlias(SQLIdentifier("ledger_postings"), as: SQLIdentifier("p")))
            .join(
                SQLAlias(SQLIdentifier("ledger_transactions"), as: SQLIdentifier("t")), method: SQLJoinMethod.inner,
                on: SQLColumn("transaction_seq", table: "p"), .equal, SQLColumn("seq", table: "t")
            )
            .where(SQLColumn("kind", table: "t"), .equal, SQLBind(kind.rawValue))
            .where(SQLColumn("reference", table: "t"), .equal, SQLBind(reference))
            .where(SQLColumn("account", table: "p"), .equal, SQLBind(account.key))
            .all()
        return try rows.reduce(0) { $0 + (try $1.decode(column: "amount_minor", as: Int.self)) }
    }

    /// Rows per multi-row statement: four values each stays well under SQLite's 32,766 and
    /// PostgreSQL's 65,535 bound parameters.
    static let rowsPerStatement = 1000

    /// Adds each delta to its balance, creating the row if needed, many rows a statement.
    static func addUnguarded(_ changes: [BalanceChange], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: changes.count, by: rowsPerStatement) {
            var insert = sql.insert(into: "ledger_balances").columns("account", "currency", "balance_minor")
            for change in changes[start..<min(start + rowsPerStatement, changes.count)] {
                insert = insert.values(
                    SQLBind(change.account.key), SQLBind(change.currency.rawValue), SQLBind(change.delta))
            }
            try await insert.onConflict(with: ["account", "currency"]) { update in
                update.set(
                    "balance_minor",
                    to: SQLBinaryExpression(
                        SQLColumn("balance_minor", table: "ledger_balances"), .add, SQLExcludedColumn("balance_minor")))
            }.run()
        }
    }

    public static func balance(_ account: LedgerAccount, _ currency: Currency, on db: any Database) async throws -> Int
    {
        let rows = try await sqlDatabase(db).select().column("balance_minor").from("ledger_balances")
            .where("account", .equal, SQLBind(account.key))
            .where("currency", .equal, SQLBind(currency.rawValue))
            .all()
        return try rows.first?.decode(column: "balance_minor", as: Int.self) ?? 0
    }

    /// The balances of several accounts (each in its currency) in one statement; 0 for an
    /// account that has none.
    public static func balances(_ accounts: [(LedgerAccount, Currency)], on db: any Database) async throws
        -> [LedgerAccount: [Currency: Int]]
    {
        guard !accounts.isEmpty else { return [:] }
        let rows = try await sqlDatabase(db).select().columns("account", "currency", "balance_minor")
            .from("ledger_balances").where("account", .in, SQLBind.group(Array(Set(accounts.map(\.0.key)))))
            .all()
        var balances: [LedgerAccount: [Currency: Int]] = [:]
        for (account, currency) in accounts { balances[account, default: [:]][currency] = 0 }
        for row in rows {
            guard let account = LedgerAccount(key: try row.decode(column: "account", as: String.self)),
                let currency = Currency(code: try row.decode(column: "currency", as: String.self)),
                balances[account]?[currency] != nil
            else { continue }
            balances[account]?[currency] = try row.decode(column: "balance_minor", as: Int.self)
        }
        return balances
    }

    /// Every transaction in booking order, with its postings.
    public static func history(on db: any Database) async throws -> [LedgerTransaction] {
        let sql = try sqlDatabase(db)
        let rows = try await sql.select()
            .column(SQLColumn("seq", table: "t")).column(SQLColumn("kind", table: "t"))
            .column(SQLColumn("account", table: "p")).column(SQLColumn("currency", table: "p"))
            .column(SQLColumn("amount_minor", table: "p"))
            .from(SQLAlias(SQLIdentifier("ledger_transactions"), as: SQLIdentifier("t")))
            .join(
                SQLAlias(SQLIdentifier("ledger_postings"), as: SQLIdentifier("p")), method: SQLJoinMethod.left,
                on: SQLColumn("transaction_seq", table: "p"), .equal, SQLColumn("seq", table: "t")
            )
            .orderBy(SQLColumn("seq", table: "t")).orderBy(SQLColumn("id", table: "p"))
            .all()
        var transactions: [LedgerTransaction] = []
        var lastSeq: Int?
        for row in rows {
            let seq = try row.decode(column: "seq", as: Int.self)
            if seq != lastSeq {
                let kind = try row.decode(column: "kind", as: String.self)
                transactions.append(LedgerTransaction(LedgerTransaction.Kind(rawValue: kind) ?? .payment, []))
                lastSeq = seq
            }
            guard let key = try row.decode(column: "account", as: String?.self) else { continue }
            let code = try row.decode(column: "currency", as: String.self)
            let amount = try row.decode(column: "amount_minor", as: Int.self)
            guard let account = LedgerAccount(key: key), let currency = Currency(code: code) else {
                throw LedgerStoreError.unreadable(key + " " + code)
            }
            transactions[transactions.count - 1].postings.append(
                LedgerPosting(account, Money(minor: amount, currency: currency)))
        }
        return transactions
    }

    /// The running balances as stored.
    public static func balances(on db: any Database) async throws -> [LedgerAccount: [Currency: Int]] {
        let rows = try await sqlDatabase(db).select().columns("account", "currency", "balance_minor")
            .from("ledger_balances").all()
        var balances: [LedgerAccount: [Currency: Int]] = [:]
        for row in rows {
            let key = try row.decode(column: "account", as: String.self)
            let code = try row.decode(column: "currency", as: String.self)
            guard let account = LedgerAccount(key: key), let currency = Currency(code: code) else {
                throw LedgerStoreError.unreadable(key + " " + code)
            }
            balances[account, default: [:]][currency] = try row.decode(column: "balance_minor", as: Int.self)
        }
        return balances
    }

    /// Every breach of the ledger's invariants in the database (empty when all is well).
    public static func check(on db: any Database) async throws -> [LedgerBreach] {
        Ledger.check(try await history(on: db), stored: try await balances(on: db))
    }

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw LedgerStoreError.notSQL }
        return sql
    }
}

public enum LedgerStoreError: Error, Sendable {
    case notSQL
    /// A stored account or currency this version cannot read.
    case unreadable(String)
}
