import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Vouchers opened by their code")
struct VoucherTests {
    static func anyVoucher(_ app: Application) async throws -> VoucherModel {
        try #require(try await VoucherModel.query(on: app.db).sort(\.$code).first())
    }

    @Test("a voucher opens by its code, however it is typed, with its QR and what it pays for")
    func opens() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.anyVoucher(app)
            let code = try VoucherCode(reading: voucher.code)
            let browser = TestBrowser(app, acceptLanguage: "en")
            let page = try await browser.get("/v/\(voucher.code)")
            #expect(page.status == .ok)
            #expect(page.contains(code.grouped))
            #expect(page.contains("<svg"))
            #expect(page.contains("QR code of the voucher"))
            #expect(page.contains("Ready to be given to someone"))
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            let sloppy = code.grouped.lowercased().replacingOccurrences(of: "0", with: "o")
                .replacingOccurrences(of: "1", with: "l")
            #expect(try await browser.get("/v/\(sloppy)").status == .ok)
            let typed = try await browser.get("/v?code=\(TestBrowser.encode(" " + sloppy + " "))")
            #expect(typed.status == .seeOther)
            #expect(typed.location == "/v/\(voucher.code)")
            let albanian = try await TestBrowser(app, acceptLanguage: "sq").get("/v/\(voucher.code)")
            #expect(albanian.contains("Vauçeri juaj"))
        }
    }

    @Test("a typo, an unknown code and something that is no code are told apart")
    func refusals() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.anyVoucher(app)
            var characters = Array(voucher.code)
            characters[3] = characters[3] == "A" ? "B" : "A"
            let browser = TestBrowser(app, acceptLanguage: "en")
            let typo = try await browser.get("/v?code=\(String(characters))")
            #expect(typo.status == .unprocessableEntity)
            #expect(typo.contains("typing mistake"))
            var generator = SystemRandomNumberGenerator()
            let stranger = VoucherCode.generate(using: &generator)
            let unknown = try await browser.get("/v/\(stranger.canonical)")
            #expect(unknown.status == .notFound)
            #expect(unknown.contains("There is no voucher with this code"))
            let junk = try await browser.get("/v?code=hello")
            #expect(junk.status == .unprocessableEntity)
            #expect(junk.contains("This is not a voucher code"))
            #expect(try await browser.get("/v/\(voucher.code)/print/a5").status == .notFound)
        }
    }

    @Test("failed look-ups are limited per address, across the database, then even a good code waits")
    func rateLimited() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.anyVoucher(app)
            let browser = TestBrowser(app, acceptLanguage: "en")
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<VoucherController.lookupLimit {
                let status = try await browser.get("/v/\(VoucherCode.generate(using: &generator).canonical)").status
                #expect(status == .notFound)
            }
            let blocked = try await browser.get("/v/\(voucher.code)")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.contains("Too many attempts"))
        }
    }

    @Test("printable vouchers on A6 and A4 carry the code, the QR and the page size")
    func printable() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.anyVoucher(app)
            let grouped = try VoucherCode(reading: voucher.code).grouped
            for size in ["a6", "a4"] {
                let page = try await TestBrowser(app, acceptLanguage: "it").get("/v/\(voucher.code)/print/\(size)")
                #expect(page.status == .ok)
                #expect(page.contains("/css/print-\(size).css"))
                #expect(page.contains(grouped))
                #expect(page.contains("<svg"))
                #expect(page.contains("Mostra questo voucher"))
            }
        }
    }

    @Test(
        "the QR PNG decodes (zbarimg) to the voucher's address and its signed token",
        .enabled(if: VoucherTests.zbarimg != nil))
    func qrDecodes() async throws {
        try await withApp(seed: true) { app async throws in
            let voucher = try await Self.anyVoucher(app)
            var png = Data()
            try await app.testing().test(.GET, "/v/\(voucher.code)/qr.png") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .png)
                png = Data(buffer: response.body)
            }
            let decoded = try NominationTests.decode(png, with: try #require(Self.zbarimg))
            let parts = decoded.components(separatedBy: "#t=")
            #expect(parts.first == "http://mentore.test/v/\(voucher.code)" && parts.count == 2)
            let token = try await DoorTokens.verify(
                try #require(parts.last), at: app.mentore.now(), app: app, on: app.db)
            #expect(token.voucherID == voucher.id)
        }
    }

    /// Debian's zbar-tools (`make test` installs it).
    static let zbarimg: String? = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
}
