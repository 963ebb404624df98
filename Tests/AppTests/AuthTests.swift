import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Accounts")
struct AuthTests {
    static func signUpForm(email: String, password: String = "a-long-password") -> [(String, String)] {
        [("displayName", "Drita"), ("email", email), ("password", password), ("confirmation", password)]
    }

    @Test("a mentor signs up through the e-mailed link, is signed in and reaches the mentor dashboard")
    func signUp() async throws {
        try await withApp { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "sq")
            _ = try await browser.get("/signup")
            let sent = try await browser.post("/signup", Self.signUpForm(email: "Drita@Example.org"))
            #expect(sent.status == .ok)
            #expect(sent.shows(app.mentore.localizer.t("signup-sent", in: "sq")))
            // No account until the link is opened.
            #expect(try await UserModel.query(on: app.db).count() == 0)
            let link = try #require(try await TestBrowser.signUpLink(to: "drita@example.org", app: app))
            let form = try await browser.get(link)
            #expect(form.status == .ok)
            #expect(form.contains("drita@example.org"))
            let created = try await browser.post(link, [], csrf: form.csrf)
            #expect(created.status == .seeOther)
            let user = try #require(
                try await UserModel.query(on: app.db).filter(\.$email == "drita@example.org").first())
            #expect(user.isMentor)
            #expect(user.language == "sq")
            #expect(user.displayName == "Drita")
            #expect(user.passwordHash.hasPrefix("$2"))
            let dashboard = try await browser.get("/dashboard")
            #expect(dashboard.location == "/mentor")
            #expect(try await browser.get("/mentor").status == .ok)
            // The link works once.
            #expect(try await TestBrowser(app).get(link).status == .notFound)
            #expect(try await TestBrowser(app).post(link, []).status == .notFound)
            #expect(try await UserModel.query(on: app.db).count() == 1)
        }
    }

    @Test("sign-up answers a known address as it answers a new one; the e-mail tells the owner, nothing is created")
    func knownAddress() async throws {
        try await withApp(seed: true) { app async throws in
            let before = try await UserModel.query(on: app.db).count()
            let known = TestBrowser(app, acceptLanguage: "en")
            _ = try await known.get("/signup")
            let taken = try await known.post("/signup", Self.signUpForm(email: "mentor@mentore.test"))
            let fresh = TestBrowser(app, acceptLanguage: "en")
            _ = try await fresh.get("/signup")
            let new = try await fresh.post("/signup", Self.signUpForm(email: "someone-new@example.org"))
            #expect(taken.status == .ok)
            #expect(taken.status == new.status)
            #expect(taken.shows(app.mentore.localizer.t("signup-sent", in: "en")))
            #expect(Self.withoutTokens(taken.body) == Self.withoutTokens(new.body))
            #expect(!taken.contains("aria-invalid"))
            #expect(try await UserModel.query(on: app.db).count() == before)
            // The owner is told, in their own language (the demo mentor reads Albanian), with
            // the way to log in; no link that makes an account goes to them.
            let told = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "mentor@mentore.test")
                .filter(\.$subject == app.mentore.localizer.t("email-signup-existing-subject", in: "sq")).all()
            #expect(told.count == 1)
            #expect(told.first?.textBody.contains("http://mentore.test/login") == true)
            #expect(try await TestBrowser.signUpLink(to: "mentor@mentore.test", app: app) == nil)
            #expect(try await TestBrowser.signUpLink(to: "someone-new@example.org", app: app) != nil)
        }
    }

    /// A page without its per-session form tokens, to compare two answers.
    static func withoutTokens(_ body: String) -> String {
        body.replacingOccurrences(of: #"value="[A-Za-z0-9+/=_-]{20,}""#, with: "", options: .regularExpression)
    }

    @Test("two sign-ups of one address confirmed one after the other make one account; the second link is refused")
    func twoSignUpsOneAccount() async throws {
        try await withApp { app async throws in
            let first = TestBrowser(app, acceptLanguage: "en")
            _ = try await first.get("/signup")
            _ = try await first.post("/signup", Self.signUpForm(email: "twice@example.org"))
            let firstLink = try #require(try await TestBrowser.signUpLink(to: "twice@example.org", app: app))
            let second = TestBrowser(app, acceptLanguage: "en")
            _ = try await second.get("/signup")
            _ = try await second.post("/signup", Self.signUpForm(email: "twice@example.org"))
            let secondLink = try #require(try await TestBrowser.signUpLink(to: "twice@example.org", app: app))
            #expect(firstLink != secondLink)
            #expect(try await second.confirmSignUp("twice@example.org")?.status == .seeOther)
            let form = try await first.get(firstLink)
            let refused = try await first.post(firstLink, [], csrf: form.csrf)
            #expect(refused.status == .conflict)
            #expect(refused.shows(app.mentore.localizer.t("error-email-taken", in: "en")))
            #expect(try await UserModel.query(on: app.db).filter(\.$email == "twice@example.org").count() == 1)
        }
    }

    @Test("a sign-up link past its day is refused and makes no account")
    func signUpLinkExpires() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.get("/signup")
            _ = try await browser.post("/signup", Self.signUpForm(email: "late@example.org"))
            let link = try #require(try await TestBrowser.signUpLink(to: "late@example.org", app: app))
            let form = try await browser.get(link)
            clock.withLockedValue { $0 = $0.addingTimeInterval(SignUps.lifetime + 1) }
            #expect(try await browser.post(link, [], csrf: form.csrf).status == .notFound)
            #expect(try await UserModel.query(on: app.db).count() == 0)
        }
    }

    @Test("sign-up validates every field at once")
    func signUpValidation() async throws {
        try await withApp { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "it")
            _ = try await browser.get("/signup")
            let page = try await browser.post(
                "/signup", [("displayName", ""), ("email", "nope"), ("password", "short"), ("confirmation", "short")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.shows(app.mentore.localizer.t("error-required", in: "it")))
            #expect(page.shows(app.mentore.localizer.t("error-invalid-email", in: "it")))
            #expect(page.shows(app.mentore.localizer.t("error-too-short", in: "it")))
            #expect(try await UserModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a form posted without its CSRF token is refused and changes nothing")
    func missingCSRF() async throws {
        try await withApp { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.get("/signup")
            let page = try await browser.post("/signup", Self.signUpForm(email: "x@example.org"), includeCSRF: false)
            #expect(page.status == .forbidden)
            #expect(page.shows(app.mentore.localizer.t("error-csrf", in: "it")))
            let forged = try await browser.post("/signup", Self.signUpForm(email: "x@example.org"), csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(try await UserModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a wrong password is refused and counted; after too many the next attempt waits, then the right one works")
    func wrongPasswordAndDelay() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(environment: ["LOGIN_LIMIT_ACCOUNT": "3"], now: now, seed: true) { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            for _ in 0..<3 {
                let page = try await browser.login("mentor@mentore.test", password: "wrong-password")
                #expect(page.status == .unauthorized)
                #expect(page.contains("Wrong e-mail or password."))
            }
            #expect(
                try await LoginAttemptModel.query(on: app.db).filter(\.$scope == "account:mentor@mentore.test").count()
                    == 3)
            // At once, even the right password waits: one second after the third failure.
            let hashed = app.mentore.passwordHasher.performed
            let waiting = try await browser.login("mentor@mentore.test")
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.contains("Too many attempts: try again in one second."))
            #expect(waiting.headers.first(name: .retryAfter) == "1")
            #expect(app.mentore.passwordHasher.performed == hashed, "no password checked while waiting")
            #expect(try await browser.get("/dashboard").location?.hasPrefix("/login") == true)
            // Waiting did not lengthen the wait; a fourth failure doubles it.
            clock.withLockedValue { $0 = $0.addingTimeInterval(1) }
            #expect(try await browser.login("mentor@mentore.test", password: "wrong-password").status == .unauthorized)
            let longer = try await browser.login("mentor@mentore.test")
            #expect(longer.headers.first(name: .retryAfter) == "2")
            #expect(longer.contains("try again in 2 seconds."))
            // Once it has passed, the owner gets in (nobody can lock an account), and the
            // account's failures are forgiven.
            clock.withLockedValue { $0 = $0.addingTimeInterval(2) }
            #expect(try await browser.login("mentor@mentore.test").status == .seeOther)
            #expect(try await browser.get("/dashboard").location == "/mentor")
            #expect(
                try await LoginAttemptModel.query(on: app.db).filter(\.$scope == "account:mentor@mentore.test").count()
                    == 0)
        }
    }

    @Test("the limit per address holds across accounts")
    func rateLimitPerAddress() async throws {
        try await withApp(environment: ["LOGIN_LIMIT_ADDRESS": "2"], seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("nobody-1@example.org", password: "x")
            _ = try await browser.login("nobody-2@example.org", password: "x")
            #expect(try await browser.login("mentor@mentore.test").status == .tooManyRequests)
        }
    }

    @Test("log-in gives a new session id; log-out ends the session")
    func sessionLifecycle() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.get("/login")
            let anonymous = try #require(browser.cookies["mentore-session"])
            let login = try await browser.login("admin@mentore.test")
            #expect(login.status == .seeOther)
            #expect(login.location == "/dashboard")
            let signedIn = try #require(browser.cookies["mentore-session"])
            #expect(signedIn != anonymous)
            let cookie = try #require(login.headers[.setCookie].first { $0.hasPrefix("mentore-session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.lowercased().contains("samesite=lax"))
            #expect(try await browser.get("/admin").status == .ok)
            let logout = try await browser.post("/logout", [])
            #expect(logout.status == .seeOther)
            #expect(try await browser.get("/admin").status == .seeOther)
        }
    }

    @Test("log-in returns to the page that asked for it, but never off the site")
    func loginNext() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            let redirect = try await browser.get("/admin/venues")
            #expect(redirect.location == "/login?next=/admin/venues")
            let form = try await browser.get("/login?next=/admin/venues")
            let page = try await browser.post(
                "/login",
                [("email", "admin@mentore.test"), ("password", DemoData.password), ("next", "/admin/venues")],
                csrf: form.csrf)
            #expect(page.location == "/admin/venues")
            let other = TestBrowser(app)
            let evil = try await other.post(
                "/login",
                [("email", "admin@mentore.test"), ("password", DemoData.password), ("next", "//evil.example")])
            #expect(evil.location == "/dashboard")
        }
    }

    /// What browsers read as another host once they drop tabs and line breaks and turn `\` into `/`.
    static let offSite = [
        "//evil.example", "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "/\\/evil.example",
        "https://evil.example", "javascript:alert(1)", " /evil", "/\u{00A0}/evil.example", "/\u{200B}/evil.example",
        "evil.example", "",
    ]

    @Test("a next target that leads off the site is never followed: language switch, log-in and sign-up")
    func offSiteTargets() async throws {
        #expect(SiteRoute.localTarget("/admin/venues?tab=1#top") == "/admin/venues?tab=1#top")
        #expect(SiteRoute.localTarget("/circuits/è") == "/circuits/è")
        for target in Self.offSite {
            #expect(SiteRoute.localTarget(target) == nil, "\(target.debugDescription)")
        }
        try await withApp(seed: true) { app async throws in
            for target in Self.offSite {
                let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let switched = try await TestBrowser(app).get("/language/it?next=" + encoded)
                #expect(switched.location == "/", "language: \(target.debugDescription)")
                let login = try await TestBrowser(app).post(
                    "/login", [("email", "admin@mentore.test"), ("password", DemoData.password), ("next", target)])
                #expect(login.location == "/dashboard", "log-in: \(target.debugDescription)")
                let form = try await TestBrowser(app).get("/login?next=" + encoded)
                #expect(!form.contains(#"name="next""#), "log-in form: \(target.debugDescription)")
            }
            // The example the review reproduced: a percent-encoded tab after the first slash.
            #expect(try await TestBrowser(app).get("/language/it?next=/%09/evil.example").location == "/")
        }
    }

    @Test("each demo role reaches its own dashboard")
    func dashboards() async throws {
        try await withApp(seed: true) { app async throws in
            let expected = [
                "admin@mentore.test": "/admin", "mentor@mentore.test": "/mentor", "partner@mentore.test": "/partner",
                "organizer@mentore.test": "/organizer", "door@mentore.test": "/door",
            ]
            for (email, path) in expected {
                let browser = TestBrowser(app)
                _ = try await browser.login(email)
                #expect(try await browser.get("/dashboard").location == path, "\(email)")
                #expect(try await browser.get(path).status == .ok, "\(email)")
            }
        }
    }

    @Test("the account page saves the name and language, and refuses an unknown language")
    func accountSettings() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("mentor@mentore.test")
            _ = try await browser.get("/account")
            let bad = try await browser.post("/account", [("displayName", "Arben"), ("language", "de")])
            #expect(bad.status == .unprocessableEntity)
            let saved = try await browser.post("/account", [("displayName", "Arben K."), ("language", "it")])
            #expect(saved.status == .ok)
            #expect(saved.headers.first(name: .contentLanguage) == "it")
            let user = try #require(
                try await UserModel.query(on: app.db).filter(\.$email == "mentor@mentore.test").first())
            #expect(user.displayName == "Arben K.")
        }
    }

    @Test("a visitor signs up on the way to contribute and lands back on the fund; foreign targets are ignored")
    func signUpOnTheWay() async throws {
        try await withApp(seed: true) { app async throws in
            let fund = SiteRoute.fund(.value(DemoData.circuitFund)).path
            let browser = TestBrowser(app, acceptLanguage: "en")
            let page = try await browser.get(fund)
            let link = try #require(
                page.body.range(of: #"href="/signup\?next=[^"]+""#, options: .regularExpression).map {
                    String(page.body[$0].dropFirst(6).dropLast())
                })
            let form = try await browser.get(link)
            #expect(form.contains(#"name="next" value="\#(fund)""#))
            let sent = try await browser.post(
                SiteRoute.signUp.path, Self.signUpForm(email: "on-the-way@example.org") + [("next", fund)],
                csrf: form.csrf)
            #expect(sent.status == .ok)
            let done = try await browser.confirmSignUp("on-the-way@example.org")
            #expect(done?.location == fund)
            let other = TestBrowser(app)
            let form2 = try await other.get("/signup?next=//evil.example")
            #expect(!form2.contains("evil.example"))
            _ = try await other.post(
                SiteRoute.signUp.path, Self.signUpForm(email: "elsewhere@example.org") + [("next", "//evil.example")],
                csrf: form2.csrf)
            let elsewhere = try await other.confirmSignUp("elsewhere@example.org")
            #expect(elsewhere?.location == SiteRoute.dashboard.path)
        }
    }
}
