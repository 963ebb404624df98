import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Circuit pages: the admin's composer and the public timeline")
struct CircuitPagesTests {
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    @Test("an admin composes a circuit, reorders it, is told what stops publishing, publishes and unpublishes it")
    func compose() async throws {
        try await withApp(seed: true) { app async throws in
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            #expect(try await admin.get(SiteRoute.adminCircuitNew.path).status == .ok)
            let invalid = try await admin.post(
                SiteRoute.adminCircuitNew.path, [("order", "sideways"), ("completionCount", "0"), ("title-it", "")])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.shows(app.mentore.localizer.t("error-invalid-value", in: "it")))
            #expect(try await CircuitModel.query(on: app.db).count() == 1, "only the demo circuit")

            let created = try await admin.post(
                SiteRoute.adminCircuitNew.path,
                [
                    ("order", "strict"), ("completionCount", ""), ("original-language", "it"),
                    ("title-it", "Tessere il futuro"), ("description-it", "Tre tappe."), ("origin-it", "human"),
                    ("title-sq", "Të endësh të ardhmen"), ("origin-sq", "human"),
                ])
            #expect(created.status == .seeOther)
            let circuit = try #require(
                try await CircuitModel.query(on: app.db).filter(\.$id != DemoData.demoCircuit).first())
            let circuitID = try circuit.requireID()
            let steps = SiteRoute.adminCircuitSteps(.value(circuitID)).path
            #expect(try await admin.get(steps).status == .ok)
            let none = try await admin.post(steps, [])
            #expect(none.status == .unprocessableEntity)
            for event in [DemoData.events[3].id, DemoData.events[0].id, DemoData.events[2].id] {
                #expect(try await admin.post(steps, [("events[]", Self.id(event))]).status == .ok)
            }
            // The third step is priced in lek: publishing names the problem and publishes nothing.
            let publish = SiteRoute.adminCircuitPublish(.value(circuitID), action: .value("publish")).path
            let refused = try await admin.post(publish, [])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.shows(app.mentore.localizer.t("error-currency-mismatch", in: "it")))
            #expect(try await CircuitVersionModel.query(on: app.db).filter(\.$circuit.$id == circuitID).count() == 0)

            let ordered = try await CircuitStepModel.query(on: app.db).filter(\.$circuit.$id == circuitID)
                .sort(\.$position).all()
            let remove = SiteRoute.adminCircuitStep(
                .value(circuitID), step: .value(try ordered[2].requireID()), move: .value("remove")
            ).path
            #expect(try await admin.post(remove, []).status == .ok)
            let up = SiteRoute.adminCircuitStep(
                .value(circuitID), step: .value(try ordered[1].requireID()), move: .value("up")
            ).path
            #expect(try await admin.post(up, []).status == .ok)
            let published = try await admin.post(publish, [])
            #expect(published.status == .ok)
            #expect(published.shows(app.mentore.localizer.t("admin-circuit-published", ["version": 1], in: "it")))

            // The public page: the steps in their new order, the value of a place, and no sponsoring yet.
            let visitor = TestBrowser(app, acceptLanguage: "sq")
            let page = try await visitor.get(SiteRoute.circuit(.value(circuitID)).path)
            #expect(page.status == .ok)
            #expect(page.shows("Të endësh të ardhmen"))
            let webMarketing = try #require(page.body.range(of: "Marketing në internet për artizanët"))
            let exhibition = try #require(page.body.range(of: "Ekspozita e tekstilit shqiptar"))
            #expect(webMarketing.lowerBound < exhibition.lowerBound, "web marketing was moved up")
            #expect(page.shows("50,00\u{a0}€"))
            #expect(page.shows(app.mentore.localizer.t("circuit-sponsor-later", in: "sq")))
            #expect(try await visitor.get(SiteRoute.circuits.path).shows("Të endësh të ardhmen"))

            let unpublish = SiteRoute.adminCircuitPublish(.value(circuitID), action: .value("unpublish")).path
            #expect(try await admin.post(unpublish, []).status == .ok)
            #expect(try await visitor.get(SiteRoute.circuit(.value(circuitID)).path).status == .notFound)
        }
    }

    @Test("the demo circuit is published with three steps in order, in each language")
    func demoCircuit() async throws {
        try await withApp(seed: true) { app async throws in
            for (language, title) in [
                ("it", "Dal filo al mercato"), ("sq", "Nga peri te tregu"), ("en", "From craft to market"),
            ] {
                let page = try await TestBrowser(app, acceptLanguage: language).get(
                    SiteRoute.circuit(.value(DemoData.demoCircuit)).path)
                #expect(page.status == .ok)
                #expect(page.shows(title))
                #expect(page.body.components(separatedBy: "class=\"timeline-step\"").count == 4)
            }
            #expect(try await Circuits.currentVersion(DemoData.demoCircuit, on: app.db)?.valueMinor == 8000)
        }
    }

    @Test("a mentor sponsors two places in the demo circuit; the vouchers keep version 1 when the circuit changes")
    func sponsorPlaces() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let circuitPage = SiteRoute.circuit(.value(DemoData.demoCircuit)).path
            let fundPath = SiteRoute.fund(.value(DemoData.circuitFund)).path
            #expect(try await TestBrowser(app).get(circuitPage).contains(fundPath), "the page invites sponsors")
            let mentor = TestBrowser(app, acceptLanguage: "en")
            try await mentor.signUp("circuit-mentor@example.org")
            let form = try await mentor.get(fundPath)
            #expect(form.shows("One place costs €80.00 today"), "a place is the whole path")
            #expect(form.contains(circuitPage))
            let sent = try await mentor.post(
                fundPath + "/contributions",
                FundingTests.contribution([
                    ("kind", "places"), ("places", "2"), ("currency", "EUR"), ("provider", "demo"),
                ]))
            #expect(sent.status == .seeOther)
            let version1 = try #require(try await Circuits.currentVersion(DemoData.demoCircuit, on: app.db))
            let contribution = try #require(
                try await ContributionModel.query(on: app.db).filter(\.$fund.$id == DemoData.circuitFund).first())
            #expect(contribution.amountMinor == 16000)
            #expect(contribution.circuitVersionID == version1.id)
            let vouchers = try await VoucherModel.query(on: app.db)
                .filter(\.$contribution.$id == contribution.requireID()).all()
            #expect(vouchers.count == 2)
            #expect(vouchers.allSatisfy { $0.scope == .circuit && $0.scopeID == version1.id && $0.valueMinor == 8000 })
            #expect(try await TestBrowser(app, acceptLanguage: "en").get(circuitPage).shows("2 places"))
            // The beneficiary's voucher names the circuit.
            let voucher = try await TestBrowser(app, acceptLanguage: "sq").get(
                SiteRoute.voucher(.value(vouchers[0].code)).path)
            #expect(voucher.shows("Nga peri te tregu"))

            // The circuit gains a step and is published again: the vouchers keep version 1.
            try await Circuits.addStep(DemoData.demoCircuit, events: [DemoData.events[4].id], on: app.db)
            let request = Request(application: app, on: app.eventLoopGroup.next())
            #expect(try await Circuits.publish(DemoData.demoCircuit, req: request) == 2)
            let after = try await VoucherModel.query(on: app.db).filter(\.$contribution.$id == contribution.requireID())
                .all()
            #expect(after.allSatisfy { $0.scopeID == version1.id })
            #expect(try await TestBrowser(app, acceptLanguage: "en").get(circuitPage).shows("2 places"))
            try await Fixtures.ledgerIsSound(app)
        }
    }
}
