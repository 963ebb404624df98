import FluentKit

/// What `/healthz` asks of the database beyond an answer.
public enum HealthStore {
    /// Writes once (a counter's next value) as any writer would, through the write gate on
    /// SQLite: throws if the database cannot be written (a full disk, a read-only replica).
    public static func probeWrite(on db: any Database) async throws {
        _ = try await db.writeTransaction { db in try await db.nextValue(of: "healthz") }
    }
}
