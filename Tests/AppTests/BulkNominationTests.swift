import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Partners nominate a whole list from a CSV file")
struct BulkNominationTests {
    static let path = SiteRoute.partnerBulkNominate(.value(DemoData.dora)).path

    /// Dora's unused 40 € vouchers (the demo gives two; `extra` euros more buy more).
    static func freeVouchers(_ app: Application, extra: Int = 0) async throws -> (key: String, count: Int) {
        if extra > 0 {
            let mentor = TestBrowser(app, acceptLanguage: "en")
            try await mentor.signUp("bulk-\(UUID().uuidString.prefix(8).lowercased())@example.org")
            let fund = "/funds/\(DemoData.doraFund.uuidString.lowercased())"
            _ = try await mentor.get(fund)
            let sent = try await mentor.post(
                fund + "/contributions",
                FundingTests.contribution([
                    ("kind", "amount"), ("amount", "\(extra)"), ("currency", "EUR"), ("provider", "demo"),
                ]))
            #expect(sent.status == .seeOther)
        }
        let groups = try await Nominations.freeGroups(partnerID: DemoData.dora, on: app.db)
        let group = try #require(groups.first)
        #expect(groups.count == 1)
        return (group.group.key, group.count)
    }

    static func nominated(_ app: Application) async throws -> Int {
        try await VoucherModel.query(on: app.db).filter(\.$partner.$id == DemoData.dora)
            .filter(\.$status == .nominated).count()
    }

    @Test("an uploaded list gives everyone a voucher; e-mails go out in each person's language")
    func upload() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (key, free) = try await Self.freeVouchers(app, extra: 120)
            #expect(free == 5)
            let browser = try await NominationTests.coordinator(app)
            let list = try await browser.get("/partner/\(NominationTests.dora)/vouchers")
            #expect(list.contains(Self.path))
            let form = try await browser.get(Self.path)
            #expect(form.status == .ok)
            #expect(form.contains("enctype=\"multipart/form-data\""))
            #expect(form.contains("type=\"file\""))
            let csv = """
                name,email,language,delivery,note
                Drita,drita@example.org,sq,email,Kursi i marketingut
                Giulia,giulia@example.org,it,email,
                "Mark ""Marco"" B.",,en,print,
                """
            let done = try await browser.postMultipart(
                Self.path, [("group", key)], file: (name: "file", filename: "lista.csv", text: csv))
            #expect(done.status == .ok)
            #expect(done.contains("U bë: 3 persona morën një vauçer."))
            #expect(try await Self.nominated(app) == 3)
            let names = try await BeneficiaryModel.query(on: app.db).sort(\.$name).all().map(\.name)
            #expect(names == ["Drita", "Giulia", "Mark \"Marco\" B."])
            let mails = try await OutboxMessageModel.query(on: app.db).filter(\.$qrContent != nil)
                .sort(\.$recipient).all()
            #expect(mails.map(\.recipient) == ["drita@example.org", "giulia@example.org"])
            #expect(mails.map(\.language) == ["sq", "it"])
            #expect(mails.allSatisfy { $0.qrContent?.hasPrefix("http://mentore.test/v/") == true })
            #expect(try await NominationModel.query(on: app.db).count() == 3)
            #expect(
                try await AuditEventModel.query(on: app.db).filter(\.$action == "nominate").filter(\.$detail == "csv")
                    .count() == 3)
        }
    }

    @Test("a list with problems is refused whole: every problem by row and column, nothing saved")
    func refused() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (key, _) = try await Self.freeVouchers(app)
            let browser = try await NominationTests.coordinator(app)
            _ = try await browser.get(Self.path)
            let csv =
                "name,email,language\nDrita,drita@example.org,sq\nArta,bad-mail,sq\nBesa,,de\nDrita,drita@example.org,it\n"
            let page = try await browser.post(Self.path, [("group", key), ("rows", csv)])
            #expect(page.status == .unprocessableEntity)
            #expect(page.contains("Askush nuk mori vauçer: ka 3 probleme"))
            #expect(page.contains("<td>3</td><td translate=\"no\">email</td>"))
            #expect(page.contains("<td>4</td><td translate=\"no\">language</td>"))
            #expect(page.contains("Ky person gjendet tashmë në një rresht më sipër."))
            #expect(page.contains("Arta,bad-mail,sq"), "the pasted lines are kept for correcting")
            // A wrong header.
            let header = try await browser.post(Self.path, [("group", key), ("rows", "emri,gjuha\nDrita,sq\n")])
            #expect(header.status == .unprocessableEntity)
            #expect(header.contains("Emër kolone i panjohur ose i përsëritur"))
            // More people than free vouchers: nobody gets one.
            let three = "name,language\nA,sq\nB,sq\nC,sq\n"
            let short = try await browser.post(Self.path, [("group", key), ("rows", three)])
            #expect(short.status == .unprocessableEntity)
            #expect(short.contains("Nuk ka mjaftueshëm vauçerë të lirë"))
            // No group, a forged group, nothing pasted.
            let noGroup = try await browser.post(Self.path, [("rows", "name,language\nA,sq\n")])
            #expect(noGroup.status == .unprocessableEntity)
            let forged = try await browser.post(
                Self.path, [("group", "event:\(UUID().uuidString):EUR:4000"), ("rows", "name,language\nA,sq\n")])
            #expect(forged.status == .unprocessableEntity)
            let empty = try await browser.post(Self.path, [("group", key), ("rows", "  ")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.contains("Në skedar nuk ka asnjë person"))

            #expect(try await Self.nominated(app) == 0)
            #expect(try await BeneficiaryModel.query(on: app.db).count() == 0)
            #expect(try await NominationModel.query(on: app.db).count() == 0)
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$qrContent != nil).count() == 0)
        }
    }

    @Test("two uploads at once for the last vouchers: one list gets them all, the other none")
    func concurrentUploads() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let (key, free) = try await Self.freeVouchers(app)
            #expect(free == 2)
            let first = try await NominationTests.coordinator(app)
            let second = try await NominationTests.coordinator(app)
            _ = try await first.get(Self.path)
            _ = try await second.get(Self.path)
            async let a = first.post(Self.path, [("group", key), ("rows", "name,language\nA1,sq\nA2,sq\n")])
            async let b = second.post(Self.path, [("group", key), ("rows", "name,language\nB1,sq\nB2,sq\n")])
            let statuses = try await [a.status, b.status]
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 1)
            let names = Set(try await BeneficiaryModel.query(on: app.db).all().map(\.name))
            #expect(names == ["A1", "A2"] || names == ["B1", "B2"])
            #expect(try await Self.nominated(app) == 2)
        }
    }
}
