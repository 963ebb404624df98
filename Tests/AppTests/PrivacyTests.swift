import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("A beneficiary's data: export and erasure")
struct PrivacyTests {
    /// Drita, nominated by e-mail on one of Dora's vouchers, and the paths of her data.
    static func drita(_ app: Application, _ browser: TestBrowser) async throws -> (
        BeneficiaryModel, VoucherModel, page: String, export: String, erase: String
    ) {
        let voucher = try await NominationTests.doraVoucher(app)
        let path = "/partner/\(NominationTests.dora)/vouchers/\(voucher.id!.uuidString.lowercased())/nominate"
        _ = try await browser.get(path)
        _ = try await browser.post(
            path,
            [
                ("name", "Drita Hoxha"), ("email", "drita.hoxha@example.org"), ("language", "sq"),
                ("delivery", "email"), ("note", "Vjen me nënën"),
            ])
        let person = try #require(try await BeneficiaryModel.query(on: app.db).filter(\.$name == "Drita Hoxha").first())
        let id = try person.requireID()
        return (
            person, voucher,
            SiteRoute.partnerBeneficiary(.value(DemoData.dora), beneficiary: .value(id)).path,
            SiteRoute.partnerBeneficiaryExport(.value(DemoData.dora), beneficiary: .value(id)).path,
            SiteRoute.partnerBeneficiaryErase(.value(DemoData.dora), beneficiary: .value(id)).path
        )
    }

    @Test("the partner sees and exports everything held on a person, without whole voucher codes")
    func export() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = try await NominationTests.coordinator(app)
            let (_, voucher, page, export, _) = try await Self.drita(app, browser)
            let list = try await browser.get("/partner/\(NominationTests.dora)/vouchers")
            #expect(list.contains(page))
            let shown = try await browser.get(page)
            #expect(shown.status == .ok)
            #expect(shown.contains("Drita Hoxha") && shown.contains("drita.hoxha@example.org"))
            #expect(shown.contains("Vjen me nënën"))
            let file = try await browser.get(export)
            #expect(file.status == .ok)
            #expect(file.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            let json = try JSONSerialization.jsonObject(with: Data(file.body.utf8)) as? [String: Any]
            let person = try #require(json?["person"] as? [String: Any])
            #expect(person["name"] as? String == "Drita Hoxha")
            #expect(person["email"] as? String == "drita.hoxha@example.org")
            #expect((json?["vouchers"] as? [[String: Any]])?.first?["status"] as? String == "nominated")
            #expect((json?["messages"] as? [[String: Any]])?.count == 1)
            #expect(!file.body.contains(voucher.code), "a voucher code is a bearer secret")
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "export-beneficiary").count() == 1)
        }
    }

    @Test("erasure leaves an alias; vouchers, nominations and the ledger stay; it happens once")
    func erase() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = try await NominationTests.coordinator(app)
            let (person, voucher, page, export, erase) = try await Self.drita(app, browser)
            _ = try await browser.get(page)
            let done = try await browser.post(erase, [])
            #expect(done.status == .ok)
            #expect(done.contains("U bë: të dhënat e personit u fshinë."))
            #expect(!done.contains("Drita Hoxha") && !done.contains("drita.hoxha@example.org"))
            let erased = try #require(try await BeneficiaryModel.find(person.id, on: app.db))
            #expect(erased.name == Privacy.alias(for: person.id!))
            #expect(erased.email == nil && erased.note == nil && erased.erasedAt != nil)
            #expect(try await VoucherModel.find(voucher.id, on: app.db)?.status == .nominated)
            #expect(try await VoucherModel.find(voucher.id, on: app.db)?.$beneficiary.id == person.id)
            #expect(try await NominationModel.query(on: app.db).filter(\.$beneficiary.$id == person.id!).count() == 1)
            // The e-mail waiting in the outbox is emptied and never sent.
            let message = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "erased@invalid").first())
            #expect(message.status == .failed)
            #expect(message.textBody.isEmpty && message.qrContent == nil)
            #expect(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "drita.hoxha@example.org").count()
                    == 0)
            let file = try await browser.get(export)
            #expect(!file.body.contains("Drita"))
            try await Fixtures.ledgerIsSound(app)
            // Once only; and nobody outside the partner may do it.
            _ = try await browser.get(page)
            #expect(try await browser.post(erase, []).status == .conflict)
            let mentor = TestBrowser(app)
            _ = try await mentor.login("mentor@mentore.test")
            #expect(try await mentor.get(page).status == .forbidden)
            let other = SiteRoute.partnerBeneficiary(.value(DemoData.iparticipate), beneficiary: .value(person.id!))
            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            #expect(try await admin.get(other.path).status == .notFound, "the person belongs to Dora e Pajtimit")
            #expect(try await admin.get(page).status == .ok)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "erase-beneficiary").count() == 1)
        }
    }
}
