import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Password reset by an e-mailed, single-use, one-hour token.
enum PasswordController {
    static let lifetime: TimeInterval = 3600

    struct ForgotInput: Content {
        var email: String?
    }

    struct ResetInput: Content {
        var password: String?
        var confirmation: String?
    }

    static func forgotForm(_ req: Request, email: String = "", errors: [String: String] = [:]) -> FormView {
        var form = FormView(
            action: SiteRoute.forgotPassword.path, submit: req.t("forgot-submit"),
            fields: [
                .init(name: "email", label: req.t("field-email"), type: "email", value: email, autocomplete: "email")
            ],
            intro: req.t("forgot-intro"))
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func showForgot(req: Request) async throws -> Response {
        try await req.page("form", title: req.t("forgot-title"), forgotForm(req))
    }

    @Sendable static func forgot(req: Request) async throws -> Response {
        let input = try req.content.decode(ForgotInput.self)
        var validator = Validator()
        let email = validator.email(input.email)
        do {
            try validator.finish()
        } catch {
            return try await req.page(
                "form", title: req.t("forgot-title"), forgotForm(req, email: email, errors: req.messages(for: error)),
                status: .unprocessableEntity)
        }
        do {
            try await AccountMail.admit(to: email, req: req)
        } catch let error as DomainError where error.code == .rateLimited {
            return try await req.page(
                "form", title: req.t("forgot-title"),
                forgotForm(req, email: email, errors: ["form": req.t("error-rate-limited")]), status: .tooManyRequests)
        }
        // The answer is the same whether or not the account exists.
        if let user = try await UserModel.query(on: req.db).filter(\.$email == email).first() {
            let token = SecureToken.make()
            let mail = Outbox.message(
                "email-reset", to: user.email, language: user.language,
                args: [
                    "name": .string(user.displayName),
                    "link": .string(
                        req.application.mentore.config.siteURL + SiteRoute.resetPassword(.value(token)).path),
                ],
                app: req.application, secret: true)
            try await AccountStore.requestReset(
                PasswordResetModel(
                    userID: user.requireID(), tokenHash: SecureToken.hash(token),
                    expiresAt: req.now.addingTimeInterval(lifetime)),
                record: .init(mail: [mail]), on: req.db)
        }
        var form = forgotForm(req, email: email)
        form.notice = req.t("forgot-sent")
        form.fields = []
        return try await req.page("form", title: req.t("forgot-title"), form)
    }

    static func resetForm(_ req: Request, token: String, errors: [String: String] = [:]) -> FormView {
        var form = FormView(
            action: SiteRoute.resetPassword(.value(token)).path, submit: req.t("reset-submit"),
            fields: [
                .init(
                    name: "password", label: req.t("field-new-password"), type: "password",
                    hint: req.t("hint-password", ["min": .integer(SignUp.minimumPasswordLength)]),
                    autocomplete: "new-password"),
                .init(
                    name: "confirmation", label: req.t("field-password-confirmation"), type: "password",
                    autocomplete: "new-password"),
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    static func validReset(_ req: Request, token: String) async throws -> PasswordResetModel {
        guard
            let reset = try await PasswordResetModel.query(on: req.db).filter(\.$tokenHash == SecureToken.hash(token))
                .first(),
            reset.usedAt == nil, reset.expiresAt > req.now
        else { throw DomainError(.tokenInvalid) }
        return reset
    }

    @Sendable static func showReset(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        _ = try await validReset(req, token: token)
        return try await req.page("form", title: req.t("reset-title"), resetForm(req, token: token))
    }

    @Sendable static func reset(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let reset = try await validReset(req, token: token)
        let input = try req.content.decode(ResetInput.self)
        var validator = Validator()
        let password = validator.newPassword(input.password, confirmation: input.confirmation)
        do {
            try validator.finish()
        } catch {
            return try await req.page(
                "form", title: req.t("reset-title"), resetForm(req, token: token, errors: req.messages(for: error)),
                status: .unprocessableEntity)
        }
        let hash = try await Passwords.hash(password, app: req.application)
        let userID = reset.$user.id
        try await AccountStore.resetPassword(
            reset.requireID(), userID: userID, passwordHash: hash, at: req.now, on: req.db)
        try await AuthController.signIn(req, userID: userID)
        return req.redirect(to: SiteRoute.dashboard.path, redirectType: .normal)
    }
}
