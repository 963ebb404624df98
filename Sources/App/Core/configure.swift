import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import Localization
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Vapor

/// Sets up the app from its configuration: database, sessions, views, language, middleware,
/// routes, commands and the mail worker.
public func configure(
    _ app: Application, config: AppConfig? = nil, mailTransport: (any MailTransport)? = nil,
    now: (@Sendable () -> Date)? = nil
) async throws {
    let config = try config ?? AppConfig()

    switch config.database {
    case .sqlite(let path):
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        // WAL lets readers work while one writer commits; the setting is kept in the file.
        if let sql = app.db as? any SQLDatabase {
            _ = try await sql.raw("PRAGMA journal_mode=WAL").all()
        }
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.searchPath = nil
        app.databases.use(.postgres(configuration: postgres), as: .psql)
    }
    app.migrations.add(Migrations.all)
    app.migrations.add(SessionRecord.migration)

    app.sessions.use(.fluent)
    let secure = config.cookieSecure
    app.sessions.configuration = SessionsConfiguration(cookieName: "mentore-session") { id in
        HTTPCookies.Value(
            string: id.string, maxAge: 30 * 86400, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    app.views.use(.leaf)
    app.leaf.configuration.rootDirectory = config.viewsDirectory
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.leaf.tags["t"] = TranslateTag()
    app.leaf.tags["csrf"] = CSRFTag()

    let localizer = try Localizer.load(from: URL(fileURLWithPath: config.localesDirectory))
    // A broken catalog never stops the server: it says where, and serves what it could read.
    for problem in localizer.diagnostics {
        app.logger.error("catalog problem", metadata: ["at": "\(problem)"])
    }
    let transport: any MailTransport =
        mailTransport
        ?? {
            switch config.mailTransport {
            case .file: FileMailTransport(directory: config.mailDirectory)
            case .smtp:
                SMTPMailTransport(
                    host: config.smtpHost, port: config.smtpPort, startTLS: config.smtpStartTLS,
                    username: config.smtpUsername, password: config.smtpPassword, caFile: config.smtpCAFile,
                    timeout: .seconds(config.smtpTimeout))
            }
        }()
    app.mentore = AppServices(config: config, localizer: localizer, now: now ?? Date.init, mailTransport: transport)

    app.middleware = .init()
    app.middleware.use(SiteMiddleware())
    app.middleware.use(LocalizedErrorMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: config.publicDirectory))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(UserMiddleware())
    app.middleware.use(CSRFMiddleware())

    try routes(app)

    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(AdminCommand(), as: "admin")
    app.asyncCommands.use(I18nCommand(), as: "i18n")
    app.asyncCommands.use(LedgerCommand(), as: "ledger")

    if config.mailWorkerInterval > 0 {
        app.lifecycle.use(MailWorkerLifecycle(interval: config.mailWorkerInterval))
    }
}

/// Runs the outbox worker in the background while the server runs (not during other commands).
final class MailWorkerLifecycle: LifecycleHandler {
    let interval: Double
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: Double) {
        self.interval = interval
    }

    func didBootAsync(_ app: Application) async throws {
        let command = CommandLine.arguments.dropFirst().first
        guard command == nil || command == "serve" else { return }
        let interval = self.interval
        task.withLockedValue {
            $0 = Task {
                let worker = MailWorker(app: app)
                while !Task.isCancelled {
                    do {
                        try await worker.runOnce()
                    } catch {
                        app.logger.warning("mail worker: \(String(reflecting: error))")
                    }
                    try? await Task.sleep(for: .seconds(interval))
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
