import Fluent
import Foundation
import Persistence
import Vapor

/// Sessions in the database (`_fluent_sessions`, Fluent's own table and record), written back
/// only when a request changed them, and then as a writer like any other.
///
/// Vapor saves every session a request touched, and Fluent's driver does it with a plain
/// UPDATE. On SQLite that statement competed, outside the write gate, with the writers queued
/// at it for the database's one write lock, and it waits for the lock inside SQLite, holding
/// one of the few blocking threads (two on a two-core machine) that the lock's holder needs to
/// finish: SQLiteNIO's own busy handler retries at once, forever, and one of our pooled
/// connections sleeps out its 5 s busy timeout, then fails the request. That was the
/// concurrent settlement test's occasional unexpected status. Unchanged sessions (almost all:
/// the CSRF token and the user are set once) are not written at all now, and the rest take
/// their turn at the gate (`writeTransaction`).
struct DatabaseSessions: AsyncSessionDriver {
    /// The data as read at the start of the request, to tell whether it changed.
    private struct Loaded: StorageKey {
        typealias Value = SessionData
    }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = Self.newID()
        let now = request.now
        try await request.db.writeTransaction { db in
            try await SessionRecord(key: id, data: data).create(on: db)
            try await PurgeStore.touchSession(key: id.string, at: now, on: db)
        }
        request.storage[Loaded.self] = data
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let data = try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).first()?.data
        request.storage[Loaded.self] = data
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard request.storage[Loaded.self] != data else { return sessionID }
        let now = request.now
        try await request.db.writeTransaction { db in
            try await SessionRecord.query(on: db).filter(\.$key == sessionID).set(\.$data, to: data).update()
            try await PurgeStore.touchSession(key: sessionID.string, at: now, on: db)
        }
        request.storage[Loaded.self] = data
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await request.db.writeTransaction { db in
            try await SessionRecord.query(on: db).filter(\.$key == sessionID).delete()
        }
        request.storage[Loaded.self] = nil
    }

    /// 32 random bytes, base64: the same ids as Fluent's driver makes.
    private static func newID() -> SessionID {
        .init(string: Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString())
    }
}
