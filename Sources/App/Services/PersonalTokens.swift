import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Personal bearer tokens for the JSON API: made and revoked by their owner on the account
/// page, shown once, kept only as a SHA-256 hash.
enum PersonalTokens {
    /// Tells a Mentore token apart in a password manager or a leaked log.
    static let prefix = "mnt_"
    static let maximumPerUser = 20

    /// Makes a token for `userID` and records who did it; returns the only copy of the token.
    static func create(label: String?, userID: UUID, req: Request) async throws -> String {
        try await create(label: label, userID: userID, app: req.application, on: req.db) { id, label, db in
            try await Audit.record(req, "create-token", "api-token", id, detail: label, on: db)
        }
    }

    /// The same from the command line (`mentore tokens create --user E --label L`).
    static func create(label: String?, userID: UUID, app: Application) async throws -> String {
        try await create(label: label, userID: userID, app: app, on: app.db) { id, label, db in
            try await Audit.recordCommand("create-token", "api-token", id, detail: label, app: app, on: db)
        }
    }

    private static func create(
        label: String?, userID: UUID, app: Application, on db: any Database,
        audit: @escaping @Sendable (UUID, String, any Database) async throws -> Void
    ) async throws -> String {
        var v = Validator()
        let label = v.text(label, field: "label", max: 60)
        try v.finish()
        let active = try await APITokenModel.query(on: db).filter(\.$user.$id == userID)
            .filter(\.$revokedAt == nil).count()
        guard active < maximumPerUser else { throw DomainError(.tooManyTokens, field: "label") }
        let token = prefix + SecureToken.make()
        let model = APITokenModel(
            userID: userID, label: label, tokenHash: SecureToken.hash(token), hint: String(token.suffix(4)),
            at: app.mentore.now())
        try await db.writeTransaction { db in
            try await model.create(on: db)
            try await audit(try model.requireID(), label, db)
        }
        return token
    }

    /// Revokes one of `userID`'s tokens; a token already revoked stays as it was.
    static func revoke(_ tokenID: UUID, userID: UUID, req: Request) async throws {
        guard
            let token = try await APITokenModel.query(on: req.db).filter(\.$id == tokenID)
                .filter(\.$user.$id == userID).first()
        else { throw DomainError(.notFound) }
        guard token.revokedAt == nil else { return }
        let now = req.now
        try await req.db.writeTransaction { db in
            try await APITokenModel.query(on: db).filter(\.$id == tokenID).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: now).update()
            try await Audit.record(req, "revoke-token", "api-token", tokenID, on: db)
        }
    }

    /// The user a bearer token speaks for, if it is one of ours and not revoked.
    static func user(for bearer: String, req: Request) async throws -> CurrentUser? {
        guard bearer.hasPrefix(prefix), bearer.count < 200 else { return nil }
        guard
            let token = try await APITokenModel.query(on: req.db).filter(\.$tokenHash == SecureToken.hash(bearer))
                .first(), token.revokedAt == nil
        else { return nil }
        // Marked used at most once a minute: a busy client does not write on every request.
        let now = req.now
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await APITokenModel.query(on: req.db).filter(\.$id == token.requireID())
                .set(\.$lastUsedAt, to: now).update()
        }
        return try await CurrentUser.load(token.$user.id, on: req.db)
    }
}
