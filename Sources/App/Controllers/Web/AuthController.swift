import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Sign-up, log-in and log-out.
enum AuthController {
    struct SignUpInput: Content {
        var displayName: String?
        var email: String?
        var password: String?
        var confirmation: String?
        /// Where to go once signed up (a fund's page, when signing up on the way to contribute).
        var next: String?
    }

    struct LoginInput: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    static func signUpForm(_ req: Request, _ input: SignUpInput = .init(), errors: [String: String] = [:]) -> FormView {
        var form = FormView(
            action: SiteRoute.signUp.path, submit: req.t("signup-submit"),
            fields: [
                .init(
                    name: "displayName", label: req.t("field-display-name"), type: "text",
                    value: input.displayName ?? "", autocomplete: "name"),
                .init(
                    name: "email", label: req.t("field-email"), type: "email", value: input.email ?? "",
                    autocomplete: "email"),
                .init(
                    name: "password", label: req.t("field-password"), type: "password",
                    hint: req.t("hint-password", ["min": .integer(SignUp.minimumPasswordLength)]),
                    autocomplete: "new-password"),
                .init(
                    name: "confirmation", label: req.t("field-password-confirmation"), type: "password",
                    autocomplete: "new-password"),
            ],
            intro: req.t("signup-intro"),
            links: [.init(href: SiteRoute.login(next: input.next).path, label: req.t("signup-have-account"))])
        if let next = SiteRoute.localTarget(input.next) {
            form.fields.append(.init(name: "next", label: "", type: "hidden", value: next, required: false))
        }
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func showSignUp(req: Request) async throws -> Response {
        try await req.page(
            "form", title: req.t("signup-title"), signUpForm(req, .init(next: req.query[String.self, at: "next"])))
    }

    /// Answers the same for an address with an account and one without: the e-mail to the
    /// address says which (a link that makes the account, or the way to log in).
    @Sendable static func signUp(req: Request) async throws -> Response {
        let input = try req.content.decode(SignUpInput.self)
        let draft: SignUp
        do {
            draft = try SignUp(
                email: input.email, password: input.password, confirmation: input.confirmation,
                displayName: input.displayName)
        } catch {
            var safe = input
            safe.password = nil
            safe.confirmation = nil
            return try await req.page(
                "form", title: req.t("signup-title"), signUpForm(req, safe, errors: req.messages(for: error)),
                status: .unprocessableEntity)
        }
        do {
            try await SignUps.request(draft, next: input.next, req: req)
        } catch let error as DomainError where error.code == .rateLimited {
            var safe = input
            safe.password = nil
            safe.confirmation = nil
            return try await req.page(
                "form", title: req.t("signup-title"),
                signUpForm(req, safe, errors: ["form": req.t("error-rate-limited")]), status: .tooManyRequests)
        }
        var form = signUpForm(req)
        form.notice = req.t("signup-sent")
        form.fields = []
        form.intro = nil
        return try await req.page("form", title: req.t("signup-title"), form)
    }

    static func confirmForm(_ req: Request, token: String, email: String) -> FormView {
        var form = FormView(
            action: SiteRoute.signUpConfirm(.value(token)).path, submit: req.t("signup-confirm-submit"), fields: [],
            intro: req.t("signup-confirm-intro", ["email": .string(email)]))
        form.confirms = true
        return form
    }

    /// The e-mailed link shows a button: a mail scanner that opens links makes no account.
    @Sendable static func showConfirm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let request = try await SignUps.pending(token: token, req: req)
        return try await req.page(
            "form", title: req.t("signup-confirm-title"), confirmForm(req, token: token, email: request.email))
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let (user, next) = try await SignUps.confirm(token: token, req: req)
        try await signIn(req, userID: user.requireID())
        return req.redirect(to: SiteRoute.localTarget(next) ?? SiteRoute.dashboard.path, redirectType: .normal)
    }

    static func loginForm(_ req: Request, email: String = "", next: String?, errors: [String: String] = [:]) -> FormView
    {
        var fields: [FormView.Field] = [
            .init(name: "email", label: req.t("field-email"), type: "email", value: email, autocomplete: "email"),
            .init(name: "password", label: req.t("field-password"), type: "password", autocomplete: "current-password"),
        ]
        if let next = SiteRoute.localTarget(next) {
            fields.append(.init(name: "next", label: "", type: "hidden", value: next, required: false))
        }
        var form = FormView(
            action: SiteRoute.login().path, submit: req.t("login-submit"), fields: fields,
            links: [
                .init(href: SiteRoute.forgotPassword.path, label: req.t("login-forgot")),
                .init(href: SiteRoute.signUp.path, label: req.t("login-no-account")),
            ])
        form.apply(errors: errors, summary: errors["form"] ?? req.t("form-has-errors"))
        return form
    }

    @Sendable static func showLogin(req: Request) async throws -> Response {
        try await req.page(
            "form", title: req.t("login-title"), loginForm(req, next: req.query[String.self, at: "next"]))
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let email = (input.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()

        func refuse(_ message: String, status: HTTPStatus) async throws -> Response {
            let form = loginForm(req, email: email, next: input.next, errors: ["form": message])
            return try await req.page("form", title: req.t("login-title"), form, status: status)
        }

        switch try await Logins.attempt(email: email, password: input.password ?? "", req: req) {
        case .signedIn(let user):
            try await signIn(req, userID: user.requireID())
            let next = SiteRoute.localTarget(input.next) ?? SiteRoute.dashboard.path
            return req.redirect(to: next, redirectType: .normal)
        case .wrongCredentials:
            return try await refuse(req.t("error-wrong-credentials"), status: .unauthorized)
        case .wait(let seconds):
            let response = try await refuse(
                req.t("login-wait", ["seconds": .integer(seconds)]), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        case .limited:
            return try await refuse(req.t("error-rate-limited"), status: .tooManyRequests)
        }
    }

    /// Binds the session to the user under a new session id (no session fixation).
    static func signIn(_ req: Request, userID: UUID) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        let user = try await CurrentUser.load(userID, on: req.db)
        req.session.data["user"] = userID.uuidString
        req.session.data["epoch"] = String(user?.sessionEpoch ?? 0)
        req.session.data["csrf"] = SecureToken.make()
        req.currentUser = user
    }

    /// Ends the session and asks the browser to forget what the site stored: the scanner's
    /// cached pages (names of the day's holders) and its queued scans.
    @Sendable static func logout(req: Request) async throws -> Response {
        req.session.destroy()
        let response = req.redirect(to: SiteRoute.home.path, redirectType: .normal)
        response.headers.replaceOrAdd(name: "Clear-Site-Data", value: #""cache", "storage""#)
        return response
    }
}

extension FormView {
    /// Puts each error beside its field and a summary above the form.
    mutating func apply(errors: [String: String], summary: String) {
        for index in fields.indices {
            let name = fields[index].name
            fields[index].error = errors[name]
            let ids = [fields[index].hint.map { _ in "\(name)-hint" }, errors[name].map { _ in "\(name)-error" }]
                .compactMap { $0 }
            fields[index].describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
        }
        // An error about something the form does not show (a hidden field) is said in the summary.
        let shown = Set(fields.filter { $0.type != "hidden" }.map(\.name))
        let unshown = errors.filter { $0.key != "form" && !shown.contains($0.key) }.sorted { $0.key < $1.key }
        error =
            errors.isEmpty
            ? nil : (errors["form"] ?? (unshown.isEmpty ? summary : unshown.map(\.value).joined(separator: " ")))
    }
}
