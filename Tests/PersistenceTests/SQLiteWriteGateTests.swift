import Domain
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing

@testable import Persistence

@Suite(
    "The SQLite write gate: one per database file, busy told by result code",
    .enabled(if: StoreDatabase.engine == "sqlite", "PostgreSQL has no such gate"))
struct SQLiteWriteGateTests {
    @Test("writers of two database files do not wait for each other")
    func gatePerFile() async throws {
        try await StoreDatabase.with { first in
            try await StoreDatabase.with { second in
                let written = NIOLockedValueBox(false)
                // The first file's writer holds its gate while the second file is written.
                let other = try await first.db.writeTransaction { _ in
                    let write = Task {
                        try await second.db.writeTransaction { db in
                            try await (db as! any SQLDatabase).raw("INSERT INTO counters (name, value) VALUES ('x', 1)")
                                .run()
                        }
                        written.withLockedValue { $0 = true }
                    }
                    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
                    while !written.withLockedValue({ $0 }), ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    return write
                }
                try await other.value
                #expect(written.withLockedValue { $0 }, "the second file's write waited for the first file's gate")
            }
        }
    }

    @Test("a write lock held by another connection is told busy by its result code, and waited for")
    func busyByResultCode() async throws {
        try await StoreDatabase.with { store in
            let gate = try #require(store.gate)
            // Another process, as far as SQLite can tell: a connection of its own, holding the lock.
            let holder = try SQLiteWriter.Connection(path: gate.path)
            try holder.run("BEGIN IMMEDIATE", []) { _ in }
            let refused = await #expect(throws: (any Error).self) {
                try await store.db.withConnection { connection in
                    let sql = connection as! any SQLDatabase
                    try await sql.raw("PRAGMA busy_timeout = 0").run()
                    try await sql.raw("BEGIN IMMEDIATE").run()
                }
            }
            #expect(refused.map(SQLiteWriteGate.isBusy) == true, "\(String(describing: refused))")
            #expect(SQLiteWriteGate.isBusy(SQLiteWriterError(status: 5, message: "")), "SQLITE_BUSY")
            #expect(SQLiteWriteGate.isBusy(SQLiteWriterError(status: 6, message: "")), "SQLITE_LOCKED")
            #expect(SQLiteWriteGate.isBusy(SQLiteWriterError(status: 517, message: "")), "SQLITE_BUSY_SNAPSHOT")
            #expect(!SQLiteWriteGate.isBusy(SQLiteWriterError(status: 19, message: "database is locked")))
            // A write through the gate waits for the lock and then goes through.
            let release = Task {
                try await Task.sleep(for: .milliseconds(300))
                try holder.run("ROLLBACK", []) { _ in }
            }
            try await store.db.writeTransaction { db in
                try await (db as! any SQLDatabase).raw("INSERT INTO counters (name, value) VALUES ('y', 1)").run()
            }
            try await release.value
            holder.close()
        }
    }
}
