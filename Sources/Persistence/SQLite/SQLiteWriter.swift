import FluentKit
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import VaporCSQLite

/// The door's own SQLite write connection (`DoorQueue`), which runs each statement on the
/// calling thread.
///
/// Fluent's SQLite driver hands every statement to a thread pool and resumes the caller on
/// another thread: two thread wake-ups a statement, 0.2–0.4 ms each on two busy cores, about a
/// third of a door batch's time when the batch is some twenty statements. Here a statement is a
/// plain call into the same SQLite library (the one SQLiteNIO vendors, so both share its file
/// locks), made only by the database's one writer in this process (`SQLiteWriteGate`), one transaction at a time.
/// WAL mode keeps a transaction from waiting inside: readers never block a writer, and another
/// process holding the write lock is waited for before `BEGIN IMMEDIATE` succeeds, between
/// tries, not in a busy handler. The calling thread is busy for the whole statement, disk writes
/// of a `COMMIT` included (a millisecond or two for a door batch).
///
/// Inside the transaction the connection is a Fluent `Database` and an `SQLDatabase`, as the
/// pooled ones are: the same dialect, encoder and decoder, the same query conversion.
public final class SQLiteWriter: Sendable {
    public let path: String
    /// The database's write gate, shared with the pooled connections' `writeTransaction`.
    let gate: SQLiteWriteGate
    private let handle = NIOLockedValueBox<Connection?>(nil)
    /// Commits since the last checkpoint was asked for, whether one is running, and whether the
    /// writer was closed (no more then).
    private let checkpoints = NIOLockedValueBox<(commits: Int, running: Bool, closed: Bool)>((0, false, false))
    /// The connection that checkpoints (`committed()`), off the writer's path.
    private let checkpointer = NIOLockedValueBox<Connection?>(nil)

    /// A checkpoint is asked for every this many commits of the writer.
    static let commitsPerCheckpoint = 16
    /// The writer checkpoints by itself only when the log has grown past this many pages
    /// (16 MiB of 4 KiB pages): when the checkpoints in the background cannot keep up.
    static let inlineCheckpointPages = 4096

    public init(gate: SQLiteWriteGate) {
        self.path = gate.path
        self.gate = gate
    }

    /// Runs `body` in a write transaction on this connection, after the process's other
    /// writers: committed if it returns, rolled back if it throws.
    public func transaction<T: Sendable>(
        context: DatabaseContext, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await gate.exclusive {
            let database = SQLiteWriterDatabase(connection: try self.connection(), context: context)
            let result = try await SQLiteWriteGate.immediateTransaction(on: database) { try await body(database) }
            self.committed()
            return result
        }
    }

    /// Closes the connections (the app shuts down); a later transaction opens the writer's
    /// again, without checkpoints in the background.
    public func close() async {
        checkpoints.withLockedValue { $0.closed = true }
        try? await gate.exclusive {
            self.handle.withLockedValue {
                $0?.close()
                $0 = nil
            }
        }
        checkpointer.withLockedValue {
            $0?.close()
            $0 = nil
        }
    }

    /// After a commit: every few, a checkpoint in the background.
    ///
    /// SQLite copies the write-ahead log back into the database file when a commit finds it
    /// longer than 1,000 pages; a door batch dirties a few hundred (random keys), so every few
    /// batches one commit took twice as long. The writer leaves that to a checkpoint on a
    /// connection of its own, on a thread of the pool, which runs beside the next batches
    /// (`PASSIVE`: it never waits for a writer or a reader, and copies what it can).
    private func committed() {
        let start = checkpoints.withLockedValue { state in
            state.commits += 1
            guard state.commits >= Self.commitsPerCheckpoint, !state.running, !state.closed else { return false }
            state.commits = 0
            state.running = true
            return true
        }
        guard start else { return }
        NIOThreadPool.singleton.submit { _ in
            self.checkpointer.withLockedValue { connection in
                guard !self.checkpoints.withLockedValue(\.closed) else { return }
                do {
                    if connection == nil { connection = try Connection(path: self.path) }
                    try connection?.run("PRAGMA wal_checkpoint(PASSIVE)", []) { _ in }
                } catch {
                    // Busy (another checkpoint) or failed: the next one will do it.
                }
            }
            self.checkpoints.withLockedValue { $0.running = false }
        }
    }

    private func connection() throws -> Connection {
        try handle.withLockedValue { handle in
            if let handle { return handle }
            let connection = try Connection(path: path)
            try connection.run("PRAGMA wal_autocheckpoint = \(Self.inlineCheckpointPages)", []) { _ in }
            // A multi-row insert that may skip conflicts keeps a statement journal of the pages
            // it changes, to undo just itself: in memory, not a temporary file written and
            // closed every transaction.
            try connection.run("PRAGMA temp_store = MEMORY", []) { _ in }
            handle = connection
            return connection
        }
    }
}
