import Domain
import FluentKit
import Foundation
import SQLKit

/// Accounts: failed log-ins counted against guessing, and password resets.
public enum AccountStore {
    static func accountScope(_ email: String) -> String { "account:" + email }
    static func addressScope(_ address: String) -> String { "address:" + address }

    static let everyLogin = "login:all"
    static func mailAddressScope(_ address: String) -> String { "account-mail:address:" + address }
    static func mailRecipientScope(_ email: String) -> String { "account-mail:email:" + email }
    static let everyAccountMail = "account-mail:all"

    /// A log-in attempt, counted before its password is checked.
    public struct LoginAttempt: Sendable {
        /// Its own rows (one per scope).
        public var ids: [UUID]
        /// The account's failures before this attempt within the window, and the latest of them.
        public var accountFailures: Int
        public var latestAccountFailure: Date?
        /// Attempts from the client's address, and from everyone, within the window (this one included).
        public var fromAddress: Int
        public var overall: Int
    }

    /// Counts a log-in attempt against the account, the client's address and everyone, before
    /// any password is hashed: a burst of parallel attempts sees itself, so only the first few
    /// are hashed. It stays counted as a failure unless `loginSucceeded` or `loginDeferred`
    /// says otherwise.
    public static func beginLogin(email: String, address: String, at date: Date, since: Date, on db: any Database)
        async throws -> LoginAttempt
    {
        let scopes = [accountScope(email), addressScope(address), everyLogin]
        let tally = try await count(scopes, at: date, since: since, on: db)
        return LoginAttempt(
            ids: tally.ids, accountFailures: tally.counts[0] - 1, latestAccountFailure: tally.latestOthers[0],
            fromAddress: tally.counts[1], overall: tally.counts[2])
    }

    /// The password was right: the attempt was no failure, and the account's failures are forgiven.
    public static func loginSucceeded(_ attempt: LoginAttempt, email: String, on db: any Database) async throws {
        try await db.writeTransaction { db in
            try await LoginAttemptModel.query(on: db).filter(\.$id ~~ attempt.ids).delete()
            try await LoginAttemptModel.query(on: db).filter(\.$scope == accountScope(email)).delete()
        }
    }

    /// The attempt waited for its delay without a password being checked: it is not one more
    /// failure of the account (which would only lengthen the owner's wait), but it still counts
    /// against the address and everyone.
    public static func loginDeferred(_ attempt: LoginAttempt, on db: any Database) async throws {
        guard let own = attempt.ids.first else { return }
        try await db.writeTransaction { db in
            try await LoginAttemptModel.query(on: db).filter(\.$id == own).delete()
        }
    }

    /// Counts a message asked for by an anonymous form (sign-up, password reset) against the
    /// recipient, the client's address and everyone; returns the counts in the window, this
    /// one included.
    public static func countAccountMail(
        to email: String, from address: String, at date: Date, since: Date,
        on db: any Database
    ) async throws -> (recipient: Int, address: Int, overall: Int) {
        let tally = try await count(
            [mailRecipientScope(email), mailAddressScope(address), everyAccountMail], at: date, since: since, on: db)
        return (tally.counts[0], tally.counts[1], tally.counts[2])
    }

    /// One row per scope, then each scope's rows since `since`, in one write transaction. On
    /// PostgreSQL each scope is locked for the transaction first (an advisory lock), so two
    /// instances counting the same scope count one after the other; SQLite's write transaction
    /// holds the database's one write lock.
    static func count(_ scopes: [String], at date: Date, since: Date, on db: any Database) async throws
        -> (ids: [UUID], counts: [Int], latestOthers: [Date?])
    {
        try await db.writeTransaction { db in
            let sql = db.storeSQL
            if db.isPostgres {
                for scope in scopes.sorted() {
                    try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: scope)))").run()
                }
            }
            var ids: [UUID] = []
            var counts: [Int] = []
            var latest: [Date?] = []
            for scope in scopes {
                let row = LoginAttemptModel(scope: scope, at: date)
                try await row.create(on: db)
                let id = try row.requireID()
                ids.append(id)
                let recent = LoginAttemptModel.query(on: db).filter(\.$scope == scope).filter(\.$createdAt > since)
                counts.append(try await recent.count())
                latest.append(try await recent.copy().filter(\.$id != id).max(\.$createdAt))
            }
            return (ids, counts, latest)
        }
    }

    /// Stores a password reset with the mail that carries its link.
    public static func requestReset(_ reset: PasswordResetModel, record: ChangeRecord, on db: any Database)
        async throws
    {
        try await db.writeTransaction { db in
            try await reset.create(on: db)
            try await record.write(on: db)
        }
    }

    /// Uses a reset, once, to set the account's password (`passwordHash`) and forgive its failed
    /// log-ins. Of two concurrent submissions of the same token one wins; the other, and any
    /// later one, gets `tokenInvalid`. Whoever knew the old password loses what it gave them:
    /// the account's sessions are signed out (its epoch moves on), its API tokens are revoked,
    /// and its other reset links stop working.
    public static func resetPassword(
        _ resetID: UUID, userID: UUID, passwordHash: String, at date: Date, on db: any Database
    )
        async throws
    {
        try await db.writeTransaction { db in
            guard try await db.setOnce(PasswordResetModel.schema, id: resetID, column: "used_at", to: date) else {
                throw DomainError(.tokenInvalid)
            }
            let rows = try await db.storeSQL.update(UserModel.schema)
                .set("password_hash", to: SQLBind(passwordHash))
                .set(
                    "session_epoch", to: SQLBinaryExpression(SQLColumn("session_epoch"), .add, SQLLiteral.numeric("1"))
                )
                .where("id", .equal, SQLBind(userID))
                .returning("email").all()
            guard let email = try rows.first?.decode(column: "email", as: String.self) else {
                throw DomainError(.tokenInvalid)
            }
            try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: date).update()
            try await PasswordResetModel.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil)
                .set(\.$usedAt, to: date).update()
            try await LoginAttemptModel.query(on: db).filter(\.$scope == accountScope(email)).delete()
        }
    }

    /// Stores a sign-up waiting for its address to be confirmed (nil when the address already
    /// has an account) with the mail that goes to the address either way.
    public static func requestSignUp(_ request: SignUpRequestModel?, record: ChangeRecord, on db: any Database)
        async throws
    {
        try await db.writeTransaction { db in
            try await request?.create(on: db)
            try await record.write(on: db)
        }
    }

    /// Makes the account of a confirmed sign-up, once; returns it. A link used already (or at
    /// the same moment on another instance) is `tokenInvalid`; an address that got an account
    /// in the meantime (two sign-ups confirmed) is `emailTaken`, and the link stays unused.
    public static func confirmSignUp(_ requestID: UUID, at date: Date, on db: any Database) async throws -> UserModel {
        try await db.writeTransaction { db in
            guard let request = try await SignUpRequestModel.find(requestID, on: db),
                try await db.setOnce(SignUpRequestModel.schema, id: requestID, column: "used_at", to: date)
            else { throw DomainError(.tokenInvalid) }
            guard try await UserModel.query(on: db).filter(\.$email == request.email).count() == 0 else {
                throw DomainError(.emailTaken)
            }
            let user = UserModel(
                email: request.email, passwordHash: request.passwordHash, displayName: request.displayName,
                language: request.language, isMentor: true)
            do {
                try await user.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Two confirmations for the same address at once: the unique index decides.
                throw DomainError(.emailTaken)
            }
            return user
        }
    }
}
