import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Account safety: resets end what the old password gave, secrets and personal pages are not kept")
struct AccountSafetyTests {
    /// The path of the newest reset link in the outbox for `email`.
    static func resetLink(to email: String, app: Application) async throws -> String? {
        let prefix = app.mentore.config.siteURL + "/password/reset/"
        let messages = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == email)
            .sort(\.$createdAt, .descending).all()
        for message in messages {
            if let link = message.textBody.components(separatedBy: .whitespacesAndNewlines).first(where: {
                $0.hasPrefix(prefix)
            }) {
                return String(link.dropFirst(app.mentore.config.siteURL.count))
            }
        }
        return nil
    }

    static func askReset(_ email: String, app: Application) async throws -> String {
        let browser = TestBrowser(app)
        _ = try await browser.get(SiteRoute.forgotPassword.path)
        #expect(try await browser.post(SiteRoute.forgotPassword.path, [("email", email)]).status == .ok)
        return try #require(try await resetLink(to: email, app: app))
    }

    @Test("a password reset signs out the account's other sessions, revokes its API tokens and its other reset links")
    func resetEndsTheRest() async throws {
        try await withApp(seed: true) { app async throws in
            // given: the mentor signed in elsewhere, with an API token, and two reset links out
            let elsewhere = TestBrowser(app)
            #expect(try await elsewhere.login("mentor@mentore.test").status == .seeOther)
            #expect(try await elsewhere.get(SiteRoute.mentorHome.path).status == .ok)
            let mentor = try #require(
                try await UserModel.query(on: app.db).filter(\.$email == "mentor@mentore.test").first())
            let token = try await PersonalTokens.create(label: "script", userID: mentor.requireID(), app: app)
            let bearer = [("Authorization", "Bearer \(token)")]
            #expect(try await TestBrowser(app).get(SiteRoute.apiContributions.path, headers: bearer).status == .ok)
            let older = try await Self.askReset("mentor@mentore.test", app: app)
            let newer = try await Self.askReset("mentor@mentore.test", app: app)
            #expect(older != newer)

            // when: the newer link sets a new password
            let resetter = TestBrowser(app)
            _ = try await resetter.get(newer)
            let done = try await resetter.post(
                newer, [("password", "a-brand-new-password"), ("confirmation", "a-brand-new-password")])
            #expect(done.status == .seeOther)

            // then: only the browser that reset it is signed in
            #expect(try await resetter.get(SiteRoute.mentorHome.path).status == .ok)
            let signedOut = try await elsewhere.get(SiteRoute.mentorHome.path)
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.location?.hasPrefix("/login") == true)
            #expect(
                try await TestBrowser(app).get(SiteRoute.apiContributions.path, headers: bearer).status
                    == .unauthorized)
            #expect(try await APITokenModel.query(on: app.db).filter(\.$revokedAt == nil).count() == 0)
            #expect(try await TestBrowser(app).get(older).status == .notFound)
            #expect(try await TestBrowser(app).get(newer).status == .notFound)
            // Signing in again with the new password works, and stays signed in.
            let again = TestBrowser(app)
            #expect(try await again.login("mentor@mentore.test", password: "a-brand-new-password").status == .seeOther)
            #expect(try await again.get(SiteRoute.mentorHome.path).status == .ok)
            let old = try await elsewhere.login("mentor@mentore.test")
            #expect(old.status == .unauthorized, "\(old.status) \(old.location ?? "")")
        }
    }

    @Test("a delivered message that holds a secret keeps no body nor QR; other messages keep theirs")
    func secretsClearedAfterDelivery() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentore-secrets-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withApp(seed: true, mailTransport: FileMailTransport(directory: directory.path)) {
            app async throws in
            // The seed's receipts: no secret in them.
            _ = try await MailWorker(app: app).runOnce()
            let link = try await Self.askReset("mentor@mentore.test", app: app)
            let voucher = try await NominationTests.doraVoucher(app)
            let coordinator = try await NominationTests.coordinator(app)
            let path = "/partner/\(NominationTests.dora)/vouchers/\(voucher.id!.uuidString.lowercased())/nominate"
            _ = try await coordinator.get(path)
            let nominated = try await coordinator.post(
                path, [("name", "Drita"), ("email", "drita@example.org"), ("language", "sq"), ("delivery", "email")])
            #expect(nominated.status == .ok)
            let queued = try await OutboxMessageModel.query(on: app.db).filter(\.$holdsSecret == true).all()
            #expect(queued.count == 2)
            #expect(queued.contains { $0.textBody.contains(link) })
            #expect(queued.contains { $0.qrContent != nil && $0.textBody.contains(voucher.code.prefix(4)) })

            #expect(try await MailWorker(app: app).runOnce() == 2)

            let sent = try await OutboxMessageModel.query(on: app.db).filter(\.$holdsSecret == true).all()
            #expect(sent.count == 2)
            for message in sent {
                #expect(message.status == .sent)
                #expect(message.textBody.isEmpty)
                #expect(message.qrContent == nil)
                #expect(!message.subject.isEmpty)
            }
            let receipts = try await OutboxMessageModel.query(on: app.db).filter(\.$holdsSecret == false).all()
            #expect(!receipts.isEmpty)
            #expect(receipts.allSatisfy { $0.status == .sent && !$0.textBody.isEmpty })
            // The reset still works: the link left the table, not the mailbox.
            #expect(try await TestBrowser(app).get(link).status == .ok)
        }
    }

    @Test("HSTS is sent when the site is served over https, and only then")
    func strictTransportSecurity() async throws {
        try await withApp(environment: ["SITE_URL": "https://mentore.test"]) { app async throws in
            let page = try await TestBrowser(app).get("/")
            #expect(page.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
            let file = try await TestBrowser(app).get("/css/site.css")
            #expect(file.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
        }
        try await withApp { app async throws in
            #expect(try await TestBrowser(app).get("/").headers.first(name: "Strict-Transport-Security") == nil)
        }
    }

    @Test("pages with personal data or secrets are never stored by a cache; static files keep their validators")
    func noStore() async throws {
        try await withApp(seed: true) { app async throws in
            let mentor = TestBrowser(app)
            _ = try await mentor.login("mentor@mentore.test")
            let made = try await mentor.post(SiteRoute.accountTokens.path, [("label", "Spreadsheet")])
            #expect(made.status == .created)
            #expect(made.headers.first(name: .cacheControl) == "no-store")
            for path in [SiteRoute.accountTokens.path, SiteRoute.account.path, SiteRoute.mentorImpact.path] {
                #expect(try await mentor.get(path).headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
            let coordinator = try await NominationTests.coordinator(app)
            let vouchers = try await coordinator.get(SiteRoute.partnerVouchers(.value(DemoData.dora)).path)
            #expect(vouchers.status == .ok)
            #expect(vouchers.headers.first(name: .cacheControl) == "no-store")
            let reset = try await AccountSafetyTests.askReset("partner@mentore.test", app: app)
            #expect(try await TestBrowser(app).get(reset).headers.first(name: .cacheControl) == "no-store")
            let file = try await TestBrowser(app).get("/css/site.css")
            #expect(file.status == .ok)
            #expect(file.headers.first(name: .cacheControl) == nil)
            #expect(file.headers.first(name: .eTag) != nil)
        }
    }

    @Test("signing out tells the browser to forget the site's stored data: the scanner's cache and kept scans")
    func signOutClearsSiteData() async throws {
        try await withApp(seed: true) { app async throws in
            let door = TestBrowser(app)
            _ = try await door.login("door@mentore.test")
            let out = try await door.post(SiteRoute.logout.path, [])
            #expect(out.status == .seeOther)
            #expect(out.headers.first(name: "Clear-Site-Data") == #""cache", "storage""#)
            let script = try String(
                contentsOfFile: TestEnvironment.root + "/Resources/Public/js/scanner.js", encoding: .utf8)
            #expect(script.contains("form[action='\(SiteRoute.logout.path)']"))
        }
    }
}
