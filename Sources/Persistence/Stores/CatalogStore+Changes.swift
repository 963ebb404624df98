import Domain
import FluentKit
import Foundation
import SQLKit

/// Changes to a programme that people may already count on: sessions moved, resized or
/// cancelled, events taken out of the catalog. Each is one guarded statement, so that what it
/// checks (seats taken, a session not begun) holds against bookings made at the same moment on
/// another instance.
extension CatalogStore {
    /// Adds several sessions to their event (a weekly series), all or none.
    public static func add(_ sessions: [EventSessionModel], record: ChangeRecord, on db: any Database) async throws {
        try await db.writeTransaction { db in
            for session in sessions { try await session.create(on: db) }
            try await record.write(on: db)
        }
    }

    /// Moves a session of `eventID` and sets its capacity, in one UPDATE guarded by the seats
    /// taken (`reserved <= capacity`): a booking racing with it either took its seat first, and
    /// the change is refused, or finds the new capacity. Refused, with nothing changed: a
    /// session unknown (`notFound`), cancelled, begun, or a capacity below the seats taken
    /// (`capacity-below-reserved` on `capacity`).
    public static func changeSession(
        _ sessionID: UUID, of eventID: UUID, startsAt: Date, endsAt: Date, capacity: Int, now: Date,
        record: ChangeRecord, on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            let changed = try await db.storeSQL.update(EventSessionModel.schema)
                .set("starts_at", to: SQLBind(startsAt)).set("ends_at", to: SQLBind(endsAt))
                .set("capacity", to: SQLBind(capacity))
                .where("id", .equal, SQLBind(sessionID)).where("event_id", .equal, SQLBind(eventID))
                .where("cancelled_at", .is, SQLLiteral.null).where("starts_at", .greaterThan, SQLBind(now))
                .where("reserved", .lessThanOrEqual, SQLBind(capacity))
                .returning("id").all()
            guard changed.isEmpty else { return try await record.write(on: db) }
            let session = try await refusedSession(sessionID, of: eventID, now: now, on: db)
            do throws(DomainError) {
                try SessionRules.checkCapacity(capacity, reserved: session.reserved)
            } catch { throw ValidationErrors([error]) }
            throw DomainError(.conflict)
        }
    }

    /// Cancels a session of `eventID` that has not begun, with its reason: it keeps its row
    /// (admissions and the ledger may refer to it) and takes no more reservations; the
    /// reservations nobody was admitted on are released. `record` is given the vouchers whose
    /// reservations were released (to tell their holders) and written in the same transaction.
    /// Returns those vouchers. Refused, with nothing changed: unknown, already cancelled, begun.
    @discardableResult
    public static func cancelSession(
        _ sessionID: UUID, of eventID: UUID, reason: String, now: Date,
        record: @escaping @Sendable (_ released: [UUID], _ db: any Database) async throws -> ChangeRecord,
        on db: any Database
    ) async throws -> [UUID] {
        try await db.writeTransaction { db in
            let sql = db.storeSQL
            let cancelled = try await sql.update(EventSessionModel.schema)
                .set("cancelled_at", to: SQLBind(now)).set("cancel_reason", to: SQLBind(reason))
                .where("id", .equal, SQLBind(sessionID)).where("event_id", .equal, SQLBind(eventID))
                .where("cancelled_at", .is, SQLLiteral.null).where("starts_at", .greaterThan, SQLBind(now))
                .returning("id").all()
            if cancelled.isEmpty {
                _ = try await refusedSession(sessionID, of: eventID, now: now, on: db)
                throw DomainError(.conflict)
            }
            // A reservation whose step was attended stays: the admission refers to it.
            let released = try await sql.raw(
                """
                DELETE FROM \(ident: ReservationModel.schema)
                WHERE session_id = \(bind: sessionID)
                AND NOT EXISTS (
                    SELECT 1 FROM \(ident: RedemptionModel.schema) d
                    WHERE d.voucher_id = \(ident: ReservationModel.schema).voucher_id
                    AND d.slot = \(ident: ReservationModel.schema).slot AND d.voided_at IS NULL)
                RETURNING voucher_id
                """
            ).all().map { try $0.decode(column: "voucher_id", as: UUID.self) }
            try await sql.raw(
                """
                UPDATE \(ident: EventSessionModel.schema)
                SET reserved = (SELECT COUNT(*) FROM \(ident: ReservationModel.schema) WHERE session_id = \(bind: sessionID))
                WHERE id = \(bind: sessionID)
                """
            ).run()
            try await record(released, db).write(on: db)
            return released
        }
    }

    /// Takes a published event out of the catalog with the reason an admin gave, in one
    /// guarded UPDATE: `notFound` for no such event, `conflict` when it is not published.
    public static func unpublish(_ eventID: UUID, reason: String, record: ChangeRecord, on db: any Database)
        async throws
    {
        try await db.writeTransaction { db in
            let changed = try await db.storeSQL.update(EventModel.schema)
                .set("published", to: SQLBind(false)).set("unpublished_reason", to: SQLBind(reason))
                .where("id", .equal, SQLBind(eventID)).where("published", .equal, SQLBind(true))
                .returning("id").all()
            guard changed.isEmpty else { return try await record.write(on: db) }
            guard try await EventModel.find(eventID, on: db) != nil else { throw DomainError(.notFound) }
            throw DomainError(.conflict)
        }
    }

    /// The session a guarded change did not touch, read to say why: throws `notFound`, or the
    /// reason it may not change; returns it when none of these applies.
    private static func refusedSession(_ sessionID: UUID, of eventID: UUID, now: Date, on db: any Database)
        async throws -> EventSessionModel
    {
        guard
            let session = try await EventSessionModel.query(on: db).filter(\.$id == sessionID)
                .filter(\.$event.$id == eventID).first()
        else { throw DomainError(.notFound) }
        try SessionRules.checkChangeable(startsAt: session.startsAt, cancelled: session.cancelledAt != nil, now: now)
        return session
    }
}
