import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("The catalog's writes: texts replaced whole, sessions deleted only while nobody holds them")
struct CatalogStoreTests {
    typealias F = StoreFixtures

    static func session(of eventID: UUID, on db: any Database) async throws -> UUID {
        let draft = try SessionDraft(
            starts: "2033-06-01T10:00", ends: "2033-06-01T12:00", capacity: "10", timeZone: .gmt)
        let session = EventSessionModel(eventID: eventID, draft: draft)
        try await CatalogStore.add(session, record: .init(audit: F.audit("create")), on: db)
        return try session.requireID()
    }

    @Test("a venue saved again keeps only the directions of its last form, one row a language")
    func venueTexts() async throws {
        try await withApp { app in
            let organizer = try await F.organizer("Mulino", on: app.db)
            let draft = try VenueDraft(
                name: "Sala", address: "Via Roma 1", city: "Roma", country: "IT", timeZone: "Europe/Rome")
            let venue = VenueModel(id: UUID(), organizerID: organizer, draft: draft)
            let id = try venue.requireID()
            try await CatalogStore.save(
                venue,
                texts: [
                    .init(venueID: id, language: .it, directions: "A"),
                    .init(venueID: id, language: .en, directions: "B"),
                ],
                record: .init(audit: F.audit("create")), on: app.db)
            try await CatalogStore.save(
                venue, texts: [.init(venueID: id, language: .sq, directions: "C")],
                record: .init(audit: F.audit("edit")), on: app.db)
            let texts = try await VenueTextModel.query(on: app.db).filter(\.$venue.$id == id).all()
            #expect(texts.map(\.directions) == ["C"])
            #expect(try await VenueModel.query(on: app.db).count() == 1)
            #expect(try await F.audits("edit", on: app.db) == 1)
        }
    }

    @Test("a session nobody reserved or attended is deleted, with its audit line")
    func deleteFree() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app in
            let event = DemoData.events[0].id
            let session = try await Self.session(of: event, on: app.db)
            try await CatalogStore.deleteSession(
                session, of: event, record: .init(audit: F.audit("delete")), on: app.db)
            #expect(try await EventSessionModel.find(session, on: app.db) == nil)
            #expect(try await F.audits("delete", on: app.db) == 1)
        }
    }

    @Test("a session someone reserved stays: session-has-reservations, and nothing audited")
    func keepReserved() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app in
            let (_, session) = try await DoorTests.reserved(app)
            let refused = try await F.code {
                try await CatalogStore.deleteSession(
                    session.requireID(), of: session.$event.id, record: .init(audit: F.audit("delete")), on: app.db)
            }
            #expect(refused == .sessionHasReservations)
            #expect(try await EventSessionModel.find(session.requireID(), on: app.db) != nil)
            #expect(try await F.audits("delete", on: app.db) == 0)
        }
    }

    @Test("a session asked for under another event, or already deleted, is not found")
    func notFound() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app in
            let session = try await Self.session(of: DemoData.events[0].id, on: app.db)
            let elsewhere = try await F.code {
                try await CatalogStore.deleteSession(session, of: DemoData.events[1].id, record: .init(), on: app.db)
            }
            #expect(elsewhere == .notFound)
            try await CatalogStore.deleteSession(session, of: DemoData.events[0].id, record: .init(), on: app.db)
            let again = try await F.code {
                try await CatalogStore.deleteSession(session, of: DemoData.events[0].id, record: .init(), on: app.db)
            }
            #expect(again == .notFound)
        }
    }
}
