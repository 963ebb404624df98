import FluentKit
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import SQLiteKit
import VaporCSQLite

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
