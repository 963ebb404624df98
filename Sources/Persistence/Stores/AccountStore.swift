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
    /// later one, gets `tokenInvalid`.
    public static func resetPassword(
        _ resetID: UUID, userID: UUID, passwordHash: String, at date: Date, on db: any Database
    )
        async throws
    {
        try await db.writeTransaction { db in
            guard try await db.setOnce(PasswordResetModel.schema, id: resetID, column: "used_at", to: date) else {
                throw DomainError(.tokenInvalid)
            }
            try await UserModel.query(on: db).filter(\.$id == userID).set(\.$passwordHash, to: passwordHash).update()
            if let email = try await UserModel.find(userID, on: db)?.email {
                try await LoginAttemptModel.query(on: db).filter(\.$scope == accountScope(email)).delete()
            }
        }
    }
}
