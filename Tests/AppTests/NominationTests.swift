import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Partners nominate beneficiaries")
struct NominationTests {
    static let dora = DemoData.dora.uuidString.lowercased()

    static func doraVoucher(_ app: Application, status: VoucherStatus = .issued) async throws -> VoucherModel {
        try #require(
            try await VoucherModel.query(on: app.db).filter(\.$partner.$id == DemoData.dora)
                .filter(\.$status == status).sort(\.$code).first())
    }

    /// The demo coordinator, who reads Albanian (the user's preference wins over the browser's).
    static func coordinator(_ app: Application) async throws -> TestBrowser {
        let browser = TestBrowser(app, acceptLanguage: "en")
        #expect(try await browser.login("partner@mentore.test").status == .seeOther)
        return browser
    }

    @Test("a coordinator gives a voucher by e-mail in Albanian: bound, mailed with its QR, never listed in full")
    func nominateByEmail() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.doraVoucher(app)
            let browser = try await Self.coordinator(app)
            let list = try await browser.get("/partner/\(Self.dora)/vouchers")
            #expect(list.status == .ok)
            #expect(list.contains(VoucherCode.redacted(voucher.code)))
            #expect(!list.contains(voucher.code), "the list never shows a whole code")
            let path = "/partner/\(Self.dora)/vouchers/\(voucher.id!.uuidString.lowercased())/nominate"
            #expect(try await browser.get(path).status == .ok)
            let done = try await browser.post(
                path,
                [
                    ("name", "Drita"), ("email", "drita@example.org"), ("language", "sq"), ("delivery", "email"),
                    ("note", "Kursi i marketingut"),
                ])
            #expect(done.status == .ok)
            #expect(done.contains("vauçeri po niset me e-mail"))
            let bound = try #require(
                try await VoucherModel.query(on: app.db).filter(\.$id == voucher.id!).with(\.$beneficiary).first())
            #expect(bound.status == .nominated)
            #expect(bound.beneficiary?.name == "Drita")
            #expect(bound.beneficiary?.language == "sq")
            let mail = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "drita@example.org").first())
            #expect(mail.language == "sq")
            #expect(mail.subject == "Vauçeri juaj Mentore")
            #expect(mail.textBody.contains("Përshëndetje Drita"))
            #expect(mail.textBody.contains(try VoucherCode(reading: voucher.code).grouped))
            #expect(mail.qrContent == "http://mentore.test/v/\(voucher.code)")
            #expect(try await NominationModel.query(on: app.db).filter(\.$voucher.$id == voucher.id!).count() == 1)

            // The rendered message carries the QR as a PNG attachment that decodes to the voucher.
            var message = MailMessage(
                from: "a@b.c", to: "drita@example.org", subject: mail.subject, text: mail.textBody, language: "sq",
                messageID: "test@mentore")
            message.attachments = [
                .init(
                    filename: "voucher-qr.png", contentType: "image/png",
                    data: try #require(QRCode(mail.qrContent!)).png())
            ]
            let rendered = message.rendered(date: Date())
            #expect(rendered.contains("Content-Type: multipart/mixed"))
            #expect(rendered.contains("Content-Disposition: attachment; filename=\"voucher-qr.png\""))
            if let zbarimg = VoucherTests.zbarimg {
                let png = try #require(Self.attachment(in: rendered))
                #expect(try Self.decode(png, with: zbarimg) == "http://mentore.test/v/\(voucher.code)")
            }
        }
    }

    @Test("a voucher is given once: a second nomination, and ten at the same moment, leave one")
    func exactlyOnce() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.doraVoucher(app)
            let path = "/partner/\(Self.dora)/vouchers/\(voucher.id!.uuidString.lowercased())/nominate"
            var browsers: [TestBrowser] = []
            for _ in 0..<10 {
                let browser = try await Self.coordinator(app)
                _ = try await browser.get("/partner/\(Self.dora)/vouchers")
                browsers.append(browser)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (index, browser) in browsers.enumerated() {
                    group.addTask {
                        try await browser.post(
                            path, [("name", "Person \(index)"), ("language", "it"), ("delivery", "print")]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 9)
            #expect(try await NominationModel.query(on: app.db).filter(\.$voucher.$id == voucher.id!).count() == 1)
            #expect(
                try await BeneficiaryModel.query(on: app.db).count() == 1, "refused nominations leave no person behind")
        }
    }

    @Test("bad nominations are refused with a message beside the field and change nothing")
    func badInput() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.doraVoucher(app)
            let browser = try await Self.coordinator(app)
            let path = "/partner/\(Self.dora)/vouchers/\(voucher.id!.uuidString.lowercased())/nominate"
            _ = try await browser.get(path)
            for (form, message) in [
                ([("name", ""), ("language", "sq"), ("delivery", "print")], "Kjo fushë është e detyrueshme"),
                ([("name", "Ana"), ("language", "fr"), ("delivery", "print")], "Kjo vlerë nuk është e vlefshme"),
                (
                    [("name", "Ana"), ("language", "sq"), ("email", "not-mail"), ("delivery", "email")],
                    "nuk është e vlefshme"
                ),
                ([("name", "Ana"), ("language", "sq"), ("delivery", "email")], "Kjo fushë është e detyrueshme"),
                ([("name", "Ana"), ("language", "sq"), ("delivery", "pigeon")], "Kjo vlerë nuk është e vlefshme"),
            ] {
                let page = try await browser.post(path, form)
                #expect(page.status == .unprocessableEntity)
                #expect(page.contains(message))
            }
            #expect(try await VoucherModel.find(voucher.id, on: app.db)?.status == .issued)
            #expect(try await BeneficiaryModel.query(on: app.db).count() == 0)
        }
    }

    @Test("an unused nomination can be withdrawn once; other partners cannot touch the vouchers")
    func withdrawAndScope() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.doraVoucher(app)
            let id = voucher.id!.uuidString.lowercased()
            let browser = try await Self.coordinator(app)
            _ = try await browser.get("/partner/\(Self.dora)/vouchers/\(id)/nominate")
            _ = try await browser.post(
                "/partner/\(Self.dora)/vouchers/\(id)/nominate",
                [("name", "Besa"), ("language", "sq"), ("delivery", "print")])
            let back = try await browser.post("/partner/\(Self.dora)/vouchers/\(id)/withdraw", [])
            #expect(back.status == .ok)
            #expect(back.contains("Vauçeri u kthye"))
            let fresh = try #require(try await VoucherModel.find(voucher.id, on: app.db))
            #expect(fresh.status == .issued)
            #expect(fresh.$beneficiary.id == nil)
            #expect(try await NominationModel.query(on: app.db).filter(\.$withdrawnAt != nil).count() == 1)
            let again = try await browser.post("/partner/\(Self.dora)/vouchers/\(id)/withdraw", [])
            #expect(again.status == .conflict)

            // A coordinator of another partner is turned away.
            let other = DemoData.iparticipate.uuidString.lowercased()
            #expect(try await browser.get("/partner/\(other)/vouchers").status == .forbidden)
            let mentor = TestBrowser(app)
            _ = try await mentor.login("mentor@mentore.test")
            #expect(try await mentor.get("/partner/\(Self.dora)/vouchers").status == .forbidden)
        }
    }

    /// The first base64 attachment of a rendered multipart message.
    static func attachment(in rendered: String) -> Data? {
        guard let start = rendered.range(of: "filename=\"voucher-qr.png\"\r\n\r\n") else { return nil }
        let rest = rendered[start.upperBound...]
        guard let end = rest.range(of: "\r\n--") else { return nil }
        return Data(base64Encoded: String(rest[..<end.lowerBound]), options: .ignoreUnknownCharacters)
    }

    static func decode(_ png: Data, with zbarimg: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID()).png")
        try png.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--quiet", "--raw", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
