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
            // A session signed in before the account's password was reset is over (sessions made
            // before epochs existed are of epoch 0).
            if let user = try await CurrentUser.load(id, on: request.db),
                (request.session.data["epoch"] ?? "0") == String(user.sessionEpoch)
            {
                request.currentUser = user
            } else {
                // Signed out, but the session stays: a page rendered now puts its form token in
                // it (a destroyed session would drop the token, and the form would be refused).
                request.session.data["user"] = nil
                request.session.data["epoch"] = nil
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
