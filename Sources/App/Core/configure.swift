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

    var sqliteGate: SQLiteWriteGate?
    switch config.database {
    case .sqlite(let path):
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        let gate = SQLiteWriteGate(path: path)
        sqliteGate = gate
        app.databases.use(.sqlite(gate: gate), as: .sqlite)
        try await SQLiteWriteGate.useWriteAheadLog(on: app.db)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.searchPath = nil
        // Foreign-key checks run prepared statements whose plan each connection keeps. Planned
        // while a table is small (the ledger's transactions, at a new deployment's first
        // event) the plan reads the whole table, and keeps doing so as the table grows: at the
        // door, every posting's check then scanned thousands of rows. Custom plans are made for
        // the table as it is; the app's own statements are planned each time anyway.
        postgres.coreConfiguration.options.additionalStartupParameters.append(
            ("plan_cache_mode", "force_custom_plan"))
        // Fluent's default of one connection per event loop makes a burst of requests queue
        // for a handful of connections; a few more keep short queries from waiting on long ones.
        app.databases.use(
            .postgres(
                configuration: postgres, maxConnectionsPerEventLoop: config.databasePoolSize,
                connectionPoolTimeout: .seconds(Int64(config.databasePoolTimeout))), as: .psql)
    }
    app.migrations.add(Migrations.all)
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(Migrations.sessions)

    app.sessions.use { _ in DatabaseSessions() }
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
    app.mentore = AppServices(
        config: config, localizer: localizer, now: now ?? Date.init, mailTransport: transport, sqliteGate: sqliteGate)

    app.middleware = .init()
    app.middleware.use(SiteMiddleware())
    app.middleware.use(LocalizedErrorMiddleware())
    app.middleware.use(PublicFilesMiddleware(publicDirectory: config.publicDirectory))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(UserMiddleware())
    app.middleware.use(CSRFMiddleware())

    try routes(app)

    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(AdminCommand(), as: "admin")
    app.asyncCommands.use(I18nCommand(), as: "i18n")
    app.asyncCommands.use(LedgerCommand(), as: "ledger")

    app.asyncCommands.use(VouchersCommand(), as: "vouchers")
    app.asyncCommands.use(TokensCommand(), as: "tokens")
    app.asyncCommands.use(DoorCommand(), as: "door")
    app.asyncCommands.use(PurgeCommand(), as: "purge")
    app.asyncCommands.use(BackupCommand(), as: "backup")

    if config.mailWorkerInterval > 0 {
        app.lifecycle.use(
            PeriodicJob(name: "mail worker", interval: config.mailWorkerInterval) { app in
                try await MailWorker(app: app).runOnce()
            })
    }
    app.lifecycle.use(SQLiteWriterShutdown())
    app.lifecycle.use(PasswordHasherShutdown())
    if config.purgeInterval > 0 {
        app.lifecycle.use(
            PeriodicJob(name: "purge", interval: config.purgeInterval) { app in
                try await Purge.run(app: app)
            })
    }
    if config.voucherExpiryInterval > 0 {
        app.lifecycle.use(
            PeriodicJob(name: "voucher expiry", interval: config.voucherExpiryInterval) { app in
                let result = try await Refunds.expire(app: app)
                if result.expired > 0 || result.refunded > 0 {
                    app.logger.info(
                        "vouchers expired",
                        metadata: [
                            "count": "\(result.expired)", "reallocated": "\(result.reallocated)",
                            "refunded": "\(result.refunded)",
                        ])
                }
            })
    }
}

/// Closes the door's SQLite write connection when the app shuts down.
struct SQLiteWriterShutdown: LifecycleHandler {
    func shutdownAsync(_ app: Application) async {
        await app.mentore.sqliteWriter?.close()
    }
}

/// Runs `work` every `interval` seconds in the background while the server runs (not during
/// other commands). Safe with several instances: every job claims its rows with guarded updates.
final class PeriodicJob: LifecycleHandler {
    let name: String
    let interval: Double
    let work: @Sendable (Application) async throws -> Void
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(name: String, interval: Double, work: @escaping @Sendable (Application) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.work = work
    }

    func didBootAsync(_ app: Application) async throws {
        let command = CommandLine.arguments.dropFirst().first
        guard command == nil || command == "serve" else { return }
        let (name, interval, work) = (self.name, self.interval, self.work)
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        try await work(app)
                    } catch {
                        app.logger.warning("\(name): \(String(reflecting: error))")
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
