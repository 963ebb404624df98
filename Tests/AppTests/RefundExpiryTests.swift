import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Refunds by bank transfer and in demonstration mode, and voucher expiry")
struct RefundExpiryTests {
    /// A paid demo contribution of `places` places in the web-marketing fund, and its vouchers.
    static func paidDemo(_ app: Application, email: String, places: Int, rule: String = "return_to_fund")
        async throws -> (ContributionModel, [VoucherModel])
    {
        let mentor = TestBrowser(app, acceptLanguage: "en")
        try await mentor.signUp(email)
        _ = try await mentor.get(FundingTests.webMarketing)
        let sent = try await mentor.post(
            FundingTests.webMarketing + "/contributions",
            FundingTests.contribution([
                ("kind", "places"), ("places", "\(places)"), ("currency", "EUR"), ("provider", "demo"),
                // By default expired value stays in the fund (reallocation is WaitingListTests' subject).
                ("unusedRule", rule),
            ]))
        #expect(sent.status == .seeOther)
        let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == email).first())
        let contribution = try #require(
            try await ContributionModel.query(on: app.db).filter(\.$mentor.$id == user.requireID()).first())
        let vouchers = try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.requireID())
            .sort(\.$code).all()
        return (contribution, vouchers)
    }

    static func refundPath(_ contribution: ContributionModel) throws -> String {
        SiteRoute.adminContributionRefund(.value(try contribution.requireID())).path
    }

    @Test("a demo contribution is refunded at once; vouchers given to someone stay valid")
    func demoRefund() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (contribution, vouchers) = try await Self.paidDemo(app, email: "demo-refund@example.org", places: 2)
            try await VoucherModel.query(on: app.db).set(\.$status, to: .nominated).filter(\.$id == vouchers[0].id!)
                .update()
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            let list = try await admin.get(SiteRoute.adminContributions.path)
            #expect(list.contains(try Self.refundPath(contribution)))
            let done = try await admin.post(try Self.refundPath(contribution), [])
            #expect(done.status == .ok)
            #expect(done.shows("Rimborsati 40,00\u{A0}€."))
            let refund = try #require(try await RefundModel.query(on: app.db).first())
            #expect(refund.amountMinor == 4000)
            #expect(refund.provider == "demo")
            let after = try #require(try await ContributionModel.find(contribution.id, on: app.db))
            #expect(after.refundedMinor == 4000)
            #expect(after.status == .paid, "half of it still pays for a nominated place")
            #expect(try await VoucherModel.find(vouchers[0].id, on: app.db)?.status == .nominated)
            #expect(try await VoucherModel.find(vouchers[1].id, on: app.db)?.status == .cancelled)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "refund").count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("a bank refund needs the reference of the transfer sent back, then refunds everything once")
    func bankRefund() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (mentor, contribution) = try await FundingTests.pendingTransfer(app, email: "bank-refund@example.org")
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            // Still pending: nothing to give back yet.
            let early = try await admin.post(try Self.refundPath(contribution), [("bankReference", "CRO 9")])
            #expect(early.status == .conflict)
            #expect(early.shows("Di questo contributo non resta nulla da rimborsare."))

            let transfer = "/admin/contributions/\(try contribution.requireID().uuidString.lowercased())/transfer"
            _ = try await admin.get(transfer)
            _ = try await admin.post(transfer, [("amount", "40"), ("bankReference", "CRO 123")])
            let form = try await admin.get(try Self.refundPath(contribution))
            #expect(form.contains("name=\"bankReference\""))
            let missing = try await admin.post(try Self.refundPath(contribution), [("bankReference", " ")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.shows("Questo campo è obbligatorio."))
            #expect(try await RefundModel.query(on: app.db).count() == 0)

            let done = try await admin.post(try Self.refundPath(contribution), [("bankReference", "CRO 777")])
            #expect(done.status == .ok)
            let refund = try #require(try await RefundModel.query(on: app.db).first())
            #expect(refund.reference == "bank:CRO 777")
            #expect(refund.amountMinor == 4000)
            let after = try #require(try await ContributionModel.find(contribution.id, on: app.db))
            #expect(after.status == .refunded)
            #expect(after.refundedMinor == 4000)
            #expect(
                try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.requireID())
                    .filter(\.$status != .cancelled).count() == 0)
            // The mentor's page says so.
            let page = try await mentor.get(SiteRoute.contribution(.value(try contribution.requireID())).path)
            #expect(page.contains("Rimborsato"))
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("an admin cancels an unused voucher once; its value goes back to the fund; used ones stay")
    func cancelVoucher() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (contribution, vouchers) = try await Self.paidDemo(app, email: "cancel@example.org", places: 2)
            try await VoucherModel.query(on: app.db).set(\.$status, to: .inUse).filter(\.$id == vouchers[1].id!)
                .update()
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            let list = try await admin.get(SiteRoute.adminContributions.path)
            let page = SiteRoute.adminContributionVouchers(.value(contribution.id!)).path
            #expect(list.contains(page))
            let shown = try await admin.get(page)
            let cancel = SiteRoute.adminVoucherCancel(.value(contribution.id!), voucher: .value(vouchers[0].id!)).path
            let inUse = SiteRoute.adminVoucherCancel(.value(contribution.id!), voucher: .value(vouchers[1].id!)).path
            #expect(shown.contains(cancel) && !shown.contains(inUse))
            let fund = DemoData.webMarketingFund.uuidString
            let before = try await LedgerStore.balance(.fund(fund), .eur, on: app.db)
            let done = try await admin.post(cancel, [])
            #expect(done.status == .ok)
            #expect(done.contains("Il voucher è annullato"))
            #expect(try await VoucherModel.find(vouchers[0].id, on: app.db)?.status == .cancelled)
            #expect(try await LedgerStore.balance(.fund(fund), .eur, on: app.db) == before + 4000)
            #expect(try await admin.post(cancel, []).status == .conflict)
            #expect(try await admin.post(inUse, []).status == .conflict)
            #expect(try await VoucherModel.find(vouchers[1].id, on: app.db)?.status == .inUse)
            #expect(try await LedgerStore.balance(.fund(fund), .eur, on: app.db) == before + 4000)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "cancel").count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("an admin gives a contribution's unallocated vouchers to a partner, once, who can then nominate")
    func allocate() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (contribution, vouchers) = try await Self.paidDemo(app, email: "allocate@example.org", places: 3)
            #expect(vouchers.allSatisfy { $0.$partner.id == nil })
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            let page = SiteRoute.adminContributionVouchers(.value(contribution.id!)).path
            let path = SiteRoute.adminContributionAllocate(.value(contribution.id!)).path
            #expect(try await admin.get(page).contains(path))
            let missing = try await admin.post(path, [("partner", "")])
            #expect(missing.status == .unprocessableEntity)
            let unknown = try await admin.post(path, [("partner", UUID().uuidString)])
            #expect(unknown.status == .unprocessableEntity)
            let done = try await admin.post(path, [("partner", DemoData.dora.uuidString.lowercased())])
            #expect(done.status == .ok)
            #expect(done.shows("3 voucher sono ora presso l'associazione."))
            #expect(!done.contains(path), "nothing is left to allocate")
            let again = try await admin.post(path, [("partner", DemoData.iparticipate.uuidString.lowercased())])
            #expect(again.status == .conflict)
            let held = try await VoucherModel.query(on: app.db).filter(\.$id ~~ vouchers.map { $0.id! }).all()
            #expect(held.allSatisfy { $0.$partner.id == DemoData.dora })
            #expect(
                try await Nominations.freeGroups(partnerID: DemoData.dora, on: app.db).contains {
                    $0.group.scope == .event && $0.count == 3
                })
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("mentore vouchers expire: unused vouchers past their date expire once, their value back in the fund")
    func expiry() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (_, vouchers) = try await Self.paidDemo(app, email: "expiry@example.org", places: 3)
            let past = app.mentore.now().addingTimeInterval(-60)
            // 0: issued and past its date, 1: nominated and past its date, 2: in use and past
            // its date (someone is walking it: it does not expire), plus every other voucher.
            try await VoucherModel.query(on: app.db).set(\.$expiresAt, to: past)
                .filter(\.$id ~~ vouchers.map { $0.id! }).update()
            try await VoucherModel.query(on: app.db).set(\.$status, to: .nominated).filter(\.$id == vouchers[1].id!)
                .update()
            try await VoucherModel.query(on: app.db).set(\.$status, to: .inUse).filter(\.$id == vouchers[2].id!)
                .update()
            let fund = DemoData.webMarketingFund.uuidString
            let before = try await LedgerStore.balance(.fund(fund), .eur, on: app.db)

            try await CommandTests().run(VouchersCommand(), ["expire"], app: app)
            let statuses = try await VoucherModel.query(on: app.db).filter(\.$id ~~ vouchers.map { $0.id! })
                .sort(\.$code).all().map(\.status)
            #expect(statuses == [.expired, .expired, .inUse])
            for voucher in vouchers[0...1] {
                #expect(try await LedgerStore.balance(.voucher(voucher.id!.uuidString), .eur, on: app.db) == 0)
            }
            #expect(try await LedgerStore.balance(.fund(fund), .eur, on: app.db) == before + 8000)
            // A second run, or the server's job racing it, finds nothing more.
            #expect(try await Refunds.expire(app: app) == .init())
            #expect(try await LedgerStore.balance(.fund(fund), .eur, on: app.db) == before + 8000)
            await #expect(throws: (any Error).self) {
                try await CommandTests().run(VouchersCommand(), ["expire", "now"], app: app)
            }
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("rule refund: expired value goes back to the mentor by itself, once, and only what expired")
    func refundRule() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (contribution, vouchers) = try await Self.paidDemo(
                app, email: "refund-rule@example.org", places: 3, rule: "refund")
            // Two expire; the third is still valid and stays the mentor's gift.
            try await VoucherModel.query(on: app.db).set(\.$expiresAt, to: app.mentore.now().addingTimeInterval(-60))
                .filter(\.$id ~~ [vouchers[0].id!, vouchers[1].id!]).update()
            let result = try await Refunds.expire(app: app)
            #expect(result.expired == 2)
            #expect(result.refunded == 1)
            let refunds = try await RefundModel.query(on: app.db).filter(\.$contribution.$id == contribution.id!).all()
            #expect(refunds.map(\.amountMinor) == [8000])
            #expect(refunds.first?.provider == "demo")
            let after = try #require(try await ContributionModel.find(contribution.id, on: app.db))
            #expect(after.refundedMinor == 8000)
            #expect(after.status == .paid, "one voucher is still valid")
            #expect(try await VoucherModel.find(vouchers[2].id, on: app.db)?.status == .issued)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "refund-unused").count() == 1)
            // Nothing more is owed: another run (or another instance) refunds nothing.
            #expect(try await Refunds.owedByRule(after, on: app.db) == 0)
            #expect(try await Refunds.expire(app: app) == .init())
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("rule refund with a bank transfer: the admin's list shows what is owed until an admin sends it")
    func refundRuleByBank() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (_, contribution) = try await FundingTests.pendingTransfer(
                app, email: "refund-bank@example.org", rule: "refund")
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            let transfer = "/admin/contributions/\(try contribution.requireID().uuidString.lowercased())/transfer"
            _ = try await admin.get(transfer)
            _ = try await admin.post(transfer, [("amount", "40"), ("bankReference", "CRO 5")])
            try await VoucherModel.query(on: app.db).set(\.$expiresAt, to: app.mentore.now().addingTimeInterval(-60))
                .filter(\.$contribution.$id == contribution.requireID()).update()
            let result = try await Refunds.expire(app: app)
            #expect(result.expired == 1)
            #expect(result.refunded == 0, "a bank transfer is sent by a person")
            let owed = app.mentore.localizer.t(
                "contribution-refund-owed", ["amount": .string("40,00\u{a0}€")], in: "it")
            #expect(try await admin.get(SiteRoute.adminContributions.path).shows(owed))
            let done = try await admin.post(try Self.refundPath(contribution), [("bankReference", "CRO 6")])
            #expect(done.status == .ok)
            #expect(try await admin.get(SiteRoute.adminContributions.path).shows(owed) == false)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("expiry works in batches and concurrent runs expire each voucher once")
    func concurrentExpiry() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (_, vouchers) = try await Self.paidDemo(app, email: "batches@example.org", places: 7)
            try await VoucherModel.query(on: app.db).set(\.$expiresAt, to: app.mentore.now().addingTimeInterval(-1))
                .filter(\.$id ~~ vouchers.map { $0.id! }).update()
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 { group.addTask { try await Refunds.expire(app: app, limit: 2).expired } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts.reduce(0, +) == 7)
            #expect(
                try await VoucherModel.query(on: app.db).filter(\.$id ~~ vouchers.map { $0.id! })
                    .filter(\.$status == .expired).count() == 7)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("stripe needs both its keys: the start is refused otherwise")
    func stripeNeedsKeys() throws {
        #expect(throws: AppConfig.Invalid.self) {
            _ = try AppConfig(environment: ["PAYMENT_PROVIDERS": "stripe", "STRIPE_SECRET_KEY": "sk_test_x"])
        }
        #expect(throws: AppConfig.Invalid.self) {
            _ = try AppConfig(environment: [
                "PAYMENT_PROVIDERS": "stripe", "STRIPE_SECRET_KEY": "sk_test_x", "STRIPE_WEBHOOK_SECRET": "whsec_x",
                "STRIPE_API_BASE": "not a url",
            ])
        }
        let config = try AppConfig(environment: [
            "PAYMENT_PROVIDERS": "stripe", "STRIPE_SECRET_KEY": "sk_test_x", "STRIPE_WEBHOOK_SECRET": "whsec_x",
        ])
        #expect(config.paymentProviders.contains("stripe"))
        #expect(config.stripeAPIBase == "https://api.stripe.com")
    }
}
