import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Log-in with its limits. Every attempt is counted before any password is hashed; the
/// account's failures make each further attempt wait (1, 2, 4 … seconds, `LoginThrottle`)
/// instead of locking the account; the client's address and everyone together have a limit
/// per window.
enum Logins {
    enum Outcome {
        case signedIn(UserModel)
        case wrongCredentials
        /// The account's delay has not passed: try again in this many seconds.
        case wait(Int)
        /// Too many attempts from this address, or from everyone.
        case limited
    }

    static func attempt(email: String, password: String, req: Request) async throws -> Outcome {
        let config = req.application.mentore.config
        let now = req.now
        let attempt = try await AccountStore.beginLogin(
            email: email, address: req.clientAddress, at: now,
            since: now.addingTimeInterval(-config.loginWindowSeconds),
            on: req.db)
        if attempt.fromAddress > config.loginLimitPerAddress || attempt.overall > config.authLimitTotal {
            return .limited
        }
        let wait = LoginThrottle.wait(
            failures: attempt.accountFailures, latest: attempt.latestAccountFailure, free: config.loginLimitPerAccount,
            now: now)
        if wait > 0 {
            try await AccountStore.loginDeferred(attempt, on: req.db)
            return .wait(Int(wait.rounded(.up)))
        }
        let user = try await UserModel.query(on: req.db).filter(\.$email == email).first()
        let valid = try await Passwords.verify(
            password, hash: user?.passwordHash ?? req.application.mentore.decoyHash, app: req.application)
        guard let user, valid else { return .wrongCredentials }
        try await AccountStore.loginSucceeded(attempt, email: email, on: req.db)
        return .signedIn(user)
    }
}
