import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import App
@testable import Persistence

@Suite("The database connections' settings")
struct DatabaseSettingsTests {
    /// One setting as the connection reports it.
    static func setting(_ statement: String, on db: any Database) async throws -> String? {
        let row = try await (db as! any SQLDatabase).raw(SQLQueryString(statement)).first()
        guard let row, let column = row.allColumns.first else { return nil }
        if let text = try? row.decode(column: column, as: String.self) { return text }
        return try row.decode(column: column, as: Int.self).description
    }

    @Test(
        "PostgreSQL plans foreign-key checks for the table as it is; SQLite logs ahead, and the door's writer checks references and journals in memory"
    )
    func settings() async throws {
        try await withApp { app async throws in
            if TestDatabases.engine == "postgres" {
                #expect(try await Self.setting("SHOW plan_cache_mode", on: app.db) == "force_custom_plan")
                return
            }
            #expect(try await Self.setting("PRAGMA journal_mode", on: app.db) == "wal")
            let writer = try #require(app.mentore.sqliteWriter)
            let settings = try await writer.transaction(context: app.db.context) { db in
                [
                    try await Self.setting("PRAGMA foreign_keys", on: db),
                    try await Self.setting("PRAGMA temp_store", on: db),
                    try await Self.setting("PRAGMA wal_autocheckpoint", on: db),
                ]
            }
            #expect(settings == ["1", "2", "\(SQLiteWriter.inlineCheckpointPages)"])
        }
    }
}
