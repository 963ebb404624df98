import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO

extension Database {
    /// Runs `body` in a transaction that holds the write lock from its first statement.
    ///
    /// On SQLite a deferred `BEGIN` that reads and then writes can fail with `SQLITE_BUSY`
    /// whatever the busy timeout, so writes that decide on what they read start with
    /// `BEGIN IMMEDIATE` (ARCHITECTURE §5). Inside one process, writers of the same database
    /// file queue on its gate (`SQLiteWriteGate`, found through the database's configuration:
    /// no thread sits blocked in SQLite's busy handler while the lock holder needs one);
    /// against other processes, a busy database is retried with a short random pause for up
    /// to 10 s. On PostgreSQL it is an ordinary transaction: the guarded updates inside take
    /// row locks. `body` must not open a transaction of its own.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        guard !inTransaction, let gate = (context.configuration as? GatedSQLiteConfiguration)?.gate else {
            return try await transaction(body)
        }
        return try await gate.exclusive {
            try await withConnection { connection in
                try await SQLiteWriteGate.immediateTransaction(on: connection as! any SQLDatabase) {
                    try await body(connection)
                }
            }
        }
    }
}

/// One writer at a time of one SQLite database file in this process, in arrival order:
/// Fluent's pooled connections (`writeTransaction`) and the door's own write connection
/// (`SQLiteWriter`) alike. The app's services make one per database file and hand it to both
/// (`DatabaseConfigurationFactory.sqlite(gate:)`).
public actor SQLiteWriteGate {
    /// The database file it guards.
    public nonisolated let path: String

    public init(path: String) {
        self.path = path
    }

    /// Runs `body` as the database's one writer in this process, after those that asked before.
    public nonisolated func exclusive<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func leave() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on `sql` (one connection, inside
    /// `exclusive`): committed if it returns, rolled back if it throws.
    public static func immediateTransaction<T: Sendable>(
        on sql: any SQLDatabase, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        try await beginImmediate(sql)
        do {
            let result = try await body()
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Puts the database file in write-ahead-log mode (kept in the file): readers work while
    /// one writer commits, and the door's connection never waits for a reader.
    public static func useWriteAheadLog(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        _ = try await sql.raw("PRAGMA journal_mode=WAL").all()
    }

    /// How long a statement outside the gate (a session save, a rate-limit count) waits for
    /// the write lock before failing.
    static let pooledBusyTimeout = "5000"

    /// `BEGIN IMMEDIATE`, retried while another process holds the write lock.
    ///
    /// The wait happens here, between tries, not in SQLite's busy handler, which is turned off
    /// for the attempt. It is turned back on afterwards, whatever happens: the connection goes
    /// back to the pool, and a statement that later runs on it outside the gate must wait for
    /// the lock rather than fail at once with "database is locked".
    static func beginImmediate(_ sql: any SQLDatabase) async throws {
        try await sql.raw("PRAGMA busy_timeout = 0").run()
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while true {
            do {
                try await sql.raw("BEGIN IMMEDIATE").run()
                try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: pooledBusyTimeout)").run()
                return
            } catch {
                guard isBusy(error), ContinuousClock.now < deadline else {
                    try? await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: pooledBusyTimeout)").run()
                    throw error
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 2...20)))
            }
        }
    }

    /// Whether `error` is SQLite's "busy" or "locked" (another connection holds the lock), by
    /// its result code: from Fluent's driver or from the door's own connection.
    static func isBusy(_ error: any Error) -> Bool {
        if let error = error as? SQLiteError {
            switch error.reason {
            case .busy, .locked, .busyInRecovery, .busyInSnapshot, .busyTimeout, .lockedBySharedCache,
                .lockedVirtualTable:
                return true
            default:
                return false
            }
        }
        if let error = error as? SQLiteWriterError { return error.isBusy }
        return false
    }
}

/// Fluent's SQLite configuration with the database's write gate beside it, where
/// `writeTransaction` finds it (`Database.context.configuration`).
struct GatedSQLiteConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let gate: SQLiteWriteGate

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver { base.makeDriver(for: databases) }
}

extension DatabaseConfigurationFactory {
    /// SQLite in the file `gate` guards, its write transactions queued on that gate.
    public static func sqlite(gate: SQLiteWriteGate) -> DatabaseConfigurationFactory {
        .init {
            GatedSQLiteConfiguration(base: DatabaseConfigurationFactory.sqlite(.file(gate.path)).make(), gate: gate)
        }
    }
}
