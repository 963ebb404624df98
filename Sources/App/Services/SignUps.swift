import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Sign-up by e-mail: the form answers the same whether or not the address has an account,
/// and the e-mail says the rest to the address's owner. A new address gets a link that makes
/// the account (valid a day); an address with an account gets a message that says so, with
/// the way to log in or reset the password.
enum SignUps {
    static let lifetime: TimeInterval = 86400

    /// Sends the message the address gets for this sign-up (`rateLimited` past the limits).
    static func request(_ draft: SignUp, next: String?, req: Request) async throws {
        try await AccountMail.admit(to: draft.email, req: req)
        // Hashed in both cases, so that neither answer is quicker than the other.
        let hash = try await Passwords.hash(draft.password, app: req.application)
        let site = req.application.mentore.config.siteURL
        if let user = try await UserModel.query(on: req.db).filter(\.$email == draft.email).first() {
            let mail = Outbox.message(
                "email-signup-existing", to: user.email, language: user.language,
                args: [
                    "name": .string(user.displayName), "login": .string(site + SiteRoute.login().path),
                    "reset": .string(site + SiteRoute.forgotPassword.path),
                ],
                app: req.application)
            try await AccountStore.requestSignUp(nil, record: .init(mail: [mail]), on: req.db)
            return
        }
        let token = SecureToken.make()
        let request = SignUpRequestModel(
            email: draft.email, displayName: draft.displayName, passwordHash: hash, language: req.language,
            next: SiteRoute.localTarget(next), tokenHash: SecureToken.hash(token),
            expiresAt: req.now.addingTimeInterval(lifetime), at: req.now)
        let mail = Outbox.message(
            "email-signup-confirm", to: draft.email, language: req.language,
            args: [
                "name": .string(draft.displayName),
                "link": .string(site + SiteRoute.signUpConfirm(.value(token)).path),
            ],
            app: req.application, secret: true)
        try await AccountStore.requestSignUp(request, record: .init(mail: [mail]), on: req.db)
    }

    /// The sign-up a link confirms, while it is unused and valid; `tokenInvalid` otherwise.
    static func pending(token: String, req: Request) async throws -> SignUpRequestModel {
        guard
            let request = try await SignUpRequestModel.query(on: req.db)
                .filter(\.$tokenHash == SecureToken.hash(token)).first(),
            request.usedAt == nil, request.expiresAt > req.now
        else { throw DomainError(.tokenInvalid) }
        return request
    }

    /// Makes the account; returns it with where to go next.
    static func confirm(token: String, req: Request) async throws -> (user: UserModel, next: String?) {
        let request = try await pending(token: token, req: req)
        let user = try await AccountStore.confirmSignUp(try request.requireID(), at: req.now, on: req.db)
        return (user, request.next)
    }
}

/// Messages that anonymous forms ask for (a sign-up's, a password reset's): counted per
/// recipient (an inbox cannot be flooded), per client address and for everyone together,
/// before any password is hashed or any mail written. The same whether or not the address has
/// an account, so the limit tells nothing either.
enum AccountMail {
    static func admit(to email: String, req: Request) async throws {
        let config = req.application.mentore.config
        let now = req.now
        let counts = try await AccountStore.countAccountMail(
            to: email, from: req.clientAddress, at: now, since: now.addingTimeInterval(-config.loginWindowSeconds),
            on: req.db)
        guard counts.recipient <= config.accountMailLimitPerEmail,
            counts.address <= config.accountMailLimitPerAddress, counts.overall <= config.authLimitTotal
        else { throw DomainError(.rateLimited) }
    }
}
