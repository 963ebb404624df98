import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Pages and languages")
struct PagesTests {
    @Test("the home page says what Mentore is in each language", arguments: ["it", "sq", "en"])
    func homeInEveryLanguage(language: String) async throws {
        try await withApp(seed: true) { app async throws in
            let page = try await TestBrowser(app, acceptLanguage: language).get("/")
            #expect(page.status == .ok)
            #expect(page.contains("<html lang=\"\(language)\">"))
            #expect(page.headers.first(name: .contentLanguage) == language)
            #expect(page.shows(app.mentore.localizer.t("home-lead", in: language)))
            #expect(page.shows(DemoData.events[0].texts[.init(rawValue: language)!]!.title))
        }
    }

    @Test("a visitor with no usable preference gets Italian")
    func defaultsToItalian() async throws {
        try await withApp { app async throws in
            #expect(try await TestBrowser(app).get("/").headers.first(name: .contentLanguage) == "it")
            let browser = TestBrowser(app, acceptLanguage: "de-DE, fr;q=0.8, sq;q=0")
            #expect(try await browser.get("/").headers.first(name: .contentLanguage) == "it")
        }
    }

    @Test("Accept-Language is negotiated with q-values and subtag trimming")
    func acceptLanguage() async throws {
        try await withApp { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "de;q=0.9, sq-Latn-XK;q=0.8, en;q=0.5")
            #expect(try await browser.get("/").headers.first(name: .contentLanguage) == "sq")
        }
    }

    @Test("the language switch is kept in a cookie and on the account")
    func languageSwitch() async throws {
        try await withApp(seed: true) { app async throws in
            let visitor = TestBrowser(app, acceptLanguage: "it")
            let switched = try await visitor.get("/language/en?next=%2Fevents")
            #expect(switched.status == .seeOther)
            #expect(switched.location == "/events")
            #expect(try await visitor.get("/").headers.first(name: .contentLanguage) == "en")

            let mentor = TestBrowser(app, acceptLanguage: "it")
            _ = try await mentor.login("mentor@mentore.test")
            // The demo mentor prefers Albanian: the account wins over the header.
            #expect(try await mentor.get("/").headers.first(name: .contentLanguage) == "sq")
            _ = try await mentor.get("/language/en?next=%2F")
            let user = try #require(
                try await UserModel.query(on: app.db).filter(\.$email == "mentor@mentore.test").first())
            #expect(user.language == "en")
        }
    }

    @Test("the language switch refuses to redirect off the site")
    func noOpenRedirect() async throws {
        try await withApp { app async throws in
            let page = try await TestBrowser(app).get("/language/sq?next=%2F%2Fevil.example")
            #expect(page.location == "/")
        }
    }

    @Test("events can be filtered by kind, city, language and date")
    func eventFilters() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "en")
            let all = try await browser.get("/events")
            #expect(all.contains("Albanian textile exhibition"))
            let culture = try await browser.get("/events?kind=culture")
            #expect(culture.contains("Albanian textile exhibition"))
            #expect(!culture.contains("Web marketing for artisans"))
            let shkoder = try await browser.get("/events?city=Shkod%C3%ABr")
            #expect(shkoder.contains("Selling on international platforms"))
            #expect(!shkoder.contains("Personal branding"))
            let english = try await browser.get("/events?language=en")
            #expect(english.contains("Personal branding"))
            #expect(!english.contains("Web marketing for artisans"))
            let late = try await browser.get("/events?from=2100-01-01")
            #expect(!late.contains("Personal branding"))
        }
    }

    @Test("an event missing the reader's language shows the fallback with a note")
    func translationFallback() async throws {
        try await withApp(seed: true) { app async throws in
            // The workshop for young people has no Albanian text.
            let event = DemoData.events[5]
            let page = try await TestBrowser(app, acceptLanguage: "sq").get("/events/\(event.id.uuidString)")
            #expect(page.status == .ok)
            #expect(page.shows(event.texts[.it]!.title))
            let note = app.mentore.localizer.t("content-not-translated", ["code": "it"], in: "sq")
            #expect(note == "Ende e papërkthyer: shfaqet në italisht.")
            #expect(page.shows(note))
            #expect(page.body.contains("lang=\"it\""))
        }
    }

    @Test("venue directions: the reader's language, else the original with a note; machine texts say so")
    func venueDirections() async throws {
        try await withApp(seed: true) { app async throws in
            let event = DemoData.events.first { $0.venue == DemoData.millVenue }!
            let localizer = app.mentore.localizer
            let albanian = try await TestBrowser(app, acceptLanguage: "sq").get("/events/\(event.id.uuidString)")
            #expect(albanian.shows(localizer.t("event-directions", in: "sq")))
            #expect(albanian.shows(localizer.t("content-machine-translated", in: "sq")))
            #expect(albanian.body.contains("Hyrja pa shkallë"))
            let english = try await TestBrowser(app, acceptLanguage: "en").get("/events/\(event.id.uuidString)")
            #expect(english.body.contains("Ingresso senza gradini"))
            #expect(english.shows(localizer.t("content-not-translated", ["code": "it"], in: "en")))
            #expect(english.headers.first(name: .contentLanguage) == "en")
        }
    }

    @Test("content is escaped in pages")
    func escaping() async throws {
        try await withApp(seed: true) { app async throws in
            try await EventTextModel.query(on: app.db).filter(\.$language == "en")
                .set(\.$title, to: "<script>alert(1)</script>").update()
            let page = try await TestBrowser(app, acceptLanguage: "en").get("/events")
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;"))
        }
    }

    @Test("the public files are served (also percent-encoded); other paths never reach the file system")
    func publicFiles() async throws {
        try await withApp { app async throws in
            let browser = TestBrowser(app)
            let css = try await browser.get("/css/site.css")
            #expect(css.status == .ok)
            #expect(css.headers.contentType == .css)
            #expect(try await browser.get("/%63ss/site.css").body == css.body)
            #expect(try await browser.get("/door/sw.js").status == .ok)
            #expect(try await browser.get("/favicon.svg").status == .ok)
            #expect(try await browser.get("/css/none.css").status == .notFound)
            #expect(try await browser.get("/css/../../Package.swift").status != .ok)
            #expect(try await browser.get("/Package.swift").status == .notFound)
            #expect(try await browser.get("/api/v1/nothing").status == .notFound)
        }
    }

    @Test("health checks the database; metrics count requests, for the scraper with the token only")
    func operations() async throws {
        try await withApp(environment: ["METRICS_TOKEN": "scraper-secret"]) { app async throws in
            let browser = TestBrowser(app)
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.contains("\"database\":\"ok\""))
            _ = try await browser.get("/events")
            #expect(try await browser.get("/metrics").status == .notFound, "not for the public")
            #expect(
                try await browser.get("/metrics", headers: [("Authorization", "Bearer wrong")]).status == .notFound)
            let metrics = try await browser.get("/metrics", headers: [("Authorization", "Bearer scraper-secret")])
            #expect(metrics.status == .ok)
            #expect(metrics.contains(#"http_requests_total{method="GET",route="/events",status="200"} 1"#))
            #expect(metrics.contains("http_request_duration_seconds_bucket"))
            #expect(metrics.contains("# HELP http_requests_total "), "each metric says what it counts")
        }
    }
}
