import Foundation
import Persistence
import Vapor

/// `mentore backup --to FILE`: a consistent copy of the SQLite database, made while the server
/// runs (`VACUUM INTO` reads one snapshot; writers go on meanwhile). The copy is a database
/// like any other: `DATABASE_URL=sqlite:FILE mentore ledger check` verifies it. On PostgreSQL
/// the command says to use `pg_dump`.
struct BackupCommand: AnyAsyncCommand {
    var help: String { "A consistent copy of the SQLite database: backup --to FILE" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let out = I18nCommand.Output(context)
        let arguments = context.input.arguments
        guard arguments.count == 2, arguments[0] == "--to", !arguments[1].isEmpty else { throw out.usage("cli-usage") }
        let path = arguments[1]
        guard case .sqlite = app.mentore.config.database else {
            out.error(out.t("cli-backup-postgres"))
            throw CommandExit(status: 2)
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            out.error(out.t("cli-backup-exists", ["path": .string(path)]))
            throw CommandExit(status: 1)
        }
        try await BackupStore.copySQLite(to: path, on: app.db)
        out.print(out.t("cli-backup-done", ["path": .string(path)]))
    }
}

/// `mentore purge`: removes the rows past their retention now (the server does it every
/// `PURGE_INTERVAL` seconds).
struct PurgeCommand: AnyAsyncCommand {
    var help: String { "Removes rows past their retention: purge" }

    func run(using context: inout CommandContext) async throws {
        let out = I18nCommand.Output(context)
        guard context.input.arguments.isEmpty else { throw out.usage("cli-usage") }
        let removed = try await Purge.run(app: context.application)
        out.print(out.t("cli-purge-done", ["count": .integer(removed.values.reduce(0, +))]))
    }
}
