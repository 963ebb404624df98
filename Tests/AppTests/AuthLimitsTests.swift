import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Limits on log-in, sign-up and reset: counted before hashing, on threads of their own")
struct AuthLimitsTests {
    /// Posts the log-in form from `browser` with extra headers (a proxy's `X-Forwarded-For`).
    static func login(
        _ browser: TestBrowser, _ email: String, password: String, headers: [(String, String)] = []
    ) async throws -> TestBrowser.Page {
        let form = try await browser.get(SiteRoute.login().path, headers: headers)
        let body = [("email", email), ("password", password), ("_csrf", form.csrf ?? "")]
            .map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
        return try await browser.send(
            .POST, SiteRoute.login().path, body: body,
            headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers)
    }

    @Test("a burst of parallel wrong log-ins for one account is counted before hashing: only the free ones are hashed")
    func burstCountedBeforeHashing() async throws {
        // A clock that stands still: the first delay (a second) never passes during the burst.
        let (_, now) = Fixtures.clock()
        try await withApp(
            environment: ["LOGIN_LIMIT_ACCOUNT": "3", "LOGIN_LIMIT_ADDRESS": "1000"], now: now, seed: true
        ) {
            app async throws in
            let browsers = (0..<16).map { _ in TestBrowser(app, acceptLanguage: "en") }
            var forms: [String] = []
            for browser in browsers { forms.append(try await browser.get(SiteRoute.login().path).csrf ?? "") }
            let hashed = app.mentore.passwordHasher.performed
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for (browser, csrf) in zip(browsers, forms) {
                    group.addTask {
                        try await browser.post(
                            SiteRoute.login().path, [("email", "mentor@mentore.test"), ("password", "guess")],
                            csrf: csrf
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 3, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 13, "\(statuses)")
            #expect(app.mentore.passwordHasher.performed - hashed == 3)
        }
    }

    @Test("reset requests are limited per recipient, the same for an address with an account and one without")
    func resetsPerRecipient() async throws {
        try await withApp(environment: ["ACCOUNT_MAIL_LIMIT_EMAIL": "2"], seed: true) { app async throws in
            for email in ["mentor@mentore.test", "nobody@example.org"] {
                let browser = TestBrowser(app, acceptLanguage: "en")
                _ = try await browser.get(SiteRoute.forgotPassword.path)
                for _ in 0..<2 {
                    #expect(try await browser.post(SiteRoute.forgotPassword.path, [("email", email)]).status == .ok)
                }
                let refused = try await browser.post(SiteRoute.forgotPassword.path, [("email", email)])
                #expect(refused.status == .tooManyRequests, "\(email)")
                #expect(refused.shows(app.mentore.localizer.t("error-rate-limited", in: "en")))
            }
            #expect(try await PasswordResetModel.query(on: app.db).count() == 2)
            #expect(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "mentor@mentore.test")
                    .filter(\.$holdsSecret == true).count() == 2)
        }
    }

    @Test("sign-ups are limited per recipient and per address before the password is hashed, and overall")
    func signUpLimits() async throws {
        try await withApp(environment: ["ACCOUNT_MAIL_LIMIT_EMAIL": "1", "ACCOUNT_MAIL_LIMIT_ADDRESS": "3"]) {
            app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            _ = try await browser.get(SiteRoute.signUp.path)
            #expect(
                try await browser.post(SiteRoute.signUp.path, AuthTests.signUpForm(email: "one@example.org")).status
                    == .ok)
            let hashed = app.mentore.passwordHasher.performed
            let again = try await browser.post(SiteRoute.signUp.path, AuthTests.signUpForm(email: "one@example.org"))
            #expect(again.status == .tooManyRequests)
            #expect(app.mentore.passwordHasher.performed == hashed, "refused before hashing")
            #expect(
                try await browser.post(SiteRoute.signUp.path, AuthTests.signUpForm(email: "two@example.org")).status
                    == .ok)
            // The fourth request from this address, whatever the recipient.
            let fourth = try await browser.post(SiteRoute.signUp.path, AuthTests.signUpForm(email: "four@example.org"))
            #expect(fourth.status == .tooManyRequests)
            #expect(try await SignUpRequestModel.query(on: app.db).count() == 2)
        }
        try await withApp(environment: ["AUTH_LIMIT_TOTAL": "2", "ACCOUNT_MAIL_LIMIT_ADDRESS": "100"]) {
            app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            _ = try await browser.get(SiteRoute.signUp.path)
            for index in 0..<2 {
                let page = try await browser.post(
                    SiteRoute.signUp.path, AuthTests.signUpForm(email: "n\(index)@example.org"))
                #expect(page.status == .ok)
            }
            let third = try await browser.post(SiteRoute.signUp.path, AuthTests.signUpForm(email: "n2@example.org"))
            #expect(third.status == .tooManyRequests)
        }
    }

    @Test("passwords are hashed on threads of their own: with every database thread busy, a password is still hashed")
    func hashingApartFromTheDatabase() async throws {
        try await withApp(environment: ["PASSWORD_HASH_THREADS": "1"]) { app async throws in
            // given: the pool that runs the database's statements (SQLite's) fully taken, with
            // more work queued behind (more blockers than it has threads)
            let release = DispatchSemaphore(value: 0)
            let blockers = 64
            let busy = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<blockers { group.addTask { try await app.threadPool.runIfActive { release.wait() } } }
                    try await group.waitForAll()
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            // when: a password is hashed (a sign-up), with ten seconds to do it
            let hashed = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = try await Passwords.hash("a-long-password", app: app)
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(10))
                    // Too late: free the database's threads, so the queued hash can end.
                    for _ in 0..<blockers { release.signal() }
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                return first
            }
            // then: it did not wait for the database's threads (on them it would queue behind all)
            #expect(hashed)
            for _ in 0..<blockers { release.signal() }
            try await busy.value
        }
    }

    @Test("X-Forwarded-For names the client only when the peer is a trusted proxy")
    func trustedProxies() async throws {
        let proxies = try #require(TrustedProxies(parsing: "127.0.0.1, 10.0.0.0/8, ::1, fd00::/8"))
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        #expect(proxies.client(peer: "::ffff:127.0.0.1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        #expect(
            proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.1, 203.0.113.7, 10.1.2.3"]) == "203.0.113.7")
        #expect(proxies.client(peer: "::1", forwardedFor: ["2001:db8::5"]) == "2001:db8::5")
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["not-an-address"]) == "127.0.0.1")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        #expect(TrustedProxies(parsing: "10.0.0.0/33") == nil)
        #expect(TrustedProxies(parsing: "localhost") == nil)
        #expect(throws: AppConfig.Invalid.self) { try AppConfig(environment: ["TRUSTED_PROXIES": "10.0.0.0/40"]) }

        // Behind a trusted proxy, each client has its own limit.
        let limits = ["LOGIN_LIMIT_ADDRESS": "2"]
        try await withApp(environment: limits.merging(["TRUSTED_PROXIES": "127.0.0.1, ::1"]) { $1 }, seed: true) {
            app async throws in
            let browser = TestBrowser(app)
            browser.live = true
            let first = [("X-Forwarded-For", "203.0.113.1")]
            for _ in 0..<2 { _ = try await Self.login(browser, "nobody@example.org", password: "x", headers: first) }
            #expect(
                try await Self.login(browser, "nobody@example.org", password: "x", headers: first).status
                    == .tooManyRequests)
            let other = [("X-Forwarded-For", "203.0.113.2")]
            #expect(
                try await Self.login(browser, "nobody@example.org", password: "x", headers: other).status
                    == .unauthorized)
        }
        // From anyone else the header is ignored: changing it does not escape the limit.
        try await withApp(environment: limits, seed: true) { app async throws in
            let browser = TestBrowser(app)
            browser.live = true
            for index in 0..<2 {
                _ = try await Self.login(
                    browser, "nobody@example.org", password: "x", headers: [("X-Forwarded-For", "203.0.113.\(index)")])
            }
            let third = try await Self.login(
                browser, "nobody@example.org", password: "x", headers: [("X-Forwarded-For", "203.0.113.99")])
            #expect(third.status == .tooManyRequests)
        }
    }
}
