import Domain
import Fluent
import Persistence
import SQLKit
import Vapor

/// The language switch, the account page, health and metrics.
enum SiteController {
    /// Keeps the chosen language in a cookie (and on the account when signed in), then goes back.
    @Sendable static func language(req: Request) async throws -> Response {
        // it, sq, en, and the pseudo-locale en-XA (for testing translations and layouts).
        guard let code = req.parameters.get("code"), req.application.mentore.localizer.languages.contains(code) else {
            throw DomainError(.notFound)
        }
        if let user = req.currentUser {
            try await UserModel.query(on: req.db).filter(\.$id == user.id).set(\.$language, to: code).update()
        }
        let next = SiteRoute.localTarget(req.query[String.self, at: "next"]) ?? SiteRoute.home.path
        let response = req.redirect(to: next, redirectType: .normal)
        response.cookies["lang"] = HTTPCookies.Value(
            string: code, maxAge: 365 * 86400, path: "/", isSecure: req.application.mentore.config.cookieSecure,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    struct AccountInput: Content {
        var displayName: String?
        var language: String?
    }

    static func accountForm(_ req: Request, input: AccountInput, errors: [String: String] = [:]) -> FormView {
        var form = FormView(
            action: SiteRoute.account.path, submit: req.t("action-save"),
            fields: [
                .init(
                    name: "displayName", label: req.t("field-display-name"), type: "text",
                    value: input.displayName ?? "", autocomplete: "name"),
                .init(
                    name: "language", label: req.t("field-language"), type: "select",
                    options: Language.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                            selected: $0.rawValue == input.language)
                    }),
            ],
            links: [
                .init(href: SiteRoute.organizerApplication.path, label: req.t("account-apply-organizer")),
                .init(href: SiteRoute.accountTokens.path, label: req.t("tokens-title")),
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func account(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if req.method == .GET {
            return try await req.page(
                "form", title: req.t("account-title"),
                accountForm(req, input: .init(displayName: user.displayName, language: user.language)))
        }
        let input = try req.content.decode(AccountInput.self)
        var v = Validator()
        let name = v.text(input.displayName, field: "displayName", max: 100)
        if Language(rawValue: input.language ?? "") == nil { v.add(.invalidValue, field: "language") }
        do {
            try v.finish()
        } catch {
            return try await req.page(
                "form", title: req.t("account-title"), accountForm(req, input: input, errors: req.messages(for: error)),
                status: .unprocessableEntity)
        }
        try await UserModel.query(on: req.db).filter(\.$id == user.id).set(\.$displayName, to: name).set(
            \.$language, to: input.language ?? "it"
        ).update()
        req.currentUser = try await CurrentUser.load(user.id, on: req.db)
        var form = accountForm(req, input: input)
        form.notice = req.t("account-saved")
        return try await req.page("form", title: req.t("account-title"), form)
    }

    @Sendable static func health(req: Request) async throws -> Response {
        struct Health: Content {
            var status: String
            var database: String
        }
        func unavailable(_ database: String) async throws -> Response {
            let response = try await Health(status: "unavailable", database: database).encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            _ = try await sql.raw("SELECT 1 AS ok").all()
        } catch {
            return try await unavailable("unreachable")
        }
        // A database that answers but cannot be written (a full disk, a read-only replica, a
        // lost lock) is not healthy either: a write is tried every few seconds.
        let probe = req.application.mentore.healthProbe
        if probe.isDue(at: req.now) {
            do {
                try await HealthStore.probeWrite(on: req.db)
                probe.passed(at: req.now)
            } catch {
                return try await unavailable("not-writable")
            }
        }
        return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
    }

    /// `GET /metrics`: Prometheus text, for the scraper that sends `METRICS_TOKEN` as its bearer
    /// token; unknown without it (and when no token is configured).
    @Sendable static func metrics(req: Request) async throws -> Response {
        guard let expected = req.application.mentore.config.metricsToken,
            let given = req.headers.bearerAuthorization?.token,
            SecureToken.hash(given) == SecureToken.hash(expected)
        else { throw DomainError(.notFound) }
        let response = Response(status: .ok, body: .init(string: req.application.mentore.metrics.render()))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }
}
