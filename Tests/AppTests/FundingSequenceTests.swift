import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import TestSupport
import Testing
import Vapor

@testable import App

/// Random histories driven through the services themselves (not only the bookings): paid
/// contributions under every rule, nominations, cancellations, expiries with reallocation to
/// waiting lists, and refunds. After every step the ledger's invariants hold and every voucher's
/// balance matches its status. Seeded, so a failure can be replayed.
@Suite("Random funding histories keep the books and the vouchers in step")
struct FundingSequenceTests {
    static let rules: [UnusedValueRule] = [.reallocate, .returnToFund, .refund]

    @Test(
        "random sequences of contributions, nominations, cancellations, expiries and refunds", arguments: [7, 42, 2026])
    func sequences(seed: UInt64) async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            var random = SeededGenerator(seed: seed)
            let mentor = try #require(
                try await UserModel.query(on: app.db).filter(\.$email == "mentor@mentore.test").first())
            let funds = [DemoData.webMarketingFund, DemoData.doraFund, DemoData.generalFund, DemoData.circuitFund]
            var log: [String] = []
            for step in 0..<30 {
                let action = Int.random(in: 0..<6, using: &random)
                switch action {
                case 0:
                    let fund = try #require(try await FundModel.find(funds.randomElement(using: &random)!, on: app.db))
                    let target = try await PlaceTarget.of(fund, on: app.db)
                    let rule = Self.rules.randomElement(using: &random)!
                    let draft = try ContributionDraft(
                        kind: target == nil ? "amount" : "places", places: "\(Int.random(in: 1...3, using: &random))",
                        amount:
                            "\(Int.random(in: 1...4, using: &random) * 40 + Int.random(in: 0...1, using: &random) * 15)",
                        currencyCode: "EUR", anonymous: false, dedication: nil, unusedRule: rule.rawValue,
                        unitPrice: target?.price, currency: .eur,
                        ceiling: Money(minor: 1_000_000, currency: .eur))
                    _ = try await Funding.contribute(
                        draft, fund: fund, places: target, mentorID: mentor.id!, provider: "demo",
                        idempotencyKey: "seq-\(seed)-\(step)", language: "it", app: app, db: app.db)
                    log.append("contribute \(rule.rawValue)")
                case 1:
                    // A partner gives one of its unused vouchers to someone.
                    let free = try await VoucherModel.query(on: app.db).filter(\.$status == .issued)
                        .filter(\.$partner.$id != nil).all()
                    guard let voucher = free.randomElement(using: &random) else { continue }
                    let draft = try NominationDraft(
                        name: "P\(step)", email: nil, language: "sq", note: nil, delivery: "print")
                    _ = try await app.db.writeTransaction { db in
                        try await Nominations.nominate(
                            voucherID: voucher.id!, partnerID: voucher.$partner.id!, draft: draft, by: nil, app: app,
                            on: db)
                    }
                    log.append("nominate")
                case 2:
                    // An admin gives unallocated vouchers to Dora, or someone joins Dora's waiting list.
                    if Bool.random(using: &random) {
                        try await VoucherModel.query(on: app.db).filter(\.$partner.$id == nil)
                            .filter(\.$status == .issued).set(\.$partner.$id, to: DemoData.dora).update()
                        log.append("allocate")
                    } else {
                        let fund = [DemoData.webMarketingFund, DemoData.doraFund].randomElement(using: &random)!
                        try await WaitingEntryModel(
                            partnerID: DemoData.dora, fundID: fund,
                            draft: try NominationDraft(
                                name: "W\(step)", email: nil, language: "it", note: nil, delivery: "print"),
                            addedBy: nil, at: app.mentore.now()
                        ).create(on: app.db)
                        log.append("wait")
                    }
                case 3:
                    let unused = try await VoucherModel.query(on: app.db).filter(\.$status ~~ [.issued, .nominated])
                        .all()
                    guard let voucher = unused.randomElement(using: &random) else { continue }
                    let now = app.mentore.now()
                    let cancelled = try await app.db.writeTransaction { db in
                        try await Refunds.cancel(voucher, now: now, on: db)
                    }
                    #expect(cancelled)
                    log.append("cancel")
                case 4:
                    let unused = try await VoucherModel.query(on: app.db).filter(\.$status ~~ [.issued, .nominated])
                        .all()
                    let due = unused.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
                    guard !due.isEmpty else { continue }
                    try await VoucherModel.query(on: app.db).set(
                        \.$expiresAt, to: app.mentore.now().addingTimeInterval(-1)
                    )
                    .filter(\.$id ~~ due.map { $0.id! }).update()
                    let result = try await Refunds.expire(app: app)
                    #expect(result.expired == due.count)
                    log.append("expire \(result.expired)/\(result.reallocated)")
                default:
                    let paid = try await ContributionModel.query(on: app.db).filter(\.$status == .paid).all()
                    guard let contribution = paid.randomElement(using: &random) else { continue }
                    let refundable = try await Refunds.refundable(contribution, on: app.db)
                    guard refundable > 0 else { continue }
                    let amount = Int.random(in: 1...refundable, using: &random)
                    _ = try await app.db.writeTransaction { db in
                        try await Refunds.book(
                            contribution, refundedTotal: contribution.refundedMinor + amount, provider: "demo",
                            reference: "seq-\(seed)-\(step)", by: nil, app: app, on: db)
                    }
                    log.append("refund \(amount)")
                }
                try await Self.checkInvariants(app, after: log)
            }
            #expect(Set(log.map { $0.split(separator: " ")[0] }).count >= 5, "a history worth the name: \(log)")
        }
    }

    static func checkInvariants(_ app: Application, after log: [String]) async throws {
        let breaches = try await LedgerStore.check(on: app.db)
        #expect(breaches.isEmpty, "ledger breach after \(log): \(breaches)")
        for voucher in try await VoucherModel.query(on: app.db).all() {
            let balance = try await LedgerStore.balance(.voucher(voucher.id!.uuidString), voucher.currency, on: app.db)
            let live: Set<VoucherStatus> = [.issued, .nominated, .inUse]
            let expected = live.contains(voucher.status) ? voucher.valueMinor : 0
            #expect(balance == expected, "voucher \(voucher.status) holds \(balance) after \(log)")
        }
        for contribution in try await ContributionModel.query(on: app.db).all() {
            #expect(contribution.refundedMinor <= contribution.amountMinor, "after \(log)")
            #expect(
                (contribution.status == .refunded)
                    == (contribution.refundedMinor == contribution.amountMinor
                        && contribution.amountMinor > 0),
                "after \(log)")
        }
        // Every reallocated voucher came from an expired one, and nobody waits twice served.
        let served = try await WaitingEntryModel.query(on: app.db).filter(\.$status == .served).all()
        #expect(Set(served.compactMap { $0.$voucher.id }).count == served.count, "after \(log)")
    }
}
