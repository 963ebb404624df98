import Domain
import Fluent
import Foundation
import Localization
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Settlements: each admission paid once, late undos carried over, statements in the organizer's language")
struct SettlementTests {
    /// The platform's calendar (Europe/Rome), in which periods are whole days.
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Formatting.platformTimeZone
        return calendar
    }

    static func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func scanner(_ app: Application) async throws -> Door.Scanner {
        let token = try await DoorTests.device(app)
        return try Door.Scanner.device(
            try await DoorDeviceModel.query(on: app.db).filter(\.$tokenHash == SecureToken.hash(token)).first()
                .orNotFound())
    }

    static func admit(_ app: Application, _ voucher: VoucherModel, _ session: EventSessionModel, _ door: Door.Scanner)
        async throws -> RedemptionModel
    {
        guard
            case .admitted(let redemption, _) = try await TestDoor.admit(
                code: voucher.code, sessionID: session.requireID(), scanner: door, app: app)
        else { throw DomainError(.conflict) }
        return redemption
    }

    static func balance(_ app: Application, _ account: LedgerAccount) async throws -> Int {
        try await LedgerStore.balance(account, .eur, on: app.db)
    }

    /// Two Dritas admitted at the demo circuit's first session: the first early, the second just
    /// before midnight (its undo window runs into the next day). Returns the clock's midnight.
    static func twoAdmissions(_ app: Application, clock: NIOLockedValueBox<Date>) async throws -> (
        first: RedemptionModel, second: RedemptionModel, session: EventSessionModel, midnight: Date,
        door: Door.Scanner
    ) {
        let vouchers = try await JourneyTests.circuitVouchers(app, count: 2)
        let session = try await JourneyTests.sessions(app)[0][0]
        for voucher in vouchers {
            _ = try await Journeys.reserve(
                voucherID: voucher.requireID(), sessionID: session.requireID(), app: app, on: app.db)
        }
        let door = try await Self.scanner(app)
        let midnight = Self.calendar.date(
            byAdding: .day, value: 1, to: Self.calendar.startOfDay(for: session.startsAt))!
        clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
        let first = try await Self.admit(app, vouchers[0], session, door)
        clock.withLockedValue { $0 = midnight.addingTimeInterval(-180) }
        let second = try await Self.admit(app, vouchers[1], session, door)
        return (first, second, session, midnight, door)
    }

    @Test("a settlement takes each admission of an ended period once; paying it books the payout once")
    func settleAndPay() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (first, second, session, midnight, _) = try await Self.twoAdmissions(app, clock: clock)
            let price = first.amountMinor
            #expect(price > 0 && second.amountMinor == price)
            let organizer = DemoData.slowMill.uuidString
            #expect(try await Self.balance(app, .payable(organizer)) == 2 * price)

            let admin = TestBrowser(app, acceptLanguage: "en")
            _ = try await admin.login("admin@mentore.test")
            let t = { (key: String) in app.mentore.localizer.t(key, [:], in: "it") }
            let path = SiteRoute.adminSettlements.path
            let form = { (first: String, last: String) in
                [("organizer", DemoData.slowMill.uuidString), ("first", first), ("last", last)]
            }
            let day = Self.day(session.startsAt)
            #expect(try await admin.get(path).status == .ok)

            // Bad input: each refused with its message, nothing created.
            let open = try await admin.post(path, form(day, day))
            #expect(open.status == .unprocessableEntity && open.shows(t("error-period-open")))
            #expect(try await admin.post(path, form("", day)).shows(t("error-required")))
            #expect(try await admin.post(path, form("2026-02-30", day)).shows(t("error-invalid-date")))
            #expect(try await admin.post(path, form("2020-02-01", "2020-01-01")).shows(t("error-end-before-start")))
            #expect(try await admin.post(path, form("2020-01-01", "2021-06-01")).shows(t("error-period-too-long")))
            let nobody = try await admin.post(path, [("organizer", "x"), ("first", day), ("last", day)])
            #expect(nobody.status == .unprocessableEntity)
            #expect(try await SettlementModel.query(on: app.db).count() == 0)

            // After midnight the day is over: one settlement with both admissions.
            clock.withLockedValue { $0 = midnight.addingTimeInterval(120) }
            let made = try await admin.post(path, form(day, day))
            #expect(made.status == .created)
            let settlement = try #require(try await SettlementModel.query(on: app.db).first())
            #expect(settlement.admissions == 2 && settlement.admittedMinor == 2 * price && settlement.carriedVoids == 0)
            let settled = try await RedemptionModel.query(on: app.db).filter(\.$settlementID == settlement.id).count()
            #expect(settled == 2)

            // The same days again, or overlapping: refused; a period without admissions: nothing to settle.
            let again = try await admin.post(path, form(day, day))
            #expect(again.status == .conflict && again.shows(t("error-settlement-overlaps")))
            let before = Self.day(session.startsAt.addingTimeInterval(-86400 * 3))
            let empty = try await admin.post(path, form(before, before))
            #expect(empty.status == .unprocessableEntity && empty.shows(t("error-settlement-empty")))
            #expect(try await SettlementModel.query(on: app.db).count() == 1)

            // Paid, with the bank's reference: payable to the bank, once.
            let id = try settlement.requireID()
            let statement = SiteRoute.organizerSettlement(.value(DemoData.slowMill), settlement: .value(id)).path
            #expect(try await admin.get(statement).shows(t("settlement-mark-paid")))
            let tooLong = try await admin.post(
                SiteRoute.adminSettlementPaid(.value(id)).path, [("reference", String(repeating: "x", count: 101))])
            #expect(tooLong.status == .unprocessableEntity && tooLong.shows(t("error-too-long")))
            #expect(try await SettlementModel.find(id, on: app.db)?.paidAt == nil)
            let paid = try await admin.post(SiteRoute.adminSettlementPaid(.value(id)).path, [("reference", "BON-1")])
            #expect(paid.status == .seeOther && paid.location == statement)
            _ = try await admin.post(SiteRoute.adminSettlementPaid(.value(id)).path, [("reference", "BON-2")])
            let stored = try await SettlementModel.find(id, on: app.db).orNotFound()
            #expect(stored.paidAt != nil && stored.paidReference == "BON-1")
            #expect(try await Self.balance(app, .payable(organizer)) == 0)
            #expect(try await Self.balance(app, .external(Settlements.payoutMethod)) == 2 * price)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "pay").count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("an admission undone after its settlement is owed back and deducted by the next settlement")
    func carriedVoid() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (kept, late, session, midnight, door) = try await Self.twoAdmissions(app, clock: clock)
            let organizer = DemoData.slowMill.uuidString
            let price = late.amountMinor

            clock.withLockedValue { $0 = midnight.addingTimeInterval(120) }
            let period = try SettlementPeriod(
                first: Self.day(session.startsAt), last: Self.day(session.startsAt), now: now(),
                timeZone: Formatting.platformTimeZone)
            let first = try #require(
                try await app.db.writeTransaction { db in
                    try await Settlements.create(
                        organizerID: DemoData.slowMill, period: period, createdBy: "test", at: now(), on: db)
                }.first)
            _ = try await app.db.writeTransaction { db in
                try await Settlements.markPaid(first.requireID(), reference: "", by: "test", at: now(), on: db)
            }
            #expect(try await Self.balance(app, .payable(organizer)) == 0)

            // Undone within its 15 minutes, after the settlement paid it: the voucher gets its
            // value back, owed by the organizer; the payable stays at zero.
            clock.withLockedValue { $0 = midnight.addingTimeInterval(300) }
            _ = try await Door.void(try late.requireID(), reason: "wrong person", scanner: door, app: app, on: app.db)
            #expect(try await Self.balance(app, .payable(organizer)) == 0)
            #expect(try await Self.balance(app, .receivable(organizer)) == -price)
            try await Fixtures.ledgerIsSound(app)

            // The organizer's page shows it waiting to be deducted.
            let manager = TestBrowser(app, acceptLanguage: "en")
            _ = try await manager.login("organizer@mentore.test")
            let mine = try await manager.get(SiteRoute.organizerSettlements(.value(DemoData.slowMill)).path)
            #expect(mine.status == .ok)
            let owed = Formatting(language: "it", timeZone: .gmt).money(minor: -price, currency: "EUR", minorUnits: 2)
            #expect(mine.shows(owed), "the deduction waits in the month it was undone")
            #expect(!mine.shows(app.mentore.localizer.t("settlements-pending-empty", [:], in: "it")))

            // The next period carries it: nothing admitted, one deduction, the organizer owes.
            let next = Self.day(midnight.addingTimeInterval(3600))
            clock.withLockedValue { $0 = midnight.addingTimeInterval(86400 + 600) }
            let nextPeriod = try SettlementPeriod(
                first: next, last: next, now: now(), timeZone: Formatting.platformTimeZone)
            let second = try #require(
                try await app.db.writeTransaction { db in
                    try await Settlements.create(
                        organizerID: DemoData.slowMill, period: nextPeriod, createdBy: "test", at: now(), on: db)
                }.first)
            #expect(second.admissions == 0 && second.carriedVoids == 1 && second.totals.netMinor == -price)
            let redemption = try await RedemptionModel.find(late.requireID(), on: app.db).orNotFound()
            #expect(redemption.settlementID == first.id && redemption.voidSettlementID == second.id)
            _ = try await app.db.writeTransaction { db in
                try await Settlements.markPaid(second.requireID(), reference: "", by: "test", at: now(), on: db)
            }
            #expect(try await Self.balance(app, .receivable(organizer)) == 0)
            #expect(try await Self.balance(app, .external(Settlements.payoutMethod)) == price)
            #expect(try await RedemptionModel.find(kept.requireID(), on: app.db)?.voidSettlementID == nil)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("the statement and its CSV speak the organizer's language, whoever reads them; strangers see nothing")
    func statement() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let voucher = try #require(try await JourneyTests.circuitVouchers(app).first)
            let session = try await JourneyTests.sessions(app)[0][0]
            _ = try await Journeys.reserve(
                voucherID: voucher.requireID(), sessionID: session.requireID(), app: app, on: app.db)
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let redemption = try await Self.admit(app, voucher, session, try await Self.scanner(app))
            let slowMill = try await OrganizerModel.find(DemoData.slowMill, on: app.db).orNotFound()
            slowMill.language = "sq"
            try await slowMill.save(on: app.db)
            clock.withLockedValue { $0 = $0.addingTimeInterval(3 * 86400) }
            let day = Self.day(session.startsAt)
            let settlement = try #require(
                try await app.db.writeTransaction { db in
                    try await Settlements.create(
                        organizerID: DemoData.slowMill,
                        period: try SettlementPeriod(
                            first: day, last: day, now: now(), timeZone: Formatting.platformTimeZone),
                        createdBy: "test", at: now(), on: db)
                }.first)
            let id = try settlement.requireID()
            let sq = { (key: String, args: [String: FTLValue]) in app.mentore.localizer.t(key, args, in: "sq") }

            // The manager reads Italian everywhere else; the statement is in Albanian.
            let manager = TestBrowser(app, acceptLanguage: "it")
            _ = try await manager.login("organizer@mentore.test")
            let path = SiteRoute.organizerSettlement(.value(DemoData.slowMill), settlement: .value(id)).path
            let page = try await manager.get(path)
            #expect(page.status == .ok)
            #expect(page.contains("<html lang=\"sq\""))
            #expect(page.shows(sq("settlement-title", ["number": .string(settlement.number)])))
            #expect(page.shows(sq("settlement-line-admission", [:])))
            #expect(page.shows(SettlementsController.reference(redemption)))
            #expect(!page.shows(sq("settlement-mark-paid", [:])), "only admins mark settlements paid")
            // Asked for in Italian, it is.
            #expect(try await manager.get(path + "?lang=it").contains("<html lang=\"it\""))

            let csv = try await manager.get(
                SiteRoute.organizerSettlementCSV(.value(DemoData.slowMill), settlement: .value(id)).path)
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            let lines = csv.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 3, "header, one admission, the total")
            #expect(lines[0].hasPrefix(sq("column-when", [:]) + ","))
            let amount = Money(minor: redemption.amountMinor, currency: .eur).decimalString
            #expect(lines[1].contains(sq("settlement-line-admission", [:])) && lines[1].hasSuffix(",\(amount),EUR"))
            #expect(lines[2].hasSuffix(",\(amount),EUR"))

            // Door staff, mentors, and other organizers' managers: not theirs.
            let staff = TestBrowser(app, acceptLanguage: "en")
            _ = try await staff.login("door@mentore.test")
            #expect(try await staff.get(path).status == .forbidden)
            let other = OrganizerModel(
                slug: "altrove", name: "Altrove", city: "Torino", description: "", contactEmail: "a@example.org",
                status: .approved, applicantID: nil)
            try await other.create(on: app.db)
            let stranger = TestBrowser(app, acceptLanguage: "en")
            try await stranger.signUp("altrove@example.org")
            let user = try await UserModel.query(on: app.db).filter(\.$email == "altrove@example.org").first()
                .orNotFound()
            try await OrganizerMemberModel(organizerID: other.requireID(), userID: user.requireID(), role: .manager)
                .create(on: app.db)
            #expect(try await stranger.get(path).status == .forbidden)
            let sideways = SiteRoute.organizerSettlement(.value(try other.requireID()), settlement: .value(id)).path
            #expect(try await stranger.get(sideways).status == .notFound)
        }
    }

    @Test("two instances settling the same period at once: one settlement, each admission in it once")
    func concurrentCreation() async throws {
        let (clock, now) = Fixtures.clock()
        try await withTwoApps(now: now, seed: true) { first, second async throws in
            let vouchers = try await JourneyTests.circuitVouchers(first, count: 3)
            let session = try await JourneyTests.sessions(first)[0][0]
            for voucher in vouchers {
                _ = try await Journeys.reserve(
                    voucherID: voucher.requireID(), sessionID: session.requireID(), app: first, on: first.db)
            }
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
            let door = try await Self.scanner(first)
            for voucher in vouchers { _ = try await Self.admit(first, voucher, session, door) }
            clock.withLockedValue { $0 = $0.addingTimeInterval(2 * 86400) }
            let day = Self.day(session.startsAt)
            let admins = (0..<8).map { TestBrowser($0 % 2 == 0 ? first : second, acceptLanguage: "en") }
            for admin in admins {
                _ = try await admin.login("admin@mentore.test")
                _ = try await admin.get(SiteRoute.adminSettlements.path)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<8 {
                    let admin = admins[index]
                    group.addTask {
                        try await admin.post(
                            SiteRoute.adminSettlements.path,
                            [("organizer", DemoData.slowMill.uuidString), ("first", day), ("last", day)]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses.map(\.code))")
            #expect(
                statuses.allSatisfy { $0 == .created || $0 == .conflict || $0 == .unprocessableEntity },
                "\(statuses.map(\.code))")
            let settlements = try await SettlementModel.query(on: first.db).all()
            #expect(settlements.count == 1 && settlements.first?.admissions == 3)
            let ids = Set(try await RedemptionModel.query(on: first.db).all().map(\.settlementID))
            #expect(ids == [settlements.first?.id])
        }
    }
}
