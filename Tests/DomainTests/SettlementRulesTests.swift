import Foundation
import Testing

@testable import Domain

@Suite("Settlement periods, payouts and CSV")
struct SettlementRulesTests {
    static let rome = TimeZone(identifier: "Europe/Rome")!

    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    static func codes(_ first: String?, _ last: String?, now: String) -> [DomainError.Code] {
        do {
            _ = try SettlementPeriod(first: first, last: last, now: date(now), timeZone: rome)
            return []
        } catch {
            return error.errors.map(\.code)
        }
    }

    @Test("a period is whole days in the platform's time zone, both ends included, and over before it is settled")
    func period() throws {
        let november = try SettlementPeriod(
            first: "2026-11-01", last: "2026-11-30", now: Self.date("2026-12-01T00:00:00Z"), timeZone: Self.rome)
        #expect(november.start == Self.date("2026-10-31T23:00:00Z"))  // midnight in Rome (CET)
        #expect(november.end == Self.date("2026-11-30T23:00:00Z"))
        #expect(november.overlaps(first: "2026-11-30", last: "2026-12-31"))
        #expect(!november.overlaps(first: "2026-12-01", last: "2026-12-31"))
        #expect(november.overlaps(first: "2026-10-01", last: "2026-11-01"))
        // Summer time: the day starts at 22:00 UTC.
        let june = try SettlementPeriod(
            first: "2026-06-15", last: "2026-06-15", now: Self.date("2026-07-01T00:00:00Z"), timeZone: Self.rome)
        #expect(june.start == Self.date("2026-06-14T22:00:00Z") && june.end == Self.date("2026-06-15T22:00:00Z"))

        // Midnight in Rome is 23:00 UTC: at 22:59 UTC the 30th is still open.
        #expect(Self.codes("2026-11-01", "2026-11-30", now: "2026-11-30T22:59:00Z") == [.periodOpen])
        #expect(Self.codes("2026-11-01", "2026-11-30", now: "2026-11-30T23:00:00Z") == [])
        #expect(Self.codes(nil, " ", now: "2026-12-01T00:00:00Z") == [.required, .required])
        #expect(Self.codes("2026-02-30", "2026-13-01", now: "2027-01-01T00:00:00Z") == [.invalidDate, .invalidDate])
        #expect(Self.codes("2026-11-1", "2026-11-30", now: "2027-01-01T00:00:00Z") == [.invalidDate])
        #expect(Self.codes("2026-11-30", "2026-11-01", now: "2027-01-01T00:00:00Z") == [.endBeforeStart])
        #expect(Self.codes("2025-01-01", "2026-01-02", now: "2027-01-01T00:00:00Z") == [.periodTooLong])
        #expect(Self.codes("2024-01-01", "2024-12-31", now: "2027-01-01T00:00:00Z") == [])  // 366 days
        #expect(Self.codes("2025-01-01", "2025-12-31", now: "2027-01-01T00:00:00Z") == [])
    }

    @Test("a payout clears the settled payable and the carried receivable; the difference leaves the platform")
    func payout() throws {
        let (o, s) = (UUID(), UUID())
        let both = try #require(
            Bookings.payout(
                SettlementTotals(admissions: 3, admittedMinor: 3000, carriedVoids: 1, carriedMinor: 1000),
                currency: .eur, organizer: o, method: "bank-transfer", settlement: s))
        #expect(both.transaction.isBalanced)
        #expect(both.reference == "settlement:\(s.ledgerID)")
        #expect(
            Set(both.transaction.postings) == [
                LedgerPosting(.payable(o.ledgerID), Money(minor: -3000, currency: .eur)),
                LedgerPosting(.receivable(o.ledgerID), Money(minor: 1000, currency: .eur)),
                LedgerPosting(.external("bank-transfer"), Money(minor: 2000, currency: .eur)),
            ])
        // Only deductions: the organizer pays the platform back.
        let owed = try #require(
            Bookings.payout(
                SettlementTotals(carriedVoids: 1, carriedMinor: 500), currency: .all, organizer: o, method: "bank",
                settlement: s)
        ).transaction
        #expect(owed.isBalanced && owed.postings.count == 2)
        #expect(owed.postings.contains(LedgerPosting(.external("bank"), Money(minor: -500, currency: .all))))
        // Even: nothing leaves, but the payable and receivable still clear.
        let even = try #require(
            Bookings.payout(
                SettlementTotals(admissions: 1, admittedMinor: 500, carriedVoids: 1, carriedMinor: 500),
                currency: .eur, organizer: o, method: "bank", settlement: s)
        ).transaction
        #expect(even.isBalanced && even.postings.count == 2)
        #expect(Bookings.payout(SettlementTotals(), currency: .eur, organizer: o, method: "bank", settlement: s) == nil)

        // A carried void may take the receivable below zero; the payable never.
        let (f, v, a) = (UUID(), UUID(), UUID())
        var ledger = Ledger()
        try ledger.apply(Bookings.payment(Money(minor: 1000, currency: .eur), provider: "p", fund: f, contribution: a))
        try ledger.apply(Bookings.issue(from: f, vouchers: [(v, Money(minor: 1000, currency: .eur))], contribution: a))
        try ledger.apply(
            Bookings.redemption(Money(minor: 1000, currency: .eur), voucher: v, organizer: o, admission: a))
        try ledger.apply(
            try #require(
                Bookings.payout(
                    SettlementTotals(admissions: 1, admittedMinor: 1000), currency: .eur, organizer: o,
                    method: "bank", settlement: s)))
        #expect(throws: LedgerBreach.self) {
            var copy = ledger
            try copy.apply(
                Bookings.void(
                    Money(minor: 1000, currency: .eur), voucher: v, organizer: o, admission: a, settled: false))
        }
        try ledger.apply(
            Bookings.void(Money(minor: 1000, currency: .eur), voucher: v, organizer: o, admission: a, settled: true))
        #expect(
            ledger.balance(.receivable(o.ledgerID), .eur) == -1000 && ledger.balance(.voucher(v.ledgerID), .eur) == 1000
        )
    }

    @Test("CSV quotes what must be quoted and defuses formulas, but leaves numbers alone")
    func csv() {
        #expect(
            CSVWriter.document([["a", "b,c", "say \"hi\""], ["line\nbreak", "-12.50", "=SUM(A1)"]])
                == "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",-12.50,'=SUM(A1)\r\n")
        #expect(CSVWriter.field("@here") == "'@here" && CSVWriter.field("+39 02") == "'+39 02")
        #expect(CSVWriter.field("Festa, 12") == "\"Festa, 12\"")
    }
}
