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

    @Test(
        "erasure reaches the certificate, the door's stored answers and the messages sent for the person, nothing else")
    func eraseEverywhere() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = try await NominationTests.coordinator(app)
            let (person, voucher, page, export, erase) = try await Self.drita(app, browser)
            let id = try person.requireID()
            let alias = Privacy.alias(for: id)
            // Someone nominated with another person's address (the demo mentor's, who has receipts).
            let other = try #require(
                try await VoucherModel.query(on: app.db).filter(\.$partner.$id == DemoData.dora)
                    .filter(\.$status == .issued).sort(\.$code).first())
            let path = "/partner/\(NominationTests.dora)/vouchers/\(other.id!.uuidString.lowercased())/nominate"
            _ = try await browser.get(path)
            _ = try await browser.post(
                path, [("name", "Besa"), ("email", "mentor@mentore.test"), ("language", "it"), ("delivery", "print")])
            let besa = try #require(try await BeneficiaryModel.query(on: app.db).filter(\.$name == "Besa").first())
            let receipts = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "mentor@mentore.test")
                .all()
            #expect(!receipts.isEmpty)
            let besaExport = SiteRoute.partnerBeneficiaryExport(.value(DemoData.dora), beneficiary: .value(besa.id!))
            let besaFile = try Fixtures.json(try await browser.get(besaExport.path))
            #expect((besaFile["messages"] as? [Any])?.isEmpty == true, "the mentor's receipts are not Besa's")
            let dritaFile = try Fixtures.json(try await browser.get(export))
            #expect((dritaFile["messages"] as? [Any])?.count == 1)

            // given: Drita completed a circuit, and the door stored answers naming her
            let version = try #require(try await CircuitVersionModel.query(on: app.db).first())
            let certificate = CertificateModel()
            certificate.code = VoucherCode.generate().canonical
            certificate.$voucher.id = try voucher.requireID()
            certificate.$circuitVersion.id = try version.requireID()
            certificate.holderName = "Drita Hoxha"
            certificate.language = "sq"
            certificate.stepsJSON = try CertificateModel.encode([])
            certificate.issuedAt = app.mentore.now()
            try await certificate.create(on: app.db)
            #expect(
                try await TestBrowser(app).get(SiteRoute.certificate(.value(certificate.code)).path).shows(
                    "Drita Hoxha"))
            func answer(_ voucher: UUID, nonce: String) -> DoorScanModel {
                let scan = DoorScanModel()
                (scan.scanner, scan.nonce, scan.requestHash, scan.status) = ("device:x", nonce, "h", 200)
                scan.response =
                    #"{"message":"Ingresso registrato: Drita Hoxha","redemption":{"holder":"Drita Hoxha","voucher_id":"\#(voucher.uuidString.lowercased())"},"result":"admitted"}"#
                scan.createdAt = app.mentore.now()
                return scan
            }
            try await answer(voucher.requireID(), nonce: "hers").create(on: app.db)
            // A namesake's answer, about another voucher, stays as it is.
            try await answer(other.requireID(), nonce: "namesake").create(on: app.db)

            // when
            _ = try await browser.get(page)
            #expect(try await browser.post(erase, []).status == .ok)

            // then
            let check = try await TestBrowser(app).get(SiteRoute.certificate(.value(certificate.code)).path)
            #expect(check.status == .ok && check.shows(alias) && !check.contains("Drita"))
            let credential = try await TestBrowser(app).get(
                SiteRoute.certificateCredential(.value(certificate.code)).path)
            #expect(credential.status == .ok && !credential.body.contains("Drita"))
            let hers = try #require(try await DoorScanModel.query(on: app.db).filter(\.$nonce == "hers").first())
            #expect(!hers.response.contains("Drita") && hers.response.contains(alias))
            let namesake = try #require(
                try await DoorScanModel.query(on: app.db).filter(\.$nonce == "namesake").first())
            #expect(namesake.response.contains("Drita Hoxha"))
            // Besa's erasure leaves the mentor's mail alone.
            let besaPage = SiteRoute.partnerBeneficiary(.value(DemoData.dora), beneficiary: .value(besa.id!)).path
            _ = try await browser.get(besaPage)
            let besaErase = SiteRoute.partnerBeneficiaryErase(.value(DemoData.dora), beneficiary: .value(besa.id!))
            #expect(try await browser.post(besaErase.path, []).status == .ok)
            let after = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "mentor@mentore.test")
                .all()
            let before = Dictionary(uniqueKeysWithValues: receipts.map { ($0.id!, $0.textBody + $0.status.rawValue) })
            let now = Dictionary(uniqueKeysWithValues: after.map { ($0.id!, $0.textBody + $0.status.rawValue) })
            #expect(now == before)
        }
    }
}
