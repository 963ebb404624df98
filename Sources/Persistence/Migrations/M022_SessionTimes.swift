import FluentKit
import Foundation
import SQLKit

/// When each session was last written (`_fluent_sessions.touched_at`), so that the purge can
/// remove sessions nobody has used for their retention. Runs after Fluent's own migration of
/// the sessions table (`Migrations.sessions`); sessions already there count from now.
public struct M022SessionTimes: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("_fluent_sessions").field("touched_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.update("_fluent_sessions").set("touched_at", to: SQLBind(Date())).run()
        try await sql.create(index: "sessions_by_touch").on("_fluent_sessions").column("touched_at").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("_fluent_sessions").deleteField("touched_at").update()
    }
}
