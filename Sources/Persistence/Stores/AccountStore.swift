import Domain
import FluentKit
import Foundation
import SQLKit

/// Accounts: failed log-ins counted against guessing, and password resets.
public enum AccountStore {
    static func accountScope(_ email: String) -> String { "account:" + email }
    static func addressScope(_ address: String) -> String { "address:" + address }

    /// The failed log-ins since `since`, for this account and from this address.
    public static func recentFailures(email: String, address: String, since: Date, on db: any Database) async throws
        -> (account: Int, address: Int)
    {
        let account = try await LoginAttemptModel.query(on: db).filter(\.$scope == accountScope(email))
            .filter(\.$createdAt > since).count()
        let fromAddress = try await LoginAttemptModel.query(on: db).filter(\.$scope == addressScope(address))
            .filter(\.$createdAt > since).count()
        return (account, fromAddress)
    }

    /// Counts a failed log-in against the account and against the address it came from.
    public static func failedLogin(email: String, address: String, at date: Date, on db: any Database) async throws {
        try await db.writeTransaction { db in
            for scope in [accountScope(email), addressScope(address)] {
                try await LoginAttemptModel(scope: scope, at: date).create(on: db)
            }
        }
    }

    /// Forgets the account's failed log-ins (after a successful one); the address's stay.
    public static func clearFailures(email: String, on db: any Database) async throws {
        try await LoginAttemptModel.query(on: db).filter(\.$scope == accountScope(email)).delete()
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
