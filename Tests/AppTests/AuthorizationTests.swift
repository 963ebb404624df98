import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

@Suite("Authorization over the whole route table")
struct AuthorizationTests {
    /// Real ids for every path parameter, so that allowed requests reach their handler.
    static func concretePath(_ route: Route) -> String {
        let parts = route.path.map { component -> String in
            switch component {
            case .parameter(let name):
                switch name {
                case "eventID": DemoData.events[0].id.uuidString.lowercased()
                case "partnerID": DemoData.dora.uuidString.lowercased()
                case "organizerID": DemoData.slowMill.uuidString.lowercased()
                case "venueID": DemoData.millVenue.uuidString.lowercased()
                case "code": "en"
                case "decision": "approve"
                case "token": "not-a-real-token"
                case "circuitID": DemoData.demoCircuit.uuidString.lowercased()
                case "stepID": "0000d000-0000-4000-8000-000000000312"
                case "move": "down"
                case "action": "publish"
                default: UUID().uuidString.lowercased()
                }
            default: component.description
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    @Test("every route admits exactly the roles of its area, and nobody gets a server error")
    func routeTableAgainstEveryRole() async throws {
        try await withApp(seed: true) { app async throws in
            // The JSON API ignores sessions: APITests walks it with bearer tokens.
            let routes = app.routes.all.filter { $0.method == .GET || $0.method == .POST }
                .filter { !APITests.isAPI($0) }
                // Log-out last: it ends the session the walk relies on.
                .sorted { a, _ in a.path.map(\.description) != ["logout"] }
            #expect(routes.count > 40)
            for route in routes {
                #expect(route.userInfo["area"] as? String != nil, "\(route.method) \(route.path) has no area")
            }
            let users: [(email: String?, roles: Set<Role>)] = [
                (nil, []),
                ("admin@mentore.test", [.admin]),
                ("mentor@mentore.test", [.mentor]),
                ("partner@mentore.test", [.partnerCoordinator]),
                ("organizer@mentore.test", [.organizerManager]),
                ("door@mentore.test", [.doorStaff]),
            ]
            for user in users {
                let browser = TestBrowser(app)
                if let email = user.email {
                    let login = try await browser.login(email)
                    #expect(login.status == .seeOther, "log-in of \(email)")
                }
                for route in routes {
                    let area = try #require(Area(rawValue: route.userInfo["area"] as? String ?? ""))
                    let path = Self.concretePath(route)
                    let page =
                        route.method == .GET
                        ? try await browser.get(path) : try await browser.post(path, [])
                    let who = user.email ?? "anonymous"
                    #expect(page.status.code < 500, "\(who) \(route.method) \(path) → \(page.status.code)")
                    if user.email == nil && area.requiresSignIn {
                        let expected: [UInt] = route.method == .GET ? [303] : [401]
                        #expect(
                            expected.contains(page.status.code), "\(who) \(route.method) \(path) → \(page.status.code)")
                    } else if area.admits(user.roles) || !area.requiresSignIn {
                        #expect(page.status != .forbidden, "\(who) \(route.method) \(path) should be allowed")
                    } else {
                        #expect(page.status == .forbidden, "\(who) \(route.method) \(path) → \(page.status.code)")
                    }
                }
            }
        }
    }

    @Test("door staff opening an admin page get a localized 403")
    func doorStaffRefusedAdmin() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("door@mentore.test")
            let page = try await browser.get(SiteRoute.adminVenues.path)
            #expect(page.status == .forbidden)
            #expect(page.shows(app.mentore.localizer.t("error-forbidden", in: "it")))
        }
    }

    @Test("a coordinator cannot manage another partner's members")
    func coordinatorScopedToOwnPartner() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("partner@mentore.test")
            #expect(try await browser.get(SiteRoute.partnerMembers(.value(DemoData.dora)).path).status == .ok)
            let other = try await browser.get(SiteRoute.partnerMembers(.value(DemoData.iparticipate)).path)
            #expect(other.status == .forbidden)
        }
    }

    @Test("malformed ids in URLs answer 404, not a server error")
    func malformedIDs() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            #expect(try await browser.get("/events/not-a-uuid").status == .notFound)
            #expect(try await browser.get("/events/\(UUID().uuidString)").status == .notFound)
            _ = try await browser.login("admin@mentore.test")
            #expect(try await browser.get("/admin/venues/123/edit").status == .notFound)
            #expect(try await browser.get("/admin/events/%00/sessions").status == .notFound)
            #expect(try await browser.get("/partner/zzz/members").status == .notFound)
        }
    }

    @Test("the JSON error envelope names the code and a localized message")
    func jsonErrors() async throws {
        try await withApp { app async throws in
            let browser = TestBrowser(app, acceptLanguage: "sq")
            let page = try await browser.get("/events/nope", headers: [("Accept", "application/json")])
            #expect(page.status == .notFound)
            let envelope = try JSONDecoder().decode(LocalizedErrorMiddleware.Envelope.self, from: Data(page.body.utf8))
            #expect(envelope.error.code == "not-found")
            #expect(envelope.error.message == app.mentore.localizer.t("error-not-found", in: "sq"))
        }
    }
}

@Suite("Error messages")
struct ErrorMessageTests {
    @Test("every error code has its message in it, sq and en, without falling back")
    func everyCodeHasMessages() async throws {
        try await withApp { app async throws in
            // The check can fail: a code without a message reports an issue.
            #expect(!app.mentore.localizer.format("error-no-such-code", [:], in: "sq").issues.isEmpty)
            for code in DomainError.Code.allCases {
                for language in ["it", "sq", "en"] {
                    let result = app.mentore.localizer.format("error-\(code.rawValue)", [:], in: language)
                    #expect(result.issues.isEmpty, "error-\(code.rawValue) in \(language): \(result.issues)")
                    #expect(!result.text.isEmpty)
                }
            }
        }
    }
}
