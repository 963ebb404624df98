import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Receipts and the mentor's impact")
struct ImpactReceiptTests {
    @Test("a paid contribution has a numbered receipt: e-mailed in the mentor's language and printable")
    func receipt() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let mentor = TestBrowser(app, acceptLanguage: "en")
            try await mentor.signUp("receipt@example.org")
            let vouchers = try await WaitingListTests.contribution(app, rule: "reallocate", places: 2, browser: mentor)
            let contribution = try #require(
                try await ContributionModel.find(try #require(vouchers.first?.$contribution.id), on: app.db))
            // The sign-up's link went to the same address before; the receipt holds no secret.
            let mail = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "receipt@example.org")
                    .filter(\.$holdsSecret == false).first())
            #expect(mail.language == "en")
            #expect(mail.subject == "Your receipt \(contribution.paymentReference) — thank you")
            #expect(mail.textBody.contains("€80.00"))
            #expect(mail.textBody.contains("This was a demonstration"))
            let path = SiteRoute.contributionReceipt(.value(try contribution.requireID())).path
            #expect(mail.textBody.contains("http://mentore.test" + path))

            let page = try await mentor.get(path)
            #expect(page.status == .ok)
            #expect(page.contains("Receipt \(contribution.paymentReference)"))
            #expect(page.contains("€80.00"))
            #expect(page.contains("2 vouchers issued"))
            #expect(page.contains("Demonstration: no money was received"))
            let contributionPage = try await mentor.get(SiteRoute.contribution(.value(contribution.id!)).path)
            #expect(contributionPage.contains(path))

            // Someone else's receipt does not exist for them; an admin sees it (in Italian).
            let stranger = TestBrowser(app, acceptLanguage: "en")
            try await stranger.signUp("stranger@example.org")
            #expect(try await stranger.get(path).status == .notFound)
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            #expect(try await admin.get(path).contains("Ricevuta \(contribution.paymentReference)"))
        }
    }

    @Test("a contribution waiting for a bank transfer has no receipt yet, and no receipt e-mail")
    func noReceiptBeforePayment() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (mentor, contribution) = try await FundingTests.pendingTransfer(app, email: "attesa@example.org")
            #expect(
                try await mentor.get(SiteRoute.contributionReceipt(.value(contribution.id!)).path).status == .notFound)
            // Only the sign-up's link went to the address.
            #expect(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "attesa@example.org")
                    .filter(\.$holdsSecret == false).count() == 0)
        }
    }

    @Test("the impact page counts places, people, use and passed-on value, and never names anyone")
    func impact() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let mentor = TestBrowser(app, acceptLanguage: "en")
            try await mentor.signUp("impact@example.org")
            let empty = try await mentor.get(SiteRoute.mentorImpact.path)
            #expect(empty.status == .ok)
            #expect(empty.contains("No contributions yet"))

            let vouchers = try await WaitingListTests.contribution(app, rule: "reallocate", places: 3, browser: mentor)
            // One given to a person, one expired and passed on to Elira (waiting list), one unused.
            let beneficiary = BeneficiaryModel(
                partnerID: DemoData.dora,
                draft: try NominationDraft(name: "Zana", email: nil, language: "sq", note: nil, delivery: "print"))
            try await beneficiary.create(on: app.db)
            try await VoucherModel.query(on: app.db).set(\.$status, to: .nominated)
                .set(\.$beneficiary.$id, to: beneficiary.id).filter(\.$id == vouchers[0].id!).update()
            try await WaitingListTests.makeDue(app, [vouchers[1]])
            #expect(try await Refunds.expire(app: app) == .init(expired: 1, reallocated: 1))

            let page = try await mentor.get(SiteRoute.mentorImpact.path)
            #expect(page.status == .ok)
            let totals = try #require(
                page.body.range(of: "id=\"h-totals\"").map { String(page.body[$0.lowerBound...]) })
            let firstRow = try #require(totals.components(separatedBy: "<tbody>").dropFirst().first)
            let cells = firstRow.components(separatedBy: "</td>").dropLast().map {
                $0.components(separatedBy: ">").last ?? ""
            }.prefix(10)
            #expect(
                Array(cells) == [
                    "€120.00", "3", "2", "0", "0", "€0.00", "€120.00", "€0.00", "€40.00", "€0.00",
                ])
            #expect(page.contains("Web marketing for artisans"))
            #expect(page.contains("Slow Mill"))
            #expect(!page.contains("Zana") && !page.contains("Elira"), "never a beneficiary's name")
            let dashboard = try await mentor.get(SiteRoute.mentorHome.path)
            #expect(dashboard.contains(SiteRoute.mentorImpact.path))
        }
    }
}
