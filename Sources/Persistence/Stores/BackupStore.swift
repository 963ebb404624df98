import FluentKit
import SQLKit

/// Copies of the database.
public enum BackupStore {
    /// Writes a consistent copy of the SQLite database to `path` (which must not exist):
    /// `VACUUM INTO` reads one snapshot of the database, so writers (the server) go on while it
    /// runs, and the copy holds every transaction committed before it began, none after.
    public static func copySQLite(to path: String, on db: any Database) async throws {
        try await db.storeSQL.raw("VACUUM INTO \(bind: path)").run()
    }
}
