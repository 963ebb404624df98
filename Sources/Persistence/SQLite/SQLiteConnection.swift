import FluentKit
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import SQLiteKit
import VaporCSQLite

extension SQLiteWriter {
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
    /// Another connection holds the lock (`SQLITE_BUSY`, `SQLITE_LOCKED` and their extended codes).
    var isBusy: Bool { status & 0xFF == SQLITE_BUSY || status & 0xFF == SQLITE_LOCKED }
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
