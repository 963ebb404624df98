import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Refunds reserved before the provider is asked, booked once")
struct RefundReservationTests {
    /// A card contribution of `places` places, paid through the fake Stripe's webhook.
    static func paidByCard(_ app: Application, _ stripe: FakeStripe, email: String, places: Int) async throws
        -> ContributionModel
    {
        let (_, contribution, _) = try await StripeTests.startCheckout(app, stripe, email: email, places: places)
        let session = try #require(stripe.sessions.first)
        let paid = stripe.completed(session.id)
        _ = try await StripeTests.deliver(app, body: paid.body, signature: paid.signature)
        return try #require(try await ContributionModel.find(contribution.requireID(), on: app.db))
    }

    @Test(
        "while Stripe refunds, the contribution's unheld vouchers can no longer be given to anyone; the books take it all"
    )
    func nominationWhileRefunding() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                // given: a paid card contribution of three places, nobody holding its vouchers
                let contribution = try await Self.paidByCard(app, stripe, email: "attesa-stripe@example.org", places: 3)
                let id = try contribution.requireID()
                let vouchers = try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == id).all()
                #expect(vouchers.count == 3)
                // when: while Stripe works on the refund, a partner nominates one of them (the
                // guarded move a nomination makes)
                let nominated = NIOLockedValueBox<Bool?>(nil)
                stripe.whileRefunding.withLockedValue {
                    $0 = {
                        let moved = try await VoucherStore.transition(
                            vouchers[0].requireID(), VoucherLifecycle.nominate, at: app.mentore.now(), on: app.db)
                        nominated.withLockedValue { $0 = moved }
                    }
                }
                let admin = TestBrowser(app, acceptLanguage: "en")
                _ = try await admin.login("admin@mentore.test")
                let path = SiteRoute.adminContributionRefund(.value(id)).path
                _ = try await admin.get(path)
                let done = try await admin.post(path, [])

                // then: the voucher had been taken back before Stripe was asked; what Stripe
                // gave back is booked in full, once
                #expect(done.status == .ok)
                #expect(nominated.withLockedValue { $0 } == false)
                let refundCall = try #require(stripe.requests.last)
                #expect(refundCall.path == "/v1/refunds")
                #expect(refundCall.form["amount"] == "\(contribution.amountMinor)")
                let after = try #require(try await ContributionModel.find(id, on: app.db))
                #expect(after.refundedMinor == contribution.amountMinor)
                #expect(after.status == .refunded)
                #expect(after.refundReservedMinor == 0)
                #expect(try await RefundModel.query(on: app.db).count() == 1)
                let statuses = try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == id).all()
                    .map(\.status)
                #expect(statuses == [.cancelled, .cancelled, .cancelled])
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }

    @Test("a refund Stripe fails is released: nothing is booked, and the next one goes through")
    func failedRefundReleased() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let contribution = try await Self.paidByCard(app, stripe, email: "guasto@example.org", places: 2)
                let id = try contribution.requireID()
                let admin = TestBrowser(app, acceptLanguage: "en")
                _ = try await admin.login("admin@mentore.test")
                let path = SiteRoute.adminContributionRefund(.value(id)).path
                _ = try await admin.get(path)

                stripe.state.withLockedValue { $0.down = true }
                let failed = try await admin.post(path, [])
                #expect(failed.status == .badGateway)
                #expect(failed.shows(app.mentore.localizer.t("error-provider-unreachable", in: "it")))
                var after = try #require(try await ContributionModel.find(id, on: app.db))
                #expect(after.refundReservedMinor == 0)
                #expect(after.refundReservedAt == nil)
                #expect(after.refundedMinor == 0)
                #expect(after.status == .paid)
                #expect(try await RefundModel.query(on: app.db).count() == 0)
                try await Fixtures.ledgerIsSound(app)

                stripe.state.withLockedValue { $0.down = false }
                let done = try await admin.post(path, [])
                #expect(done.status == .ok)
                after = try #require(try await ContributionModel.find(id, on: app.db))
                #expect(after.refundedMinor == contribution.amountMinor)
                #expect(after.refundReservedMinor == 0)
                #expect(try await RefundModel.query(on: app.db).count() == 1)
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }

    @Test("a second refund while the first waits for Stripe is refused and changes nothing")
    func secondRefundWaits() async throws {
        try await FakeStripe.with { stripe in
            try await withApp(environment: stripe.environment, seed: true) { app async throws in
                let contribution = try await Self.paidByCard(app, stripe, email: "doppio@example.org", places: 2)
                let id = try contribution.requireID()
                let path = SiteRoute.adminContributionRefund(.value(id)).path
                let other = TestBrowser(app, acceptLanguage: "en")
                _ = try await other.login("admin@mentore.test")
                _ = try await other.get(path)
                let second = NIOLockedValueBox<TestBrowser.Page?>(nil)
                stripe.whileRefunding.withLockedValue {
                    $0 = {
                        let page = try await other.post(path, [])
                        second.withLockedValue { $0 = page }
                    }
                }
                let admin = TestBrowser(app, acceptLanguage: "en")
                _ = try await admin.login("admin@mentore.test")
                _ = try await admin.get(path)
                #expect(try await admin.post(path, []).status == .ok)
                let refused = try #require(second.withLockedValue { $0 })
                #expect(refused.status == .conflict)
                #expect(refused.shows(app.mentore.localizer.t("error-refund-under-way", in: "it")))
                #expect(stripe.requests.filter { $0.path == "/v1/refunds" }.count == 1)
                #expect(try await RefundModel.query(on: app.db).count() == 1)
                let after = try #require(try await ContributionModel.find(id, on: app.db))
                #expect(after.refundedMinor == contribution.amountMinor)
                try await Fixtures.ledgerIsSound(app)
            }
        }
    }

    @Test("an admin's refund and a provider's notice of it booked at the same moment on two instances book once")
    func concurrentBookings() async throws {
        try await withTwoApps(environment: FundingTests.providers, seed: true) { first, second in
            let vouchers = try await WaitingListTests.contribution(first, rule: "return_to_fund", places: 2)
            let contributionID = try #require(vouchers.first?.$contribution.id)
            // Its vouchers cancelled (by an admin): its value is loose in the fund, where no
            // voucher's guarded move stands between two bookings.
            for voucher in vouchers {
                let cancelled = try await first.db.writeTransaction { db in
                    try await Refunds.cancel(voucher, now: first.mentore.now(), on: db)
                }
                #expect(cancelled)
            }
            let contribution = try #require(try await ContributionModel.find(contributionID, on: first.db))
            let total = contribution.amountMinor
            // given: sixteen bookings of the same refund at once, half on each instance, each
            // under its own reference (the admin page's, the webhook's)
            let outcomes = try await withThrowingTaskGroup(of: Refunds.Outcome?.self) { group in
                for index in 0..<16 {
                    let app = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        do {
                            return try await app.db.writeTransaction { db in
                                try await Refunds.book(
                                    contribution, refundedTotal: total, provider: "demo", reference: "r-\(index)",
                                    by: nil, app: app, on: db)
                            }
                        } catch let error as DomainError where error.code == .conflict {
                            return nil
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then: one booked it; the others found it booked (or were rolled back)
            #expect(outcomes.filter { $0 == .applied }.count == 1, "\(outcomes)")
            #expect(try await RefundModel.query(on: first.db).count() == 1)
            let after = try #require(try await ContributionModel.find(contributionID, on: first.db))
            #expect(after.refundedMinor == total)
            try await Fixtures.ledgerIsSound(first)
        }
    }
}
