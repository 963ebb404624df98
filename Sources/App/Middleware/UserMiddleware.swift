import Domain
import Vapor

/// Loads the signed-in user from the session, without creating a session for anonymous visitors.
struct UserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession, let text = request.session.data["user"], let id = UUID(uuidString: text) {
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
