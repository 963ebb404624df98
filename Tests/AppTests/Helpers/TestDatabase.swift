import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor

@testable import App

/// Real databases for tests: each test gets its own copy of a migrated template, on SQLite by
/// default, or on the PostgreSQL server named by `TEST_DATABASE_URL` (started by `make test`).
actor TestDatabases {
    static let shared = TestDatabases()

    static let postgresURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static var engine: String { postgresURL == nil ? "sqlite" : "postgres" }

    private var template: Task<Void, any Error>?
    private let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("mentore-tests-\(ProcessInfo.processInfo.processIdentifier)")
    private var admin: Application?
    /// Swift Testing starts every test at once. On PostgreSQL, a few live databases at a time keep
    /// the server (and a slow CI machine) from drowning in copies and connections: a test waits
    /// here for its turn instead of timing out inside the pool. `TEST_PARALLEL_DATABASES` sets it.
    private let postgresGate = TestGate(
        width: ProcessInfo.processInfo.environment["TEST_PARALLEL_DATABASES"].flatMap(Int.init) ?? 6)

    /// A fresh, migrated database; returns its `DATABASE_URL` and how to drop it.
    func make() async throws -> (url: String, drop: @Sendable () async throws -> Void) {
        if template == nil {
            template = Task { try await self.buildTemplate() }
        }
        try await template!.value
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        if let base = Self.postgresURL {
            await postgresGate.enter()
            do {
                let sql = try await adminDatabase(base)
                try await sql.raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE mentore_template").run()
            } catch {
                await postgresGate.leave()
                throw error
            }
            let url = Self.replacingDatabase(in: base, with: name)
            let gate = postgresGate
            return (
                url,
                { [self] in
                    do { try await self.dropPostgres(name) } catch {
                        await gate.leave()
                        throw error
                    }
                    await gate.leave()
                }
            )
        }
        let path = directory.appendingPathComponent("\(name).sqlite").path
        try FileManager.default.copyItem(atPath: directory.appendingPathComponent("template.sqlite").path, toPath: path)
        return ("sqlite:" + path, { try? FileManager.default.removeItem(atPath: path) })
    }

    private func dropPostgres(_ name: String) async throws {
        guard let base = Self.postgresURL else { return }
        let sql = try await adminDatabase(base)
        try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
    }

    private func adminDatabase(_ base: String) async throws -> any SQLDatabase {
        if admin == nil {
            let app = try await Application.make(.testing)
            // Creating and dropping databases queue here; they must wait, never time out.
            app.databases.use(
                .postgres(
                    configuration: try SQLPostgresConfiguration(url: base), maxConnectionsPerEventLoop: 2,
                    connectionPoolTimeout: .seconds(600)), as: .psql)
            admin = app
        }
        guard let sql = admin!.db as? any SQLDatabase else { fatalError("PostgreSQL is an SQL database") }
        return sql
    }

    private func buildTemplate() async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url: String
        if let base = Self.postgresURL {
            let sql = try await adminDatabase(base)
            try await sql.raw("DROP DATABASE IF EXISTS mentore_template WITH (FORCE)").run()
            try await sql.raw("CREATE DATABASE mentore_template").run()
            url = Self.replacingDatabase(in: base, with: "mentore_template")
        } else {
            url = "sqlite:" + directory.appendingPathComponent("template.sqlite").path
        }
        let app = try await Application.make(.testing)
        try await configure(app, config: TestEnvironment.config(databaseURL: url))
        try await app.autoMigrate()
        try await app.asyncShutdown()
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}

/// The environment every test app starts from.
enum TestEnvironment {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath
    }()

    static var smtpPort: Int? {
        ProcessInfo.processInfo.environment["SMTP_TEST_PORT"].flatMap(Int.init)
    }
    static var smtpSinkDirectory: String? {
        ProcessInfo.processInfo.environment["SMTP_TEST_DIR"]
    }

    static func config(databaseURL: String, extra: [String: String] = [:]) throws -> AppConfig {
        var env = [
            "DATABASE_URL": databaseURL, "MENTORE_ROOT": root, "BCRYPT_COST": "4", "MAIL_WORKER_INTERVAL": "0",
            "MAIL_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("mentore-test-mail").path,
            "SITE_URL": "http://mentore.test",
            // Many test apps share one PostgreSQL server: a small pool each keeps them under its limit.
            "DATABASE_POOL_SIZE": "2", "DATABASE_POOL_TIMEOUT": "120",
        ]
        if let port = smtpPort {
            env["MAIL_TRANSPORT"] = "smtp"
            env["SMTP_HOST"] = "127.0.0.1"
            env["SMTP_PORT"] = String(port)
        }
        env.merge(extra) { _, new in new }
        return try AppConfig(environment: env)
    }
}

/// Runs `body` with a configured app on a fresh database, then shuts both down.
func withApp(
    environment: [String: String] = [:], now: (@Sendable () -> Date)? = nil, seed: Bool = false,
    mailTransport: (any MailTransport)? = nil, _ body: (Application) async throws -> Void
) async throws {
    let (url, drop) = try await TestDatabases.shared.make()
    let app = try await Application.make(.testing)
    do {
        app.logger.logLevel = .warning
        try await configure(
            app, config: TestEnvironment.config(databaseURL: url, extra: environment), mailTransport: mailTransport,
            now: now)
        if seed { try await DemoData.seed(app) }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? await drop()
        throw error
    }
    try await app.asyncShutdown()
    try await drop()
}

/// Two app instances on one fresh database, as two servers behind a load balancer would be.
func withTwoApps(
    environment: [String: String] = [:], now: (@Sendable () -> Date)? = nil, seed: Bool = false,
    mailTransport: (any MailTransport)? = nil, _ body: (Application, Application) async throws -> Void
) async throws {
    let (url, drop) = try await TestDatabases.shared.make()
    let first = try await Application.make(.testing)
    let second = try await Application.make(.testing)
    do {
        for app in [first, second] {
            app.logger.logLevel = .warning
            try await configure(
                app, config: TestEnvironment.config(databaseURL: url, extra: environment), mailTransport: mailTransport,
                now: now)
        }
        if seed { try await DemoData.seed(first) }
        try await body(first, second)
    } catch {
        try? await first.asyncShutdown()
        try? await second.asyncShutdown()
        try? await drop()
        throw error
    }
    try await first.asyncShutdown()
    try await second.asyncShutdown()
    try await drop()
}

/// A counting semaphore for async code: at most `width` holders at a time, the rest wait in order.
actor TestGate {
    private let width: Int
    private var holders = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { self.width = max(1, width) }

    func enter() async {
        if holders < width {
            holders += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            holders -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
