import Domain
import Vapor

/// Loads the signed-in user: from the session for pages (without creating a session for
/// anonymous visitors), from a personal bearer token for the JSON API. The API never looks at
/// the session cookie, so a page on another site cannot make a browser call it (it has no CSRF
/// token to check).
struct UserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.path.hasPrefix("/api/") {
            if let bearer = request.headers.bearerAuthorization?.token {
                request.currentUser = try await PersonalTokens.user(for: bearer, req: request)
            }
        } else if request.hasSession, let text = request.session.data["user"], let id = UUID(uuidString: text) {
            if let user = try await CurrentUser.load(id, on: request.db) {
                request.currentUser = user
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Admits only the roles of one `Area`; every route is registered inside one.
struct AreaMiddleware: AsyncMiddleware {
    let area: Area

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if area.requiresSignIn {
            let user = try request.requireUser()
            guard area.admits(user.roles) else { throw DomainError(.forbidden) }
        }
        return try await next.respond(to: request)
    }
}
