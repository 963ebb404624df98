import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import Persistence
import SQLKit

/// A fresh, migrated database for a store test, without the app: SQLite in a temporary file by
/// default, or a new database on the PostgreSQL server named by `TEST_DATABASE_URL` (started by
/// `make test`). The stores are tested on what they run on.
struct StoreDatabase {
    static let postgresURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static var engine: String { postgresURL == nil ? "sqlite" : "postgres" }

    let databases: Databases
    let gate: SQLiteWriteGate?
    let logger = Logger(label: "persistence-tests")

    /// A database of the pool, as the app's pooled connections are.
    var db: any Database { databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())! }

    /// Runs `body` with a fresh database of its own, then drops it.
    static func with(_ body: (StoreDatabase) async throws -> Void) async throws {
        let name = "p_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        var gate: SQLiteWriteGate?
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
        if let base = postgresURL {
            try await admin(base) { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            var components = URLComponents(string: base)!
            components.path = "/" + name
            databases.use(
                .postgres(
                    configuration: try SQLPostgresConfiguration(url: components.string!), maxConnectionsPerEventLoop: 2),
                as: .psql)
        } else {
            let made = SQLiteWriteGate(path: path)
            gate = made
            databases.use(.sqlite(gate: made), as: .sqlite)
        }
        let store = StoreDatabase(databases: databases, gate: gate)
        do {
            if gate != nil { try await SQLiteWriteGate.useWriteAheadLog(on: store.db) }
            let migrations = FluentKit.Migrations()
            migrations.add(Persistence.Migrations.all)
            let migrator = Migrator(
                databases: databases, migrations: migrations, logger: store.logger,
                on: MultiThreadedEventLoopGroup.singleton.any(), migrationLogLevel: .debug)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            try await body(store)
        } catch {
            await store.close(name: name, path: path)
            throw error
        }
        await store.close(name: name, path: path)
    }

    private func close(name: String, path: String) async {
        await databases.shutdownAsync()
        if let base = Self.postgresURL {
            try? await Self.admin(base) { sql in
                try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            }
        } else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// A short-lived connection to the server's own database, to create and drop test databases.
    private static func admin(_ base: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: base)), as: .psql)
        do {
            let db = databases.database(
                logger: Logger(label: "admin"), on: MultiThreadedEventLoopGroup.singleton.any())!
            try await body(db as! any SQLDatabase)
        } catch {
            await databases.shutdownAsync()
            throw error
        }
        await databases.shutdownAsync()
    }
}
