import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

@testable import App

@Suite("The JSON API: personal tokens, contributions, nominations, idempotency, its OpenAPI document")
struct APITests {
    static let providers = FundingTests.providers
    static let dora = DemoData.dora.uuidString.lowercased()

    static func isAPI(_ route: Route) -> Bool {
        route.path.prefix(2).map(\.description) == ["api", "v1"]
    }

    /// A client with a bearer token and no cookies.
    struct Client {
        let browser: TestBrowser
        let token: String?

        init(_ app: Application, token: String?, language: String? = nil) {
            browser = TestBrowser(app, acceptLanguage: language)
            self.token = token
        }

        func call(
            _ method: HTTPMethod, _ path: String, json: String? = nil, key: String? = nil,
            headers: [(String, String)] = []
        ) async throws -> TestBrowser.Page {
            var all = headers
            if let token { all.append(("Authorization", "Bearer \(token)")) }
            if json != nil { all.append(("Content-Type", "application/json")) }
            if let key { all.append(("Idempotency-Key", key)) }
            return try await browser.send(method, path, body: json, headers: all)
        }
    }

    static func token(_ app: Application, _ email: String) async throws -> String {
        let user = try await UserModel.query(on: app.db).filter(\.$email == email).first().orNotFound()
        return try await PersonalTokens.create(label: "test", userID: user.requireID(), app: app)
    }

    static func placesBody(_ places: Any = 2, extra: String = "") -> String {
        #"{"fund_id":"\#(DemoData.webMarketingFund.uuidString.lowercased())","kind":"places","places":\#(places),"provider":"demo"\#(extra)}"#
    }

    // MARK: Tokens

    @Test("a token made on the account page is shown once, stored hashed, works until revoked")
    func tokenLifecycle() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("mentor@mentore.test")
            #expect(try await browser.get(SiteRoute.accountTokens.path).status == .ok)
            let made = try await browser.post(SiteRoute.accountTokens.path, [("label", "Spreadsheet")])
            #expect(made.status == .created)
            let token = try #require(
                made.body.range(of: #"value="mnt_[A-Za-z0-9_-]+""#, options: .regularExpression).map {
                    String(made.body[$0].dropFirst(7).dropLast())
                })
            // Only its hash is kept, and the list never shows it again.
            let stored = try await APITokenModel.query(on: app.db).all()
            #expect(stored.count == 1)
            #expect(stored[0].tokenHash == SecureToken.hash(token))
            #expect(stored[0].tokenHash != token)
            #expect(try await browser.get(SiteRoute.accountTokens.path).contains(token) == false)

            let client = Client(app, token: token)
            #expect(try await client.call(.GET, SiteRoute.apiContributions.path).status == .ok)
            #expect(try await APITokenModel.query(on: app.db).first()?.lastUsedAt != nil)

            // The session cookie alone never authenticates the API.
            let withCookie = try await browser.send(.GET, SiteRoute.apiContributions.path, body: nil, headers: [])
            #expect(withCookie.status == .unauthorized)

            let revoke = SiteRoute.accountTokenRevoke(.value(try stored[0].requireID())).path
            #expect(try await browser.post(revoke, []).status == .ok)
            let refused = try await client.call(.GET, SiteRoute.apiContributions.path)
            #expect(refused.status == .unauthorized)
            #expect(refused.headers.first(name: .wwwAuthenticate) == "Bearer")
            #expect(try Fixtures.error(refused).code == "unauthenticated")
            // Someone else's token cannot be revoked by guessing its id.
            let other = TestBrowser(app)
            _ = try await other.login("partner@mentore.test")
            #expect(try await other.post(revoke, []).status == .notFound)
            #expect(
                try await Client(app, token: "mnt_forged").call(.GET, SiteRoute.apiContributions.path).status
                    == .unauthorized)
        }
    }

    @Test("a token needs a label; bad input changes nothing")
    func tokenLabel() async throws {
        try await withApp(seed: true) { app async throws in
            let browser = TestBrowser(app)
            _ = try await browser.login("mentor@mentore.test")
            let page = try await browser.post(SiteRoute.accountTokens.path, [("label", "  ")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.shows(app.mentore.localizer.t("error-required", in: "sq")))
            #expect(try await APITokenModel.query(on: app.db).count() == 0)
        }
    }

    // MARK: Contributions

    @Test("a mentor sponsors places through the API, in their language, and reads it back without codes")
    func contributions() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let client = Client(app, token: try await Self.token(app, "mentor@mentore.test"))
            let created = try await client.call(
                .POST, SiteRoute.apiContributions.path, json: Self.placesBody(), key: "k-create-1")
            #expect(created.status == .created)
            let body = try Fixtures.json(created)
            let id = try #require(body["id"] as? String)
            #expect(created.location == SiteRoute.apiContributions.path + "/" + id)
            #expect(body["status"] as? String == "paid")
            #expect(body["demo"] as? Bool == true)
            #expect(body["vouchers_issued"] as? Int == 2)
            #expect((body["amount"] as? [String: Any])?["minor"] as? Int == 8000)

            let list = try Fixtures.json(try await client.call(.GET, SiteRoute.apiContributions.path))
            #expect((list["items"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)
            let one = try await client.call(.GET, SiteRoute.apiContributions.path + "/" + id)
            #expect(try Fixtures.json(one)["id"] as? String == id)
            let vouchers = try await client.call(.GET, SiteRoute.apiContributions.path + "/\(id)/vouchers")
            let items = try #require(try Fixtures.json(vouchers)["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0["code"] == nil && $0["beneficiary"] == nil })

            // Someone else's contribution does not exist for this token.
            let partner = Client(app, token: try await Self.token(app, "partner@mentore.test"))
            #expect(try await partner.call(.GET, SiteRoute.apiContributions.path + "/" + id).status == .notFound)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("bank transfers wait with their details; errors are localized, list every field and change nothing")
    func contributionErrors() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let client = Client(app, token: try await Self.token(app, "mentor@mentore.test"))
            let path = SiteRoute.apiContributions.path
            let general = DemoData.generalFund.uuidString.lowercased()
            let transfer = try await client.call(
                .POST, path, json: #"{"fund_id":"\#(general)","amount":"80.00","provider":"bank-transfer"}"#,
                key: "k-bank-1")
            #expect(transfer.status == .created)
            let bank = try #require(try Fixtures.json(transfer)["bank_transfer"] as? [String: Any])
            #expect(bank["iban"] as? String == app.mentore.config.bankIBAN)
            #expect((bank["reference"] as? String)?.hasPrefix("MNT-") == true)
            let before = try await ContributionModel.query(on: app.db).count()

            // mentor@ reads Albanian: every message is in it, every field spelled as the API does.
            let invalid = try await client.call(
                .POST, path, json: Self.placesBody(1.5, extra: #","unused_rule":"sometimes""#), key: "key-bad-1")
            #expect(invalid.status == .unprocessableEntity)
            let error = try #require(try Fixtures.json(invalid)["error"] as? [String: Any])
            let details = try #require(error["details"] as? [[String: Any]])
            #expect(Set(details.compactMap { $0["field"] as? String }) == ["places", "unused_rule"])
            #expect(details[0]["message"] as? String == app.mentore.localizer.t("error-invalid-value", in: "sq"))

            let cases: [(String?, String?, HTTPStatus, String)] = [
                (Self.placesBody(0), "key-bad-2", .unprocessableEntity, "negative"),
                (
                    #"{"fund_id":"\#(general)","amount":"-5","provider":"demo"}"#, "key-bad-3", .unprocessableEntity,
                    "negative"
                ),
                (
                    #"{"fund_id":"\#(general)","amount":"99999999","provider":"demo"}"#, "key-bad-4",
                    .unprocessableEntity, "amount-too-large"
                ),
                (
                    #"{"fund_id":"\#(general)","amount":"10","currency":"ALL","provider":"demo"}"#, "key-bad-5",
                    .unprocessableEntity, "currency-mismatch"
                ),
                (
                    #"{"fund_id":"\#(general)","amount":"10","provider":"stripe"}"#, "key-bad-6", .unprocessableEntity,
                    "payment-unavailable"
                ),
                (
                    #"{"fund_id":"not-a-uuid","amount":"10","provider":"demo"}"#, "key-bad-7", .unprocessableEntity,
                    "invalid-value"
                ),
                (
                    #"{"fund_id":"\#(UUID().uuidString)","amount":"10","provider":"demo"}"#, "key-bad-8", .notFound,
                    "not-found"
                ),
                (#"{"fund_id": 12}"#, "key-bad-9", .badRequest, "bad-request"),
                ("{not json", "key-bad-10", .badRequest, "bad-request"),
                (Self.placesBody(), nil, .badRequest, "idempotency-key-required"),
                (Self.placesBody(), "short", .badRequest, "idempotency-key-required"),
            ]
            for (json, key, status, code) in cases {
                let page = try await client.call(.POST, path, json: json, key: key)
                #expect(page.status == status, "\(json ?? "") → \(page.status)")
                #expect(try Fixtures.error(page).code == code, "\(json ?? "")")
                #expect(try Fixtures.error(page).message == app.mentore.localizer.t("error-\(code)", in: "sq"))
            }
            let form = try await client.call(
                .POST, path, json: nil, key: "key-bad-11",
                headers: [("Content-Type", "application/x-www-form-urlencoded")])
            #expect(form.status == .unsupportedMediaType)
            #expect(try await ContributionModel.query(on: app.db).count() == before)
            #expect(try await IdempotencyRecordModel.query(on: app.db).filter(\.$statusCode == nil).count() == 0)
        }
    }

    @Test("the same key and body answers the first response again; another body with that key is refused")
    func idempotentReplay() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let client = Client(app, token: try await Self.token(app, "mentor@mentore.test"))
            let path = SiteRoute.apiContributions.path
            let first = try await client.call(.POST, path, json: Self.placesBody(), key: "k-replay-1")
            #expect(first.status == .created)
            #expect(first.headers.first(name: "Idempotent-Replayed") == nil)
            // The same object with its keys in another order is the same body.
            let reordered =
                #"{"provider":"demo","places":2,"kind":"places","fund_id":"\#(DemoData.webMarketingFund.uuidString.lowercased())"}"#
            let again = try await client.call(.POST, path, json: reordered, key: "k-replay-1")
            #expect(again.status == .created)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(again.body == first.body)
            let count = try await ContributionModel.query(on: app.db).count()
            let other = try await client.call(.POST, path, json: Self.placesBody(3), key: "k-replay-1")
            #expect(other.status == .unprocessableEntity)
            #expect(try Fixtures.error(other).code == "idempotency-mismatch")
            #expect(try await ContributionModel.query(on: app.db).count() == count)
            // Keys belong to their user: another mentor's same key is a new request.
            let admin = Client(app, token: try await Self.token(app, "admin@mentore.test"))
            #expect(try await admin.call(.POST, path, json: Self.placesBody(), key: "k-replay-1").status == .created)
            #expect(try await ContributionModel.query(on: app.db).count() == count + 1)
        }
    }

    @Test("20 concurrent API submissions with one key, through two app instances, make one paid contribution")
    func concurrentSubmissions() async throws {
        try await withTwoApps(environment: Self.providers, seed: true) { first, second in
            let token = try await Self.token(first, "mentor@mentore.test")
            let responses = try await withThrowingTaskGroup(of: TestBrowser.Page.self) { group in
                for n in 0..<20 {
                    let app = n.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await Client(app, token: token).call(
                            .POST, SiteRoute.apiContributions.path, json: Self.placesBody(), key: "k-concurrent-1")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(responses.allSatisfy { $0.status == .created }, "\(responses.map(\.status.code))")
            #expect(Set(try responses.map { try Fixtures.json($0)["id"] as? String }).count == 1)
            let made = try await ContributionModel.query(on: first.db).filter(\.$idempotencyKey == "k-concurrent-1")
                .all()
            #expect(made.count == 1)
            #expect(made.first?.status == .paid)
            #expect(
                try await VoucherModel.query(on: first.db).filter(\.$contribution.$id == made[0].requireID()).count()
                    == 2)
            try await Fixtures.ledgerIsSound(first)
        }
    }

    @Test("a request that died without an answer is taken over by the next retry after a while")
    func abandonedClaim() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(environment: Self.providers, now: now, seed: true) { app async throws in
            let user = try await UserModel.query(on: app.db).filter(\.$email == "mentor@mentore.test").first()!
            let claim = try await IdempotencyStore.claim(
                user: user.requireID(), key: "k-abandoned", fingerprint: "f", app: app, db: app.db)
            guard case .run = claim else {
                Issue.record("expected a fresh claim")
                return
            }
            #expect(
                try await IdempotencyStore.claim(
                    user: user.requireID(), key: "k-abandoned", fingerprint: "f", app: app, db: app.db) == .busy)
            clock.withLockedValue { $0 += IdempotencyStore.abandonedAfter + 1 }
            let retry = try await IdempotencyStore.claim(
                user: user.requireID(), key: "k-abandoned", fingerprint: "f", app: app, db: app.db)
            guard case .run = retry else {
                Issue.record("expected the retry to take over")
                return
            }
            clock.withLockedValue { $0 += IdempotencyStore.keptFor + 1 }
            #expect(try await Purge.run(app: app)["idempotency_records"] == 1)
        }
    }

    // MARK: Partners

    @Test("a coordinator lists vouchers, nominates by e-mail in Albanian, is refused a second nomination, withdraws")
    func nominations() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let client = Client(app, token: try await Self.token(app, "partner@mentore.test"))
            let list = SiteRoute.apiPartnerVouchers(.value(DemoData.dora)).path
            let issued = try #require(
                try Fixtures.json(try await client.call(.GET, list + "?status=issued"))["items"] as? [[String: Any]])
            #expect(!issued.isEmpty)
            #expect(issued.allSatisfy { $0["status"] as? String == "issued" && ($0["code"] as? String)?.count == 24 })
            let voucherID = try #require(issued[0]["id"] as? String)
            let nominations = SiteRoute.apiPartnerNominations(.value(DemoData.dora)).path
            let body =
                #"{"voucher_id":"\#(voucherID)","name":"Drita","email":"drita@example.org","language":"sq","delivery":"email"}"#
            let made = try await client.call(.POST, nominations, json: body, key: "k-nominate-1")
            #expect(made.status == .created)
            let nomination = try Fixtures.json(made)
            let nominationID = try #require(nomination["id"] as? String)
            #expect((nomination["beneficiary"] as? [String: Any])?["name"] as? String == "Drita")
            let mail = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "drita@example.org")
                .first()
            #expect(mail?.language == "sq")
            #expect(mail?.qrContent?.contains("/v/") == true)

            let second = try await client.call(
                .POST, nominations, json: body.replacingOccurrences(of: "Drita", with: "Other"), key: "k-nominate-2")
            #expect(second.status == .conflict)
            #expect(try Fixtures.error(second).code == "voucher-taken")
            let unknown = try await client.call(
                .POST, nominations, json: body.replacingOccurrences(of: voucherID, with: UUID().uuidString),
                key: "k-nominate-3")
            #expect(unknown.status == .notFound)
            let invalid = try await client.call(
                .POST, nominations, json: #"{"voucher_id":"x","name":"","language":"de","delivery":"email"}"#,
                key: "k-nominate-4")
            #expect(invalid.status == .unprocessableEntity)
            let fields = try #require(
                (try Fixtures.json(invalid)["error"] as? [String: Any])?["details"] as? [[String: Any]])
            #expect(Set(fields.compactMap { $0["field"] as? String }) == ["voucher_id", "name", "language", "email"])

            let one = SiteRoute.apiPartnerNomination(.value(DemoData.dora), nomination: .key).path
                .replacingOccurrences(of: ":nominationID", with: nominationID)
            let withdrawn = try await client.call(.DELETE, one)
            #expect(withdrawn.status == .ok)
            #expect(try Fixtures.json(withdrawn)["withdrawn_at"] != nil)
            let voucher = try await VoucherModel.find(UUID(uuidString: voucherID), on: app.db)
            #expect(voucher?.status == .issued)
            // Repeating it changes nothing and answers the same.
            let again = try await client.call(.DELETE, one)
            #expect(again.status == .ok)
            #expect(
                try Fixtures.json(again)["withdrawn_at"] as? String
                    == (try Fixtures.json(withdrawn)["withdrawn_at"] as? String)
            )

            // Another partner's vouchers, and a mentor's token, are refused.
            let other = SiteRoute.apiPartnerVouchers(.value(DemoData.iparticipate)).path
            #expect(try await client.call(.GET, other).status == .forbidden)
            let mentor = Client(app, token: try await Self.token(app, "mentor@mentore.test"))
            #expect(try await mentor.call(.GET, list).status == .forbidden)
            #expect(try await client.call(.GET, list + "?status=lost").status == .unprocessableEntity)
            #expect(try await client.call(.GET, list + "?limit=0").status == .unprocessableEntity)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    // MARK: The route table and its document

    @Test("every API route admits exactly the roles of its area with a token, and nobody gets a server error")
    func routeTableWithTokens() async throws {
        try await withApp(environment: Self.providers, seed: true) { app async throws in
            let routes = app.routes.all.filter(Self.isAPI)
            #expect(routes.count >= 8)
            let users: [(email: String?, roles: Set<Role>)] = [
                (nil, []),
                ("admin@mentore.test", [.admin]),
                ("mentor@mentore.test", [.mentor]),
                ("partner@mentore.test", [.partnerCoordinator]),
                ("organizer@mentore.test", [.organizerManager]),
                ("door@mentore.test", [.doorStaff]),
            ]
            for user in users {
                let token = try await user.email.asyncMap { try await Self.token(app, $0) }
                let client = Client(app, token: token)
                for route in routes {
                    let area = try #require(Area(rawValue: route.userInfo["area"] as? String ?? ""))
                    let path = AuthorizationTests.concretePath(route)
                    let page = try await client.call(
                        route.method, path, json: route.method == .POST ? "{}" : nil,
                        key: route.method == .GET ? nil : "k-walk-\(UUID().uuidString.prefix(8))")
                    let who = user.email ?? "anonymous"
                    #expect(page.status.code < 500, "\(who) \(route.method) \(path) → \(page.status.code)")
                    #expect(page.headers.contentType == .json, "\(who) \(route.method) \(path)")
                    if user.email == nil && area.requiresSignIn {
                        #expect(page.status == .unauthorized, "\(who) \(route.method) \(path) → \(page.status.code)")
                    } else if area.admits(user.roles) || !area.requiresSignIn {
                        #expect(page.status != .forbidden, "\(who) \(route.method) \(path) should be allowed")
                    } else {
                        #expect(page.status == .forbidden, "\(who) \(route.method) \(path) → \(page.status.code)")
                    }
                }
            }
        }
    }

    @Test("the OpenAPI document names exactly the API routes the server registers")
    func documentMatchesRoutes() async throws {
        try await withApp { app async throws in
            let page = try await TestBrowser(app).get(SiteRoute.apiOpenAPI.path)
            #expect(page.status == .ok)
            #expect(page.headers.contentType == .json)
            let document = try Fixtures.json(page)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            let registered = Set(
                app.routes.all.filter(Self.isAPI).map { route in
                    let path = route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }
                    return "\(route.method.rawValue) /" + path.joined(separator: "/")
                })
            #expect(registered == documented)
        }
    }

    @Test("a method an API path does not have answers 405 with the methods it has")
    func methodNotAllowed() async throws {
        try await withApp { app async throws in
            let page = try await Client(app, token: nil).call(.PUT, SiteRoute.apiContributions.path)
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers.first(name: .allow) == "GET, POST")
            #expect(try Fixtures.error(page).code == "method-not-allowed")
            #expect(try await Client(app, token: nil).call(.GET, "/api/v1/nothing").status == .notFound)
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
