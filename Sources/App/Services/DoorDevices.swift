import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Scanning devices: bearer tokens scoped to one organizer, made and revoked by its managers
/// (or `mentore tokens create --organizer SLUG --label L`), shown once, kept as SHA-256 hashes.
enum DoorDevices {
    /// Tells a device token apart from a personal one (`mnt_`) in a leaked log.
    static let prefix = "mnd_"

    /// Makes a device for `organizerID`; returns it with the only copy of its token.
    static func create(organizerID: UUID, label: String?, createdBy: String, app: Application, on db: any Database)
        async throws -> (device: DoorDeviceModel, token: String)
    {
        var v = Validator()
        let label = v.text(label, field: "label", max: 60)
        try v.finish()
        let token = prefix + SecureToken.make()
        let device = DoorDeviceModel(
            organizerID: organizerID, label: label, tokenHash: SecureToken.hash(token), hint: String(token.suffix(4)),
            createdBy: createdBy, at: app.mentore.now())
        try await device.create(on: db)
        return (device, token)
    }

    /// Revokes one of the organizer's devices; one already revoked stays as it was.
    static func revoke(_ deviceID: UUID, organizerID: UUID, at now: Date, on db: any Database) async throws {
        guard
            try await DoorDeviceModel.query(on: db).filter(\.$id == deviceID)
                .filter(\.$organizer.$id == organizerID).first() != nil
        else { throw DomainError(.notFound) }
        try await DoorDeviceModel.query(on: db).filter(\.$id == deviceID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// The device a bearer token speaks for, as a scanner: ours, not revoked. Anything else is
    /// refused. Read with one plain statement of the five columns needed: every scan through
    /// the API starts here.
    static func scanner(_ req: Request) async throws -> Door.Scanner {
        guard let bearer = bearer(req) else {
            throw DomainError(req.headers.bearerAuthorization == nil ? .unauthenticated : .deviceUnknown)
        }
        let hash = SecureToken.hash(bearer)
        guard let scanner = try await scanners([hash], at: req.now, on: req.db, inWriteTransaction: false)[hash] else {
            throw DomainError(.deviceUnknown)
        }
        return scanner
    }

    /// The request's bearer token if it has the shape of a device token.
    static func bearer(_ req: Request) -> String? {
        guard let bearer = req.headers.bearerAuthorization?.token, bearer.hasPrefix(prefix), bearer.count < 200
        else { return nil }
        return bearer
    }

    /// The devices that token hashes name, as scanners, by hash: revoked and unknown ones are
    /// missing. Notes when they were used (at most once a minute each, not to write every
    /// scan), with `db` inside the caller's write transaction, or else in one of its own.
    static func scanners(_ hashes: Set<String>, at now: Date, on db: any Database, inWriteTransaction: Bool)
        async throws -> [String: Door.Scanner]
    {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select()
            .columns("id", "organizer_id", "label", "token_hash", "last_used_at").from(DoorDeviceModel.schema)
            .where("token_hash", .in, SQLBind.group(Array(hashes))).where("revoked_at", .is, SQLLiteral.null).all()
        var scanners: [String: Door.Scanner] = [:]
        var used: [UUID] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            scanners[try row.decode(column: "token_hash", as: String.self)] = Door.Scanner.device(
                id: id, organizer: try row.decode(column: "organizer_id", as: UUID.self),
                label: try row.decode(column: "label", as: String.self))
            if try row.decode(column: "last_used_at", as: Date?.self).map({ now.timeIntervalSince($0) > 60 }) ?? true {
                used.append(id)
            }
        }
        if !used.isEmpty {
            let used = used
            let note: @Sendable (any Database) async throws -> Void = { db in
                try await (db as! any SQLDatabase).update(DoorDeviceModel.schema).set("last_used_at", to: SQLBind(now))
                    .where("id", .in, SQLBind.group(used)).run()
            }
            if inWriteTransaction { try await note(db) } else { try await db.writeTransaction(note) }
        }
        return scanners
    }
}
