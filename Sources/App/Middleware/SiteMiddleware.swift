import Vapor

/// Counts and times every request by route pattern, and sets the headers every response carries.
struct SiteMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        // The error middleware sits inside this one, so every error is already a response here.
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        request.application.mentore.metrics.recordRequest(
            method: request.method.rawValue, route: route, status: Int(response.status.code), seconds: seconds)
        // The route pattern, never the path or query: paths and queries can carry tokens and voucher codes.
        request.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(route),
                "status": .stringConvertible(response.status.code),
                "ms": .stringConvertible(Int(seconds * 1000)),
            ])
        response.headers.replaceOrAdd(name: .contentLanguage, value: request.language)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if request.application.mentore.config.siteURL.hasPrefix("https://") {
            // Browsers that came once by https never try plain http again (where a network could
            // read the session cookie or change the page).
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        if request.route != nil, !response.headers.contains(name: .cacheControl) {
            // Pages and API answers are made for one reader (a name, a voucher, a new token, the
            // session's form token, the language chosen): no cache, shared or the browser's, keeps
            // them. Static files (no route) keep their validators.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        // The raw header, not `contentType` (which parses every directive of it on each response).
        if response.headers.first(name: .contentType)?.lowercased().hasPrefix("text/") == true {
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value:
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
            )
        }
        return response
    }
}
