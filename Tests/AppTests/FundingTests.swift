import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Funds, contributions, vouchers and the ledger")
struct FundingTests {
    static let providers = ["PAYMENT_PROVIDERS": "demo,bank-transfer"]
    static let webMarketing = "/funds/\(DemoData.webMarketingFund.uuidString.lowercased())"
    static let general = "/funds/\(DemoData.generalFund.uuidString.lowercased())"

    /// The contribution form of a fund page, as a mentor would send it.
    static func contribution(_ fields: [(String, String)], key: String = UUID().uuidString) -> [(String, String)] {
        fields + [("idempotencyKey", key)]
    }

    static func count<M: Model>(_ model: M.Type, on db: any Database) async throws -> Int {
        try await M.query(on: db).count()
    }

    /// A mentor (reading Italian) who chose to give 40 € to the general fund by bank transfer,
    /// and the contribution waiting for it.
    static func pendingTransfer(_ app: Application, email: String, rule: String = "reallocate") async throws -> (
        TestBrowser, ContributionModel
    ) {
        let mentor = TestBrowser(app, acceptLanguage: "it")
        try await mentor.signUp(email)
        _ = try await mentor.get(general)
        let sent = try await mentor.post(
            general + "/contributions",
            contribution([
                ("kind", "amount"), ("amount", "40"), ("currency", "EUR"), ("provider", "bank-transfer"),
                ("unusedRule", rule),
            ]))
        let id = try #require(sent.location?.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
        return (mentor, try #require(try await ContributionModel.find(id, on: app.db)))
    }

    @Test("a mentor sponsors places with the demo provider: paid at once, one voucher a place, booked")
    func sponsorPlaces() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            try await browser.signUp("giver@example.org")
            let page = try await browser.get(Self.webMarketing)
            #expect(page.contains("Demonstration: payments here are not real"))
            let before = try await Self.count(VoucherModel.self, on: app.db)
            let sent = try await browser.post(
                Self.webMarketing + "/contributions",
                Self.contribution([
                    ("kind", "places"), ("places", "2"), ("currency", "EUR"), ("provider", "demo"),
                    ("unusedRule", "reallocate"), ("dedication", "Per Drita"),
                ]))
            #expect(sent.status == .seeOther)
            let location = try #require(sent.location)
            let receipt = try await browser.get(location)
            #expect(receipt.contains("Paid in demonstration mode"))
            #expect(receipt.contains("2 vouchers issued"))
            let contribution = try #require(
                try await ContributionModel.query(on: app.db).filter(\.$dedication == "Per Drita").first())
            #expect(contribution.status == .paid)
            #expect(contribution.amountMinor == 8000, "2 × 40 € locked at contribution time")
            #expect(contribution.unitPriceMinor == 4000)
            let vouchers = try await VoucherModel.query(on: app.db)
                .filter(\.$contribution.$id == contribution.requireID()).all()
            #expect(vouchers.count == 2)
            #expect(try await Self.count(VoucherModel.self, on: app.db) == before + 2)
            for voucher in vouchers {
                #expect(voucher.valueMinor == 4000)
                #expect(voucher.scope == .event)
                #expect(voucher.scopeID == DemoData.events[0].id)
                #expect((try? VoucherCode(reading: voucher.code)) != nil)
                #expect(try await LedgerStore.balance(.voucher(voucher.id!.uuidString), .eur, on: app.db) == 4000)
            }
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("a double-submitted form makes one contribution; the same key with another request is refused")
    func idempotency() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            try await browser.signUp("twice@example.org")
            _ = try await browser.get(Self.general)
            let key = UUID().uuidString
            let form = Self.contribution(
                [("kind", "amount"), ("amount", "80"), ("currency", "EUR"), ("provider", "demo")], key: key)
            let first = try await browser.post(Self.general + "/contributions", form)
            let second = try await browser.post(Self.general + "/contributions", form)
            #expect(first.status == .seeOther)
            #expect(second.location == first.location, "the retry lands on the same contribution")
            let mine = try await ContributionModel.query(on: app.db).filter(\.$idempotencyKey == key).all()
            #expect(mine.count == 1)
            #expect(
                try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == mine[0].requireID()).count() == 2
            )

            let changed = try await browser.post(
                Self.general + "/contributions",
                Self.contribution(
                    [("kind", "amount"), ("amount", "90"), ("currency", "EUR"), ("provider", "demo")], key: key))
            #expect(changed.status == .unprocessableEntity)
            #expect(changed.shows(app.mentore.localizer.t("error-idempotency-mismatch", in: "en")))
            #expect(try await ContributionModel.query(on: app.db).filter(\.$idempotencyKey == key).count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("20 concurrent submissions with one idempotency key make exactly one paid contribution")
    func concurrentSubmissions() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let fund = try #require(try await FundModel.find(DemoData.generalFund, on: app.db))
            let mentor = DemoData.users[1].id
            let draft = try ContributionDraft(
                kind: "amount", places: nil, amount: "120", currencyCode: "EUR", anonymous: false, dedication: nil,
                unusedRule: nil, unitPrice: nil, currency: .eur, ceiling: Money(minor: 1_000_000, currency: .eur))
            let ids = try await withThrowingTaskGroup(of: UUID.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await Funding.contribute(
                            draft, fund: fund, places: nil, mentorID: mentor, provider: "demo",
                            idempotencyKey: "concurrent-key-1", language: "it", app: app, db: app.db
                        ).requireID()
                    }
                }
                return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            let paid = try await ContributionModel.query(on: app.db).filter(\.$idempotencyKey == "concurrent-key-1")
                .all()
            #expect(paid.count == 1)
            #expect(paid.first?.status == .paid)
            #expect(
                try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == paid[0].requireID()).count() == 3
            )
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("a bank transfer waits with its reference; a wrong amount is refused; the right one pays once")
    func bankTransfer() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let mentor = TestBrowser(app, acceptLanguage: "it")
            try await mentor.signUp("bonifico@example.org")
            _ = try await mentor.get(Self.general)
            let sent = try await mentor.post(
                Self.general + "/contributions",
                Self.contribution([
                    ("kind", "amount"), ("amount", "40,00"), ("currency", "EUR"), ("provider", "bank-transfer"),
                ]))
            let location = try #require(sent.location)
            let pending = try await mentor.get(location)
            let contribution = try #require(
                try await ContributionModel.query(on: app.db).filter(\.$provider == "bank-transfer").first())
            #expect(contribution.status == .pending)
            #expect(pending.contains(contribution.paymentReference))
            #expect(pending.contains("IT60 X054 2811 1010 0000 0123 456"))
            #expect(pending.contains("In attesa di pagamento"))
            #expect(
                try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.requireID()).count()
                    == 0)

            let admin = TestBrowser(app, acceptLanguage: "en")
            _ = try await admin.login("admin@mentore.test")
            let path = "/admin/contributions/\(try contribution.requireID().uuidString.lowercased())/transfer"
            _ = try await admin.get(path)
            let wrong = try await admin.post(path, [("amount", "39.99"), ("bankReference", "CRO 123")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.shows("L'importo ricevuto è diverso"))
            #expect(try await ContributionModel.find(contribution.id, on: app.db)?.status == .pending)
            let right = try await admin.post(path, [("amount", "40"), ("bankReference", "CRO 123")])
            #expect(right.status == .ok)
            #expect(right.contains("Bonifico registrato"))
            let again = try await admin.post(path, [("amount", "40"), ("bankReference", "CRO 123")])
            #expect(again.contains("era già pagato"))
            #expect(try await ContributionModel.find(contribution.id, on: app.db)?.status == .paid)
            #expect(
                try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.requireID()).count()
                    == 1)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "record-transfer").count() == 1)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test(
        "bad contributions get a localized error and change nothing",
        arguments: [
            ([("kind", "amount"), ("amount", "0")], "The amount must be more than zero"),
            ([("kind", "amount"), ("amount", "-5")], "The value cannot be negative"),
            ([("kind", "amount"), ("amount", "10000.01")], "above the limit for one contribution"),
            ([("kind", "amount"), ("amount", "12.345")], "This value is not valid"),
            ([("kind", "amount"), ("amount", "10"), ("currency", "ALL")], "The currency differs from the fund"),
            ([("kind", "places"), ("places", "501")], "Too many places"),
            ([("kind", "amount"), ("amount", "10"), ("provider", "paypal")], "This way of paying is not available"),
            ([("kind", "amount"), ("amount", "10"), ("unusedRule", "keep")], "This value is not valid"),
        ])
    func badInput(fields: [(String, String)], message: String) async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            try await browser.signUp("careful@example.org")
            let path = fields.first { $0.0 == "kind" }?.1 == "places" ? Self.webMarketing : Self.general
            _ = try await browser.get(path)
            let before = try await Self.count(ContributionModel.self, on: app.db)
            var form = fields
            if !form.contains(where: { $0.0 == "provider" }) { form.append(("provider", "demo")) }
            if !form.contains(where: { $0.0 == "currency" }) { form.append(("currency", "EUR")) }
            let page = try await browser.post(path + "/contributions", Self.contribution(form))
            #expect(page.status == .unprocessableEntity)
            #expect(page.shows(message), "\(message)")
            #expect(try await Self.count(ContributionModel.self, on: app.db) == before)
        }
    }

    @Test("a closed fund takes nothing, and the demo provider is off unless configured")
    func closedAndDisabled() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            try await browser.signUp("late@example.org")
            _ = try await browser.get(Self.general)
            let demo = try await browser.post(
                Self.general + "/contributions",
                Self.contribution([("kind", "amount"), ("amount", "10"), ("currency", "EUR"), ("provider", "demo")]))
            #expect(demo.status == .unprocessableEntity, "demo payments are disabled unless configured")
            let fund = try #require(try await FundModel.find(DemoData.generalFund, on: app.db))
            fund.isOpen = false
            try await fund.save(on: app.db)
            let closed = try await browser.post(
                Self.general + "/contributions",
                Self.contribution([
                    ("kind", "amount"), ("amount", "10"), ("currency", "EUR"), ("provider", "bank-transfer"),
                ]))
            #expect(closed.status == .unprocessableEntity)
            #expect(closed.contains("This fund is closed"))
            #expect(
                try await ContributionModel.query(on: app.db).filter(\.$fund.$id == DemoData.generalFund).count() == 0)
        }
    }

    @Test("an admin creates a fund in two languages; bad funds are refused")
    func adminFunds() async throws {
        try await withApp(seed: true) { app async throws in
            let admin = TestBrowser(app, acceptLanguage: "en")
            _ = try await admin.login("admin@mentore.test")
            _ = try await admin.get("/admin/funds/new")
            let empty = try await admin.post("/admin/funds/new", [("currency", "EUR"), ("isOpen", "1")])
            #expect(empty.status == .unprocessableEntity)
            let mismatch = try await admin.post(
                "/admin/funds/new",
                [
                    ("currency", "ALL"), ("event", DemoData.events[0].id.uuidString), ("name-it", "Posti"),
                    ("purpose-it", "Per il corso"),
                ])
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.contains("La valuta è diversa"))
            // Circuit earmarks: an unknown circuit, two earmarks at once, a circuit priced in euro
            // for a fund in lek. Each is refused by name and nothing is saved.
            let circuit = DemoData.demoCircuit.uuidString
            let funds = try await Self.count(FundModel.self, on: app.db)
            let named: [([(String, String)], String, String)] = [
                ([("circuit", UUID().uuidString)], "circuit", "error-invalid-value"),
                (
                    [("circuit", circuit), ("partner", DemoData.dora.uuidString)], "partner",
                    "error-invalid-value"
                ),
                ([("circuit", circuit), ("currency", "ALL")], "currency", "error-currency-mismatch"),
            ]
            for (fields, field, message) in named {
                let refused = try await admin.post(
                    "/admin/funds/new",
                    [("name-it", "Posti"), ("purpose-it", "Per il percorso")] + fields
                        + (fields.contains { $0.0 == "currency" } ? [] : [("currency", "EUR")]))
                #expect(refused.status == .unprocessableEntity, "\(fields)")
                #expect(refused.contains("id=\"\(field)-error\""), "\(fields)")
                #expect(refused.shows(app.mentore.localizer.t(message, in: "it")), "\(fields)")
            }
            #expect(try await Self.count(FundModel.self, on: app.db) == funds)
            let earmarked = try await admin.post(
                "/admin/funds/new",
                [
                    ("currency", "EUR"), ("circuit", circuit), ("name-it", "Posti"), ("purpose-it", "Percorso"),
                    ("isOpen", "1"),
                ])
            #expect(earmarked.status == .seeOther)
            #expect(
                try await FundModel.query(on: app.db).filter(\.$scope == .circuit).filter(
                    \.$scopeID == DemoData.demoCircuit
                )
                .count() == 2)
            let before = try await Self.count(FundModel.self, on: app.db)
            let created = try await admin.post(
                "/admin/funds/new",
                [
                    ("currency", "ALL"), ("faceValue", "2000"), ("name-it", "Fondo Scutari"),
                    ("purpose-it", "Corsi a Scutari"), ("name-sq", "Fondi Shkodër"), ("purpose-sq", "Kurse në Shkodër"),
                    ("original-language", "sq"), ("isOpen", "1"), ("isPublic", "1"),
                ])
            #expect(created.status == .seeOther)
            #expect(try await Self.count(FundModel.self, on: app.db) == before + 1)
            let fund = try #require(
                try await FundModel.query(on: app.db).filter(\.$currency == .all).with(\.$texts).first())
            #expect(fund.faceValueMinor == 2000)
            #expect(fund.originalLanguage == "sq")
            #expect(fund.texts.count == 2)
            // An English reader sees the Italian text (en → it) with a note saying so.
            let page = try await TestBrowser(app, acceptLanguage: "en").get("/funds/\(fund.id!.uuidString)")
            #expect(page.contains("Fondo Scutari"))
            #expect(page.contains("Not yet translated"))
        }
    }

    @Test("mentore ledger check passes on sound books and fails on a tampered posting")
    func ledgerCheckCommand() async throws {
        try await withApp(seed: true) { app async throws in
            #expect(try await LedgerStore.check(on: app.db).isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE ledger_postings SET amount_minor = amount_minor + 1 WHERE id = 1").run()
            let breaches = try await LedgerStore.check(on: app.db)
            #expect(breaches.contains(.unbalanced(index: 0, currency: .eur)))
            #expect(breaches.contains { if case .balanceMismatch = $0 { true } else { false } })
        }
    }

    @Test("guarded balances: 30 concurrent vouchers drawn from a fund with room for 10 give exactly 10")
    func concurrentIssues() async throws {
        try await withApp(seed: true) { app async throws in
            let fund = UUID(uuidString: "0000d000-0000-4000-8000-00000000f00d")!
            let fill = UUID()
            _ = try await app.db.writeTransaction { db in
                try await LedgerStore.post(
                    Bookings.payment(
                        Money(minor: 10_000, currency: .eur), provider: "demo", fund: fund, contribution: fill),
                    at: Date(), on: db)
            }
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        do {
                            _ = try await app.db.writeTransaction { db in
                                try await LedgerStore.post(
                                    Bookings.issue(
                                        from: fund, vouchers: [(UUID(), Money(minor: 1000, currency: .eur))],
                                        contribution: UUID()), at: Date(), on: db)
                            }
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 10)
            #expect(try await LedgerStore.balance(.fund(fund.ledgerID), .eur, on: app.db) == 0)
            // The same business event booked twice is refused.
            await #expect(throws: LedgerStore.AlreadyBooked.self) {
                try await app.db.writeTransaction { db in
                    try await LedgerStore.post(
                        Bookings.payment(
                            Money(minor: 1, currency: .eur), provider: "demo", fund: fund, contribution: fill),
                        at: Date(), on: db)
                }
            }
            #expect(try await LedgerStore.balance(.fund(fund.ledgerID), .eur, on: app.db) == 0)
            try await Fixtures.ledgerIsSound(app)
        }
    }
}
