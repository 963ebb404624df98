import Domain
import Fluent
import Foundation
import SQLKit
import SQLiteKit
import Testing
import Vapor

@testable import App
@testable import Persistence

@Suite(
    "The door's own SQLite write connection: the same rows and models as Fluent's, all or nothing, one writer",
    .enabled(if: TestDatabases.engine == "sqlite", "PostgreSQL has no such connection"))
struct SQLiteWriterTests {
    /// Models as JSON, by identifier: what the app would see of them.
    static func encoded<M: Model>(_ models: [M]) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try models.sorted { "\($0.id.map { "\($0)" } ?? "")" < "\($1.id.map { "\($0)" } ?? "")" }.map {
            String(decoding: try encoder.encode($0), as: UTF8.self)
        }
    }

    @Test("Fluent queries, plain reads and creates on it give what Fluent's pooled connections give")
    func sameModels() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now) { app async throws in
            let bench = try await BenchData.seed(app, count: 3)
            let writer = try #require(app.mentore.sqliteWriter)
            let device = try await DoorDevices.create(
                organizerID: BenchData.organizer, label: "Writer", createdBy: "test", app: app, on: app.db
            ).device
            _ = try await TestDoor.admit(
                code: bench.codes[0], sessionID: bench.session, scanner: try Door.Scanner.device(device), app: app)
            let pooled = try await VoucherModel.query(on: app.db).with(\.$beneficiary).all()
            let ids = try pooled.map { try $0.requireID() }
            let pooledSessions = try await EventSessionModel.query(on: app.db).with(\.$event) { $0.with(\.$venue) }
                .all()
            let pooledRedemptions = try await RedemptionModel.query(on: app.db).all()
            let made = try await writer.transaction(context: app.db.context) { db in
                #expect(
                    try await Self.encoded(VoucherModel.query(on: db).with(\.$beneficiary).all())
                        == Self.encoded(pooled))
                #expect(
                    try await Self.encoded(JourneyStore.vouchers(codes: Set(pooled.map(\.code)), ids: [], on: db))
                        == Self.encoded(pooled))
                #expect(
                    try await Self.encoded(
                        Array(JourneyStore.sessions(Set(pooledSessions.map { $0.id! }), on: db).values))
                        == Self.encoded(pooledSessions))
                #expect(try await Self.encoded(RedemptionModel.query(on: db).all()) == Self.encoded(pooledRedemptions))
                #expect(try await VoucherModel.query(on: db).filter(\.$id ~~ ids).count() == ids.count)
                // A create answers with its identifier, as on Fluent's connections.
                return try await DoorDevices.create(
                    organizerID: BenchData.organizer, label: "Made on the writer", createdBy: "test", app: app, on: db
                ).device
            }
            let stored = try #require(try await DoorDeviceModel.find(try made.requireID(), on: app.db))
            #expect(try Self.encoded([stored]) == Self.encoded([made]))
        }
    }

    @Test("its rows convert each value as SQLiteKit's decoder does, optional or not")
    func conversions() throws {
        let values: [SQLiteData] = [
            .text("Shkodër"), .text("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
            .text("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
            .text("2026-11-24T10:00:00Z"), .text("12"), .text(""), .integer(0), .integer(1), .integer(1_764_000_000),
            .float(1_764_000_000.25), .float(-0.5), .null, .blob(ByteBuffer(bytes: [1, 2, 3])),
        ]
        func check<T: Decodable>(_: T.Type) {
            for data in values {
                let direct = SQLiteWriterRow.direct(data, as: T.self)
                let decoded = (try? SQLiteDataDecoder().decode(T.self, from: data)).map { String(describing: $0) }
                if let direct {
                    #expect(String(describing: direct) == decoded, "\(T.self) from \(data)")
                }
            }
        }
        check(String.self)
        check(UUID.self)
        check(Date.self)
        check(Int.self)
        check(Double.self)
        check(Bool.self)
        check(String?.self)
        check(UUID?.self)
        check(Date?.self)
        check(Int?.self)
        check(Double?.self)
        check(Bool?.self)
        // The usual columns do take the direct way.
        #expect(SQLiteWriterRow.direct(.null, as: UUID?.self) == .some(nil))
        #expect(
            SQLiteWriterRow.direct(values[1], as: UUID?.self)
                == .some(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")))
        #expect(SQLiteWriterRow.direct(.float(1.5), as: Date.self) == Date(timeIntervalSince1970: 1.5))
        #expect(SQLiteWriterRow.direct(.text("x"), as: String.self) == "x")
        #expect(SQLiteWriterRow.direct(.integer(7), as: Int?.self) == .some(7))
    }

    @Test("a transaction that throws leaves nothing; a duplicate key is a constraint failure, and rolls back")
    func allOrNothing() async throws {
        try await withApp(seed: true) { app async throws in
            let writer = try #require(app.mentore.sqliteWriter)
            struct Stop: Error {}
            let before = try await DoorDeviceModel.query(on: app.db).count()
            await #expect(throws: Stop.self) {
                try await writer.transaction(context: app.db.context) { db in
                    _ = try await DoorDevices.create(
                        organizerID: DemoData.slowMill, label: "Gone", createdBy: "test", app: app, on: db)
                    throw Stop()
                }
            }
            #expect(try await DoorDeviceModel.query(on: app.db).count() == before)

            let kept = try await DoorDevices.create(
                organizerID: DemoData.slowMill, label: "Kept", createdBy: "test", app: app, on: app.db
            ).device
            do {
                try await writer.transaction(context: app.db.context) { db in
                    _ = try await DoorDevices.create(
                        organizerID: DemoData.slowMill, label: "Also gone", createdBy: "test", app: app, on: db)
                    try await (db as! any SQLDatabase).raw(
                        "INSERT INTO door_devices SELECT * FROM door_devices WHERE id = \(bind: try kept.requireID())"
                    ).run()
                }
                Issue.record("a duplicate key was accepted")
            } catch let error as any DatabaseError {
                #expect(error.isConstraintFailure, "\(error)")
            }
            #expect(try await DoorDeviceModel.query(on: app.db).count() == before + 1)
        }
    }

    @Test("it waits for a writer it does not know of (another process) before it begins, then writes")
    func waitsForTheLock() async throws {
        try await withApp(seed: true) { app async throws in
            let writer = try #require(app.mentore.sqliteWriter)
            // A connection of its own, as another process would have, holding the write lock.
            let other = try SQLiteWriter.Connection(path: writer.path)
            try other.run("BEGIN IMMEDIATE", []) { _ in }
            let started = ContinuousClock.now
            let waiting = Task {
                try await writer.transaction(context: app.db.context) { db in
                    try await DoorDevices.create(
                        organizerID: DemoData.slowMill, label: "After", createdBy: "test", app: app, on: db
                    ).device.requireID()
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            try other.run("COMMIT", []) { _ in }
            let id = try await waiting.value
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(try await DoorDeviceModel.find(id, on: app.db) != nil)
            other.close()
        }
    }
}
