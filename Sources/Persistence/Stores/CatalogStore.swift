import Domain
import FluentKit
import Foundation
import SQLKit

/// Venues, events and their sessions, and circuits, as admins write them.
public enum CatalogStore {
    /// Saves a venue with its directions in each language (replacing those it had).
    public static func save(
        _ venue: VenueModel, texts: [VenueTextModel], record: ChangeRecord, on db: any Database
    ) async throws {
        try await TranslatedContent.save(venue, texts: texts, ownerColumn: "venue_id", record: record, on: db)
    }

    /// Saves an event with its title and description in each language (replacing those it had).
    public static func save(
        _ event: EventModel, texts: [EventTextModel], record: ChangeRecord, on db: any Database
    ) async throws {
        try await TranslatedContent.save(event, texts: texts, ownerColumn: "event_id", record: record, on: db)
    }

    /// Saves a circuit's plan with its title and description in each language (replacing those it had).
    public static func save(
        _ circuit: CircuitModel, texts: [CircuitTextModel], record: ChangeRecord, on db: any Database
    ) async throws {
        try await TranslatedContent.save(circuit, texts: texts, ownerColumn: "circuit_id", record: record, on: db)
    }

    /// Adds a session to its event.
    public static func add(_ session: EventSessionModel, record: ChangeRecord, on db: any Database) async throws {
        try await add([session], record: record, on: db)
    }

    /// Deletes a session of `eventID` that nobody reserved or attended, in one guarded DELETE:
    /// `sessionHasReservations` when people hold seats or were admitted there (their journeys
    /// and the organizer's payable refer to it), `notFound` when the event has no such session.
    /// A reservation made at the same moment on another instance is kept by the foreign key.
    public static func deleteSession(
        _ sessionID: UUID, of eventID: UUID, record: ChangeRecord, on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            let deleted: [any SQLRow]
            do {
                deleted = try await db.storeSQL.raw(
                    """
                    DELETE FROM \(ident: EventSessionModel.schema)
                    WHERE id = \(bind: sessionID) AND event_id = \(bind: eventID)
                    AND NOT EXISTS (SELECT 1 FROM \(ident: ReservationModel.schema) WHERE session_id = \(bind: sessionID))
                    AND NOT EXISTS (SELECT 1 FROM \(ident: RedemptionModel.schema) WHERE session_id = \(bind: sessionID))
                    RETURNING id
                    """
                ).all()
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw DomainError(.sessionHasReservations)
            }
            guard deleted.isEmpty else { return try await record.write(on: db) }
            let exists =
                try await EventSessionModel.query(on: db).filter(\.$id == sessionID).filter(\.$event.$id == eventID)
                .count() > 0
            throw DomainError(exists ? .sessionHasReservations : .notFound)
        }
    }
}
