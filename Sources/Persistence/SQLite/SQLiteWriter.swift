import FluentKit
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Persistence
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
/// locks), made only by the process's one writer (`SQLiteWriteGate`), one transaction at a time.
/// WAL mode keeps a transaction from waiting inside: readers never block a writer, and another
/// process holding the write lock is waited for before `BEGIN IMMEDIATE` succeeds, between
/// tries, not in a busy handler. The calling thread is busy for the whole statement, disk writes
/// of a `COMMIT` included (a millisecond or two for a door batch).
///
/// Inside the transaction the connection is a Fluent `Database` and an `SQLDatabase`, as the
/// pooled ones are: the same dialect, encoder and decoder, the same query conversion.
final class SQLiteWriter: Sendable {
    let path: String
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

    init(path: String) {
        self.path = path
    }

    /// Runs `body` in a write transaction on this connection, after the process's other
    /// writers: committed if it returns, rolled back if it throws.
    func transaction<T: Sendable>(
        context: DatabaseContext, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await SQLiteWriteGate.exclusive {
            let database = SQLiteWriterDatabase(connection: try self.connection(), context: context)
            let result = try await SQLiteWriteGate.immediateTransaction(on: database) { try await body(database) }
            self.committed()
            return result
        }
    }

    /// Closes the connections (the app shuts down); a later transaction opens the writer's
    /// again, without checkpoints in the background.
    func close() async {
        checkpoints.withLockedValue { $0.closed = true }
        try? await SQLiteWriteGate.exclusive {
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

    /// One `sqlite3` handle. Used by one writer at a time (the gate), so never concurrently.
    final class Connection: @unchecked Sendable {
        private var raw: OpaquePointer?

        init(path: String) throws {
            let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE
            let status = sqlite_nio_sqlite3_open_v2(path, &raw, flags, nil)
            guard status == SQLITE_OK else {
                let error = SQLiteWriterError(status: status, message: "cannot open \(path)")
                sqlite_nio_sqlite3_close(raw)
                throw error
            }
            // As Fluent's connections (SQLiteKit): references are checked.
            try run("PRAGMA foreign_keys = ON", []) { _ in }
        }

        func close() {
            sqlite_nio_sqlite3_close(raw)
            raw = nil
        }

        deinit { close() }

        /// Runs one statement with its bound values, handing each row to `onRow`.
        func run(_ sql: String, _ binds: [SQLiteData], onRow: (SQLiteWriterRow) -> Void) throws {
            var statement: OpaquePointer?
            var status = sqlite_nio_sqlite3_prepare_v3(raw, sql, -1, 0, &statement, nil)
            guard status == SQLITE_OK else { throw error(status) }
            defer { sqlite_nio_sqlite3_finalize(statement) }
            for (offset, bind) in binds.enumerated() {
                let index = Int32(offset + 1)
                switch bind {
                case .integer(let value): status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
                case .float(let value): status = sqlite_nio_sqlite3_bind_double(statement, index, value)
                case .text(let value):
                    status = sqlite_nio_sqlite3_bind_text64(
                        statement, index, value, UInt64(value.utf8.count), transient, UInt8(SQLITE_UTF8))
                case .blob(let value):
                    status = value.withUnsafeReadableBytes {
                        sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
                    }
                case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
                }
                guard status == SQLITE_OK else { throw error(status) }
            }
            var columns: SQLiteWriterRow.Columns?
            while true {
                status = sqlite_nio_sqlite3_step(statement)
                guard status == SQLITE_ROW else { break }
                let names = try columns ?? SQLiteWriterRow.Columns(statement: statement)
                columns = names
                onRow(
                    SQLiteWriterRow(
                        columns: names, values: try (0..<Int32(names.names.count)).map { try value(statement, $0) }))
            }
            guard status == SQLITE_DONE else { throw error(status) }
        }

        private func value(_ statement: OpaquePointer?, _ column: Int32) throws -> SQLiteData {
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                guard let text = sqlite_nio_sqlite3_column_text(statement, column) else {
                    throw SQLiteWriterError(status: SQLITE_ERROR, message: "unexpected nil text")
                }
                let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
            case SQLITE_BLOB:
                let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                var buffer = ByteBufferAllocator().buffer(capacity: count)
                if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                    buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
                }
                return .blob(buffer)
            case SQLITE_NULL: return .null
            default: throw SQLiteWriterError(status: SQLITE_ERROR, message: "unexpected column type")
            }
        }

        private func error(_ status: Int32) -> SQLiteWriterError {
            SQLiteWriterError(
                status: status, message: sqlite_nio_sqlite3_errmsg(raw).map { String(cString: $0) } ?? "error \(status)"
            )
        }

        /// SQLite copies the bound value before the call returns.
        private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }
}

/// A failed statement on the door's write connection, with SQLite's own message ("database is
/// locked", "UNIQUE constraint failed: …") as Fluent's driver reports it.
struct SQLiteWriterError: Error, CustomStringConvertible, DatabaseError {
    var status: Int32
    var message: String

    var description: String { message }
    var isSyntaxError: Bool { status & 0xFF == SQLITE_ERROR }
    var isConstraintFailure: Bool { status & 0xFF == SQLITE_CONSTRAINT }
    var isConnectionClosed: Bool { status & 0xFF == SQLITE_MISUSE }
}

/// A row read on the door's write connection, decoded as SQLiteKit decodes its rows.
struct SQLiteWriterRow: SQLRow {
    /// The statement's column names, read once for all its rows.
    struct Columns: Sendable {
        var names: [String]
        var offsets: [String: Int]

        init(statement: OpaquePointer?) throws {
            names = try (0..<sqlite_nio_sqlite3_column_count(statement)).map {
                guard let name = sqlite_nio_sqlite3_column_name(statement, $0) else {
                    throw SQLiteWriterError(status: SQLITE_ERROR, message: "a column without a name")
                }
                return String(cString: name)
            }
            offsets = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    struct MissingColumn: Error {
        var column: String
    }

    var columns: Columns
    var values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.offsets[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.offsets[column] else { return true }
        return values[offset] == .null
    }

    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        guard let offset = columns.offsets[column] else { throw MissingColumn(column: column) }
        let data = values[offset]
        if let value = Self.direct(data, as: D.self) { return value }
        return try SQLiteDataDecoder().decode(D.self, from: data)
    }

    /// The columns' usual types, optional or not, converted as `SQLiteDataDecoder` converts
    /// them but without its dynamic casts (a protocol conformance looked up for every value,
    /// and a nested decoder for a UUID or an optional). Anything else, or a value these cannot
    /// convert, is left to the decoder (nil).
    static func direct<D>(_ data: SQLiteData, as type: D.Type) -> D? {
        func plain<T>(_: T.Type) -> T? {
            if T.self == String.self { return String(sqliteData: data) as? T }
            if T.self == UUID.self { return data.string.flatMap(UUID.init(uuidString:)) as? T }
            if T.self == Date.self { return Date(sqliteData: data) as? T }
            if T.self == Int.self { return Int(sqliteData: data) as? T }
            if T.self == Double.self { return Double(sqliteData: data) as? T }
            if T.self == Bool.self { return Bool(sqliteData: data) as? T }
            return nil
        }
        func optional<T>(_: T.Type) -> D? {
            if case .null = data { return Optional<T>.none as? D }
            return plain(T.self).flatMap { Optional($0) as? D }
        }
        if D.self == String?.self { return optional(String.self) }
        if D.self == UUID?.self { return optional(UUID.self) }
        if D.self == Date?.self { return optional(Date.self) }
        if D.self == Int?.self { return optional(Int.self) }
        if D.self == Double?.self { return optional(Double.self) }
        if D.self == Bool?.self { return optional(Bool.self) }
        return plain(D.self)
    }
}

/// The door's write connection inside its transaction, as Fluent and SQLKit see a database.
struct SQLiteWriterDatabase: Database, SQLDatabase {
    let connection: SQLiteWriter.Connection
    let context: DatabaseContext

    // SQLDatabase

    var logger: Logger { context.logger }
    var eventLoop: any EventLoop { context.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .debug }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeCompletedFuture(withResultOf: { try run(query, onRow) })
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        if logger.logLevel <= .debug {
            logger.debug("Executing query", metadata: ["sql": .string(sql), "binds": .array(binds.map { "\($0)" })])
        }
        let encoder = SQLiteDataEncoder()
        try connection.run(sql, try binds.map { try encoder.encode($0) }) { onRow($0) }
    }

    // Database

    var inTransaction: Bool { true }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void)
        -> EventLoopFuture<Void>
    {
        var converted = SQLQueryConverter(delegate: Delegate()).convert(query)
        // As Fluent's SQLite driver: a created row answers with its identifier.
        if case .create = query.action, query.customIDKey != .some(.string("")) {
            converted = SQLKit.SQLList(
                [converted, SQLReturning(SQLColumn((query.customIDKey ?? .id).description))], separator: SQLRaw(" "))
        }
        return execute(sql: converted) { onOutput(Output(row: $0, schema: nil)) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        eventLoop.makeFailedFuture(SQLiteWriterError(status: SQLITE_MISUSE, message: "no schema changes at the door"))
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        // SQLite has no enumeration types (as Fluent's driver).
        eventLoop.makeSucceededVoidFuture()
    }

    /// Already in one: the caller's.
    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }

    private struct Delegate: SQLConverterDelegate {
        func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
    }

    /// A row as Fluent reads a model from it; a joined model's fields carry its schema as prefix.
    private struct Output: DatabaseOutput {
        let row: any SQLRow
        let schema: String?

        var description: String { "\(row)" }

        private func column(_ key: FieldKey) -> String {
            (schema.map { .prefix(.prefix(.string($0), "_"), key) } ?? key).description
        }

        func schema(_ schema: String) -> any DatabaseOutput { Output(row: row, schema: schema) }
        func contains(_ key: FieldKey) -> Bool { row.contains(column: column(key)) }
        func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: column(key)) }
        func decode<T: Decodable>(_ key: FieldKey, as: T.Type) throws -> T {
            try row.decode(column: column(key), as: T.self)
        }
    }
}
