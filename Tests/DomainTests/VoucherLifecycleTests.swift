import Foundation
import Testing

@testable import Domain

@Suite("Voucher lifecycle")
struct VoucherLifecycleTests {
    typealias L = VoucherLifecycle

    @Test("an issued voucher can be nominated, cancelled, refunded or expire, and nothing else")
    func issued() {
        #expect(L.nominate.apply(to: .issued) == .nominated)
        #expect(L.cancel.apply(to: .issued) == .cancelled)
        #expect(L.refund.apply(to: .issued) == .cancelled)
        #expect(L.expire.apply(to: .issued) == .expired)
        #expect(L.admit.apply(to: .issued) == nil, "nobody holds it: nobody can be admitted")
        #expect(L.withdraw.apply(to: .issued) == nil)
    }

    @Test("a nomination can be withdrawn only while nobody has used the voucher")
    func withdraw() {
        #expect(L.withdraw.apply(to: .nominated) == .issued)
        for status in [VoucherStatus.inUse, .completed, .expired, .cancelled] {
            #expect(L.withdraw.apply(to: status) == nil, "\(status)")
        }
    }

    @Test("an admission puts the voucher in use, or completes it at its last step")
    func admissions() {
        #expect(L.admission(completes: false).apply(to: .nominated) == .inUse)
        #expect(L.admission(completes: false).apply(to: .inUse) == .inUse)
        #expect(L.admission(completes: true).apply(to: .inUse) == .completed)
        #expect(L.admission(completes: true).apply(to: .nominated) == .completed)
        for status in [VoucherStatus.issued, .completed, .expired, .cancelled] {
            #expect(L.admit.apply(to: status) == nil, "\(status)")
            #expect(L.complete.apply(to: status) == nil, "\(status)")
        }
    }

    @Test("undoing the admission that completed a voucher reopens it")
    func voidReopens() {
        #expect(L.void(admissionsLeft: true).apply(to: .completed) == .inUse)
        #expect(L.void(admissionsLeft: false).apply(to: .completed) == .nominated)
        #expect(L.void(admissionsLeft: false).apply(to: .inUse) == .nominated, "as before its first admission")
        for status in [VoucherStatus.issued, .nominated, .expired, .cancelled] {
            #expect(L.void(admissionsLeft: false).apply(to: status) == nil, "\(status)")
        }
    }

    @Test("only an unused voucher may expire or be cancelled")
    func expiryAndCancellation() {
        #expect(L.expire.apply(to: .nominated) == .expired)
        #expect(L.expire.apply(to: .inUse) == nil)
        #expect(L.cancel.apply(to: .nominated) == .cancelled)
        #expect(L.cancel.apply(to: .inUse) == nil)
        #expect(L.refund.apply(to: .nominated) == nil, "a voucher given to someone stays valid")
    }

    @Test("expired and cancelled vouchers never move again")
    func finalStatuses() {
        for status in [VoucherStatus.expired, .cancelled] {
            #expect(status.next.isEmpty)
            #expect(L.all.allSatisfy { !$0.allows(status) })
        }
    }

    @Test("the statuses a voucher may move to are exactly those some transition leads to")
    func nextFollowsTransitions() {
        #expect(VoucherStatus.issued.next == [.nominated, .expired, .cancelled])
        #expect(VoucherStatus.nominated.next == [.issued, .inUse, .completed, .expired, .cancelled])
        #expect(VoucherStatus.inUse.next == [.completed, .nominated])
        #expect(VoucherStatus.completed.next == [.inUse, .nominated])
        #expect(VoucherStatus.inUse.canMove(to: .cancelled) == false)
    }
}

@Suite("Voucher and reservation rules")
struct VoucherRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func usable(_ status: VoucherStatus, expires: TimeInterval = 86400) -> DomainError.Code? {
        do throws(DomainError) {
            try VoucherRules.checkUsable(status: status, expiresAt: now.addingTimeInterval(expires), now: now)
            return nil
        } catch { return error.code }
    }

    @Test("a voucher is usable when given to someone and not past its date")
    func usableStatuses() {
        #expect(usable(.nominated) == nil)
        #expect(usable(.inUse) == nil)
        #expect(usable(.issued) == .voucherNotNominated)
        #expect(usable(.expired) == .voucherExpired)
        #expect(usable(.cancelled) == .voucherCancelled)
        #expect(usable(.completed) == .voucherCompleted)
        #expect(usable(.nominated, expires: 0) == .voucherExpired, "its last moment is already too late")
    }

    @Test("a session must start within the voucher's validity and the circuit's window")
    func window() {
        func check(_ start: TimeInterval, from: TimeInterval? = nil, until: TimeInterval? = nil) -> Bool {
            do throws(DomainError) {
                try VoucherRules.checkWindow(
                    start: now.addingTimeInterval(start), voucherExpiresAt: now.addingTimeInterval(100),
                    circuitFrom: from.map(now.addingTimeInterval), circuitUntil: until.map(now.addingTimeInterval))
                return true
            } catch { return false }
        }
        #expect(check(50))
        #expect(check(100), "a session starting as the voucher expires is still within")
        #expect(!check(101))
        #expect(!check(10, from: 20))
        #expect(!check(30, until: 20))
        #expect(check(20, from: 20, until: 20))
    }

    @Test("reservations close the cut-off's hours before the session starts")
    func cutoff() {
        let rules = ReservationRules(cutoffHours: 24)
        let start = now.addingTimeInterval(24 * 3600)
        #expect(rules.closes(sessionStart: start) == now)
        #expect(!rules.isOpen(sessionStart: start, now: now), "closed at the very moment")
        #expect(rules.isOpen(sessionStart: start.addingTimeInterval(1), now: now))
        #expect(rules.earliestStart(now: now) == start)
        #expect(ReservationRules(cutoffHours: 0).isOpen(sessionStart: now.addingTimeInterval(1), now: now))
    }
}

@Suite("Bookings")
struct BookingsTests {
    let eur = Money(minor: 1500, currency: .eur)

    @Test("the undo of an admission is found by the same reference as the admission's booking")
    func reversalsShareReferences() {
        let (voucher, organizer, fund, admission) = (UUID(), UUID(), UUID(), UUID())
        let redemption = Bookings.redemption(eur, voucher: voucher, organizer: organizer, admission: admission)
        for settled in [false, true] {
            let void = Bookings.void(
                eur, voucher: voucher, organizer: organizer, admission: admission, settled: settled)
            #expect(void.reference == redemption.reference && void.kind == .void)
        }
        let completion = Bookings.completion(eur, voucher: voucher, fund: fund, admission: admission)
        #expect(Bookings.completionKey(admission: admission) == (completion.kind, completion.reference))
        let reopening = Bookings.reopening(eur, voucher: voucher, fund: fund, admission: admission)
        #expect(reopening.reference == completion.reference && reopening.kind == .void)
        #expect(completion.reference != redemption.reference, "two business events, two references")
    }

    @Test("each booking is balanced and names its event once")
    func balancedAndDistinct() {
        let (a, b, c) = (UUID(), UUID(), UUID())
        let bookings = [
            Bookings.payment(eur, provider: "demo", fund: a, contribution: b),
            Bookings.issue(from: a, vouchers: [(b, eur), (c, eur)], contribution: b),
            Bookings.reallocation(from: a, voucher: c, value: eur, replacing: b),
            Bookings.redemption(eur, voucher: b, organizer: c, admission: a),
            Bookings.completion(eur, voucher: b, fund: a, admission: a),
            Bookings.cancellation(eur, voucher: b, fund: a),
            Bookings.expiry(eur, voucher: b, fund: a),
            Bookings.refund(eur, fund: a, provider: "stripe", providerReference: "re_1"),
        ]
        #expect(bookings.allSatisfy { $0.transaction.isBalanced })
        let keys = bookings.map { "\($0.kind.rawValue) \($0.reference)" }
        #expect(Set(keys).count == keys.count)
        #expect(bookings.allSatisfy { $0.reference == $0.reference.lowercased() || $0.kind == .refund })
    }
}
