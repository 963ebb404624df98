import FluentKit
import Persistence
import Vapor

/// Writes who did what to which object, when and from where, in the caller's transaction.
enum Audit {
    static func record(
        _ request: Request, _ action: String, _ objectType: String, _ objectID: UUID?, detail: String = "",
        on db: any Database
    ) async throws {
        try await event(request, action, objectType, objectID, detail: detail).create(on: db)
    }

    /// The audit event of a change the request makes, for a store to write with the change.
    static func event(
        _ request: Request, _ action: String, _ objectType: String, _ objectID: UUID?, detail: String = ""
    ) -> AuditEventModel {
        AuditEventModel(
            actorID: request.currentUser?.id, actorEmail: request.currentUser?.email ?? "-", action: action,
            objectType: objectType, objectID: objectID?.uuidString ?? "-", detail: detail,
            ip: request.clientAddress, at: request.now)
    }

    /// For changes made from the command line, where there is no signed-in user or client address.
    static func recordCommand(
        _ action: String, _ objectType: String, _ objectID: UUID?, detail: String, app: Application,
        on db: any Database
    ) async throws {
        try await AuditEventModel(
            actorID: nil, actorEmail: "command-line", action: action, objectType: objectType,
            objectID: objectID?.uuidString ?? "-", detail: detail, ip: "local", at: app.mentore.now()
        ).create(on: db)
    }
}
