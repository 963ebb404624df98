import Fluent
import Foundation
import NIOHTTP1
import NIOPosix
import Persistence
import Testing
import Vapor
import VaporTesting

@testable import App

/// A test client that keeps cookies like a browser and submits forms with their CSRF token.
final class TestBrowser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    /// Send each request to a real server on a loopback port (body limits and the like apply
    /// only there), not through the app in memory.
    var live = false
    var acceptLanguage: String?

    init(_ app: Application, acceptLanguage: String? = nil) {
        self.app = app
        self.acceptLanguage = acceptLanguage
    }

    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String

        var location: String? { headers.first(name: .location) }

        /// The value of the first hidden `_csrf` field on the page.
        var csrf: String? {
            guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
            let rest = body[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }

        /// Whether the raw HTML contains `text` as written.
        func contains(_ text: String) -> Bool { body.contains(text) }

        /// Whether the page shows `text`, escaped as Leaf escapes it.
        func shows(_ text: String) -> Bool {
            body.contains(
                text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                    .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;"))
        }
    }

    @discardableResult
    func get(_ path: String, headers extra: [(String, String)] = []) async throws -> Page {
        try await send(.GET, path, body: nil, headers: extra)
    }

    /// Posts a form; `csrf` nil means: take the token from the last page rendered with one.
    @discardableResult
    func post(_ path: String, _ form: [(String, String)], csrf: String? = nil, includeCSRF: Bool = true) async throws
        -> Page
    {
        var fields = form
        if includeCSRF {
            let token: String?
            if let csrf {
                token = csrf
            } else {
                token = try await csrfToken()
            }
            if let token { fields.append(("_csrf", token)) }
        }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            .POST, path, body: body, headers: [("Content-Type", "application/x-www-form-urlencoded")])
    }

    /// Posts a `multipart/form-data` form with text fields and one text file, as a browser's
    /// file upload does.
    @discardableResult
    func postMultipart(_ path: String, _ form: [(String, String)], file: (name: String, filename: String, text: String))
        async throws -> Page
    {
        var fields = form
        if let token = try await csrfToken() { fields.append(("_csrf", token)) }
        let boundary = "----mentore-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
            + "Content-Type: text/csv\r\n\r\n\(file.text)\r\n--\(boundary)--\r\n"
        return try await send(
            .POST, path, body: body, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
    }

    /// A CSRF token for this browser's session (opening the log-in page creates one if needed).
    func csrfToken() async throws -> String? {
        if let token = lastToken { return token }
        let page = try await get(SiteRoute.login().path)
        return page.csrf
    }

    private var lastToken: String?

    func login(_ email: String, password: String = DemoData.password) async throws -> Page {
        let form = try await get(SiteRoute.login().path)
        return try await post(SiteRoute.login().path, [("email", email), ("password", password)], csrf: form.csrf)
    }

    /// Signs up a mentor through the form and the e-mailed link, and checks that it worked.
    func signUp(_ email: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let form = try await get(SiteRoute.signUp.path)
        let sent = try await post(SiteRoute.signUp.path, AuthTests.signUpForm(email: email), csrf: form.csrf)
        #expect(sent.status == .ok, "sign-up of \(email)", sourceLocation: sourceLocation)
        let page = try await confirmSignUp(email.lowercased())
        #expect(page?.status == .seeOther, "sign-up of \(email) confirmed", sourceLocation: sourceLocation)
    }

    /// Opens the newest sign-up link e-mailed to `email` and presses its button; nil without one.
    func confirmSignUp(_ email: String) async throws -> Page? {
        guard let path = try await Self.signUpLink(to: email, app: app) else { return nil }
        let form = try await get(path)
        return try await post(path, [], csrf: form.csrf)
    }

    /// The path of the newest sign-up link in the outbox for `email`.
    static func signUpLink(to email: String, app: Application) async throws -> String? {
        let messages = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == email)
            .sort(\.$createdAt, .descending).all()
        let prefix = app.mentore.config.siteURL + "/signup/confirm/"
        for message in messages {
            if let link = message.textBody.components(separatedBy: .whitespacesAndNewlines).first(where: {
                $0.hasPrefix(prefix)
            }) {
                return String(link.dropFirst(app.mentore.config.siteURL.count))
            }
        }
        return nil
    }

    /// Any request, as written: for the JSON API (no cookies are sent unless this browser has some).
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, body: String?, headers extra: [(String, String)])
        async throws -> Page
    {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let acceptLanguage { headers.add(name: .acceptLanguage, value: acceptLanguage) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        var buffer: ByteBuffer?
        if let body { buffer = ByteBuffer(string: body) }
        var result: Page?
        let tester =
            live
            ? try app.testing(method: .running(hostname: "127.0.0.1", port: try await Self.freePort()))
            : try app.testing()
        try await tester.test(method, path, headers: headers, body: buffer) { response in
            for value in response.headers[.setCookie] {
                let pair = value.split(separator: ";").first.map(String.init) ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                if value.lowercased().contains("expires=thu, 01 jan 1970") || value.contains("Max-Age=0") {
                    cookies[parts[0]] = nil
                } else {
                    cookies[parts[0]] = parts[1]
                }
            }
            result = Page(status: response.status, headers: response.headers, body: response.body.string)
        }
        if let token = result?.csrf { lastToken = token }
        if method == .POST, result?.status == .seeOther || result?.status == .found {
            // A new session after log-in or log-out carries a new token.
            lastToken = nil
        }
        return result!
    }

    /// A port nobody listens on now, for a live server.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
