import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Waiting lists and the reallocation of expired vouchers")
struct WaitingListTests {
    static let path = SiteRoute.partnerWaiting(.value(DemoData.dora)).path
    static let webMarketing = DemoData.webMarketingFund.uuidString.lowercased()

    /// Vouchers of a new paid demo contribution to the web-marketing fund, under `rule`.
    static func contribution(_ app: Application, rule: String, places: Int, browser: TestBrowser? = nil)
        async throws -> [VoucherModel]
    {
        let mentor: TestBrowser
        if let browser {
            mentor = browser
        } else {
            mentor = TestBrowser(app, acceptLanguage: "en")
            try await mentor.signUp("rule-\(UUID().uuidString.prefix(8).lowercased())@example.org")
        }
        _ = try await mentor.get(FundingTests.webMarketing)
        let sent = try await mentor.post(
            FundingTests.webMarketing + "/contributions",
            FundingTests.contribution([
                ("kind", "places"), ("places", "\(places)"), ("currency", "EUR"), ("provider", "demo"),
                ("unusedRule", rule),
            ]))
        #expect(sent.status == .seeOther)
        let location = try #require(sent.location)
        let id = try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
        let contribution = try #require(try await ContributionModel.find(id, on: app.db))
        #expect(contribution.unusedRule.rawValue == rule)
        return try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.requireID())
            .sort(\.$code).all()
    }

    static func makeDue(_ app: Application, _ vouchers: [VoucherModel]) async throws {
        try await VoucherModel.query(on: app.db).set(\.$expiresAt, to: app.mentore.now().addingTimeInterval(-60))
            .filter(\.$id ~~ vouchers.map { $0.id! }).update()
    }

    static func waiting(_ app: Application) async throws -> [WaitingEntryModel] {
        try await WaitingEntryModel.query(on: app.db).filter(\.$partner.$id == DemoData.dora).sort(\.$createdAt)
            .all()
    }

    @Test("a coordinator keeps a waiting list: adds, sees the order, takes someone off once")
    func page() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = try await NominationTests.coordinator(app)
            let page = try await browser.get(Self.path)
            #expect(page.status == .ok)
            #expect(page.contains("Lista e pritjes"))
            #expect(page.contains("Elira") && page.contains("Marsela"))
            let added = try await browser.post(
                Self.path,
                [
                    ("fund", Self.webMarketing), ("name", "Besa"), ("language", "sq"), ("delivery", "email"),
                    ("email", "besa@example.org"),
                ])
            #expect(added.status == .ok)
            #expect(added.contains("Besa është në listën e pritjes."))
            let entries = try await Self.waiting(app)
            #expect(entries.map(\.name) == ["Elira", "Marsela", "Besa"])
            #expect(entries.last?.email == "besa@example.org")
            #expect(added.contains("<td translate=\"no\">3</td><td translate=\"no\">Besa</td>"))

            // Bad input changes nothing.
            let general = DemoData.generalFund.uuidString.lowercased()
            for form in [
                [("name", "Ana"), ("language", "sq")],
                [("fund", "nope"), ("name", "Ana"), ("language", "sq")],
                [("fund", general), ("name", ""), ("language", "sq")],
                [("fund", general), ("name", "Ana"), ("language", "fr")],
                [("fund", general), ("name", "Ana"), ("language", "sq"), ("delivery", "email")],
                [("fund", UUID().uuidString), ("name", "Ana"), ("language", "sq")],
            ] {
                let refused = try await browser.post(Self.path, form)
                #expect(refused.status == .unprocessableEntity, "\(form)")
            }
            #expect(try await Self.waiting(app).count == 3)

            let besa = try #require(entries.last?.id)
            let remove = SiteRoute.partnerWaitingRemove(.value(DemoData.dora), entry: .value(besa)).path
            #expect(try await browser.post(remove, []).status == .ok)
            #expect(try await WaitingEntryModel.find(besa, on: app.db)?.status == .removed)
            #expect(try await browser.post(remove, []).status == .conflict)
            // Another partner's coordinator cannot see or touch this list.
            let other = SiteRoute.partnerWaiting(.value(DemoData.iparticipate)).path
            #expect(try await browser.get(other).status == .forbidden)
        }
    }

    @Test("an expired voucher whose mentor chose reallocation becomes a voucher for the first person waiting")
    func reallocation() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let vouchers = try await Self.contribution(app, rule: "reallocate", places: 1)
            let expired = try #require(vouchers.first)
            try await Self.makeDue(app, [expired])
            let fund = DemoData.webMarketingFund.uuidString
            let before = try await LedgerStore.balance(.fund(fund), .eur, on: app.db)

            try await CommandTests().run(VouchersCommand(), ["expire"], app: app)
            #expect(try await VoucherModel.find(expired.id, on: app.db)?.status == .expired)
            let fresh = try #require(
                try await VoucherModel.query(on: app.db).filter(\.$reallocatedFrom == expired.id!).with(\.$beneficiary)
                    .first())
            #expect(fresh.status == .nominated)
            #expect(fresh.beneficiary?.name == "Elira")
            #expect(fresh.$partner.id == DemoData.dora)
            #expect(fresh.valueMinor == expired.valueMinor)
            #expect(fresh.scope == expired.scope && fresh.scopeID == expired.scopeID)
            #expect(fresh.$contribution.id == expired.$contribution.id, "the mentor's impact follows the value")
            #expect(fresh.expiresAt > app.mentore.now())
            #expect(fresh.code != expired.code)
            let entries = try await Self.waiting(app)
            #expect(entries.map(\.status) == [.served, .waiting])
            #expect(entries[0].$voucher.id == fresh.id)
            #expect(try await LedgerStore.balance(.voucher(fresh.id!.uuidString), .eur, on: app.db) == 4000)
            #expect(try await LedgerStore.balance(.fund(fund), .eur, on: app.db) == before)
            // The coordinator is told, in Albanian; the code is never mailed in full to them.
            let mail = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "partner@mentore.test").first())
            #expect(mail.language == "sq")
            #expect(mail.subject == "Një vauçer për Elira, nga lista juaj e pritjes")
            #expect(mail.textBody.contains("Shtypeni nga faqja e vauçerëve"))
            #expect(!mail.textBody.contains(fresh.code))
            #expect(mail.qrContent == nil)
            // Nothing more happens on a second run.
            #expect(try await Refunds.expire(app: app) == .init())
            #expect(try await VoucherModel.query(on: app.db).filter(\.$reallocatedFrom != nil).count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("return to the fund, or nobody waiting: the value stays in the fund and the list is untouched")
    func noReallocation() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let kept = try await Self.contribution(app, rule: "return_to_fund", places: 1)
            try await Self.makeDue(app, kept)
            #expect(try await Refunds.expire(app: app) == .init(expired: 1, reallocated: 0))
            #expect(try await Self.waiting(app).map(\.status) == [.waiting, .waiting])

            // Everybody served or removed: a reallocate voucher's value waits in the fund.
            try await WaitingEntryModel.query(on: app.db).set(\.$status, to: .removed).update()
            let reallocate = try await Self.contribution(app, rule: "reallocate", places: 1)
            try await Self.makeDue(app, reallocate)
            #expect(try await Refunds.expire(app: app) == .init(expired: 1, reallocated: 0))
            #expect(try await VoucherModel.query(on: app.db).filter(\.$reallocatedFrom != nil).count() == 0)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("concurrent expiry runs serve each person on the list once")
    func concurrentRuns() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let vouchers = try await Self.contribution(app, rule: "reallocate", places: 3)
            try await Self.makeDue(app, vouchers)
            let results = try await withThrowingTaskGroup(of: Refunds.Expiry.self) { group in
                for _ in 0..<3 { group.addTask { try await Refunds.expire(app: app, limit: 1) } }
                return try await group.reduce(into: [Refunds.Expiry]()) { $0.append($1) }
            }
            #expect(results.map(\.expired).reduce(0, +) == 3)
            #expect(results.map(\.reallocated).reduce(0, +) == 2, "two people were waiting")
            let entries = try await Self.waiting(app)
            #expect(entries.map(\.status) == [.served, .served])
            #expect(Set(entries.compactMap { $0.$voucher.id }).count == 2)
            #expect(try await VoucherModel.query(on: app.db).filter(\.$reallocatedFrom != nil).count() == 2)
            try await Fixtures.ledgerIsSound(app)
        }
    }
}
