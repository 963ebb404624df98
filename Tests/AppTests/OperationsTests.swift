import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor

@testable import App

@Suite("Operations: the purge, /healthz's write, backups")
struct OperationsTests {
    func run(_ command: any AnyAsyncCommand, _ arguments: [String], app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["mentore"] + arguments))
        context.application = app
        try await command.run(using: &context)
    }

    @Test("the purge removes rows past their retention, keeps the rest and waiting mail, on two instances at once")
    func purge() async throws {
        let (clock, now) = Fixtures.clock()
        try await withTwoApps(now: now, seed: true) { first, second in
            // given: three months ago, a visitor's session, a failed log-in, a sign-up, a reset,
            // mail sent and mail still waiting, a door answer and a provider event
            let old = TestBrowser(first)
            _ = try await old.get(SiteRoute.signUp.path)
            _ = try await old.post(SiteRoute.signUp.path, AuthTests.signUpForm(email: "old@example.org"))
            _ = try await old.login("mentor@mentore.test", password: "wrong-password")
            _ = try await AccountSafetyTests.askReset("partner@mentore.test", app: first)
            try await OutboxMessageModel.query(on: first.db).filter(\.$recipient == "old@example.org")
                .set(\.$status, to: .sent).update()
            let waiting = try #require(
                try await OutboxMessageModel.query(on: first.db).filter(\.$recipient == "partner@mentore.test").first())
            let scan = DoorScanModel()
            (scan.scanner, scan.nonce, scan.requestHash, scan.status, scan.response) = ("d", "n", "h", 200, "{}")
            scan.createdAt = now()
            try await scan.create(on: first.db)
            let event = PaymentEventModel()
            (event.provider, event.eventID, event.type, event.outcome) = ("stripe", "evt_1", "x", "ignored")
            event.receivedAt = now()
            try await event.create(on: first.db)
            let sessions = try await SessionRecord.query(on: first.db).count()
            #expect(sessions >= 1)

            // and today, a new visitor
            clock.withLockedValue { $0 = $0.addingTimeInterval(100 * 86400) }
            let fresh = TestBrowser(first)
            _ = try await fresh.get(SiteRoute.signUp.path)
            _ = try await fresh.login("mentor@mentore.test", password: "wrong-password")

            // when: both instances purge at once
            async let a = Purge.run(app: first)
            async let b = Purge.run(app: second)
            let runs = try await [a, b]
            let removed = runs[0].merging(runs[1]) { $0 + $1 }

            // then: what was old is gone, once; what is fresh or waiting stays
            #expect(removed["_fluent_sessions"] == sessions)
            #expect(removed["login_attempts"] ?? 0 >= 3)
            #expect(removed["signup_requests"] == 1)
            #expect(removed["password_resets"] == 1)
            #expect(removed["outbox"] == 1)
            #expect(removed["door_scans"] == 1)
            #expect(removed["payment_events"] == 1)
            #expect(try await OutboxMessageModel.find(waiting.id, on: first.db) != nil, "waiting mail is never purged")
            #expect(try await SessionRecord.query(on: first.db).count() == 1)
            #expect(try await LoginAttemptModel.query(on: first.db).count() == 3, "today's attempt, counted three ways")
            // The new visitor's session still works (its form token is accepted).
            let form = try await fresh.get(SiteRoute.forgotPassword.path)
            #expect(
                try await fresh.post(SiteRoute.forgotPassword.path, [("email", "x@example.org")], csrf: form.csrf)
                    .status == .ok)
            #expect(try await Purge.run(app: first).values.reduce(0, +) == 0)
        }
    }

    @Test("/healthz tries a write: a database that answers but cannot be written is unavailable")
    func healthWrites() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now) { app async throws in
            let healthy = try await TestBrowser(app).get(SiteRoute.health.path)
            #expect(healthy.status == .ok)
            let sql = try #require(app.db as? any SQLDatabase)
            // The counters' table out of reach: reads work, the write fails.
            try await sql.raw("ALTER TABLE counters RENAME TO counters_away").run()
            clock.withLockedValue { $0 = $0.addingTimeInterval(HealthProbe.interval) }
            let broken = try await TestBrowser(app).get(SiteRoute.health.path)
            #expect(broken.status == .serviceUnavailable)
            #expect(try Fixtures.json(broken)["database"] as? String == "not-writable")
            try await sql.raw("ALTER TABLE counters_away RENAME TO counters").run()
            #expect(try await TestBrowser(app).get(SiteRoute.health.path).status == .ok)
        }
    }

    @Test(
        "mentore backup copies the SQLite database while it is written; the copy passes the ledger check",
        .enabled(if: TestDatabases.engine == "sqlite"))
    func backup() async throws {
        try await withApp(environment: FundingTests.providers, seed: true) { app async throws in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mentore-backup-\(UUID()).sqlite")
                .path
            defer { try? FileManager.default.removeItem(atPath: file) }
            // given: contributions being paid while the copy is made
            let writes = Task {
                for _ in 0..<3 { _ = try await WaitingListTests.contribution(app, rule: "reallocate", places: 1) }
            }
            try await run(BackupCommand(), ["--to", file], app: app)
            try await writes.value
            #expect(FileManager.default.fileExists(atPath: file))

            // then: the copy opens as a database of its own, and its books balance
            let copy = try await Application.make(.testing)
            do {
                copy.logger.logLevel = .warning
                try await configure(copy, config: TestEnvironment.config(databaseURL: "sqlite:" + file))
                let breaches = try await LedgerStore.check(on: copy.db)
                #expect(breaches.isEmpty, "\(breaches)")
                #expect(try await UserModel.query(on: copy.db).count() >= 5)
                #expect(try await LedgerStore.history(on: copy.db).count > 0)
            } catch {
                Issue.record(error)
            }
            try await copy.asyncShutdown()
            // A file that exists is never overwritten.
            await #expect(throws: CommandExit.self) { try await run(BackupCommand(), ["--to", file], app: app) }
            await #expect(throws: CommandExit.self) { try await run(BackupCommand(), ["--to"], app: app) }
        }
    }

    @Test("on PostgreSQL, mentore backup says to use pg_dump", .enabled(if: TestDatabases.engine == "postgres"))
    func backupOnPostgres() async throws {
        try await withApp { app async throws in
            await #expect(throws: CommandExit.self) {
                try await run(BackupCommand(), ["--to", "/tmp/never-\(UUID()).sqlite"], app: app)
            }
        }
    }
}
