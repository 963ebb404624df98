import FluentKit
import Foundation
import Persistence
import Vapor

extension DoorDevices {
    /// `create` in its own write transaction, with the audit line `audit` makes for the device.
    static func register(
        organizerID: UUID, label: String?, createdBy: String,
        audit: @escaping @Sendable (DoorDeviceModel) -> AuditEventModel,
        app: Application, on db: any Database
    ) async throws -> (device: DoorDeviceModel, token: String) {
        try await db.writeTransaction { db in
            let made = try await create(
                organizerID: organizerID, label: label, createdBy: createdBy, app: app, on: db)
            try await audit(made.device).create(on: db)
            return made
        }
    }

    /// `revoke` in its own write transaction, with `audit`.
    static func revoke(
        _ deviceID: UUID, organizerID: UUID, at now: Date, audit: AuditEventModel, on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            try await revoke(deviceID, organizerID: organizerID, at: now, on: db)
            try await audit.create(on: db)
        }
    }
}
