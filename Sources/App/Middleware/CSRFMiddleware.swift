import Domain
import Vapor

/// Refuses every state-changing form post that does not carry the session's CSRF token.
///
/// The JSON API under `/api/` authenticates with bearer tokens, not cookies, and is exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD, request.method != .OPTIONS,
            !request.url.path.hasPrefix("/api/")
        else {
            return try await next.respond(to: request)
        }
        let sent =
            request.headers.first(name: "X-CSRF-Token")
            ?? (try? request.content.get(String.self, at: Self.field))
        guard request.hasSession, let expected = request.session.data["csrf"], let sent,
            Self.constantTimeEqual(expected, sent)
        else {
            throw DomainError(.csrf)
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

extension Request {
    /// The session's CSRF token, created (with the session) on first use.
    public func csrfToken() -> String {
        if let token = session.data["csrf"] { return token }
        let token = SecureToken.make()
        session.data["csrf"] = token
        return token
    }
}
