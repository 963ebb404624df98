import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Commands")
struct CommandTests {
    func run(_ command: any AnyAsyncCommand, _ arguments: [String], app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["mentore"] + arguments))
        context.application = app
        try await command.run(using: &context)
    }

    @Test("admin create makes an admin who can log in, and audits the grant")
    func createAdmin() async throws {
        try await withApp { app async throws in
            try await run(CreateAdminCommand(), ["--email", "Chief@Example.org", "--password", "0123456789"], app: app)
            let user = try #require(
                try await UserModel.query(on: app.db).filter(\.$email == "chief@example.org").first())
            #expect(user.isAdmin)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "grant-admin").all()
            #expect(audit.map(\.detail) == ["chief@example.org"])
            let browser = TestBrowser(app)
            _ = try await browser.login("chief@example.org", password: "0123456789")
            #expect(try await browser.get("/admin").status == .ok)
        }
    }

    @Test("admin create with a bad e-mail or a short password changes nothing")
    func createAdminRefused() async throws {
        try await withApp { app async throws in
            await #expect(throws: CreateAdminCommand.UsageError.self) {
                try await run(CreateAdminCommand(), ["--email", "nope", "--password", "short"], app: app)
            }
            await #expect(throws: CreateAdminCommand.UsageError.self) {
                try await run(CreateAdminCommand(), [], app: app)
            }
            #expect(try await UserModel.query(on: app.db).count() == 0)
            #expect(try await AuditEventModel.query(on: app.db).count() == 0)
        }
    }

    @Test("seed without --demo is a usage error")
    func seedNeedsFlag() async throws {
        try await withApp { app async throws in
            await #expect(throws: CreateAdminCommand.UsageError.self) {
                try await run(SeedCommand(), [], app: app)
            }
            #expect(try await UserModel.query(on: app.db).count() == 0)
        }
    }

    @Test("bad settings stop the start with every problem listed at once")
    func badConfiguration() {
        do {
            _ = try AppConfig(environment: [
                "DATABASE_URL": "mysql://x", "BCRYPT_COST": "3", "MAIL_TRANSPORT": "pigeon", "SMTP_USERNAME": "u",
                "SMTP_CA_FILE": "/nonexistent/ca.pem", "SMTP_TIMEOUT": "0", "COOKIE_SECURE": "maybe",
            ])
            Issue.record("expected the configuration to be refused")
        } catch let error as AppConfig.Invalid {
            #expect(error.problems.count == 7, "\(error.problems)")
            #expect(error.description.contains("DATABASE_URL"))
            #expect(error.description.contains("SMTP_CA_FILE"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("safe local defaults when nothing is set")
    func defaults() throws {
        let config = try AppConfig(environment: ["MENTORE_ROOT": "/srv/mentore"])
        #expect(config.database == .sqlite(path: "/srv/mentore/data/mentore.sqlite"))
        #expect(config.mailTransport == .file)
        #expect(!config.cookieSecure)
        #expect(try AppConfig(environment: ["SITE_URL": "https://mentore.example"]).cookieSecure)
        #expect(
            try AppConfig(environment: ["DATABASE_URL": "postgres://u@db/mentore"]).database
                == .postgres(url: "postgres://u@db/mentore"))
    }

    @Test("seed --bench makes more vouchers than one contribution may hold, in several contributions")
    func benchInChunks() async throws {
        try await withApp(seed: true) { app async throws in
            let made = try await BenchData.seed(app, count: 5, chunk: 2)
            #expect(made.codes.count == 5 && Set(made.codes).count == 5)
            let contributions = try await ContributionModel.query(on: app.db)
                .filter(\.$fund.$id == BenchData.fund).count()
            #expect(contributions == 3)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("seed --bench: today's session with N reserved vouchers, made once, and a device token that scans them")
    func bench() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now) { app async throws in
            let first = try await BenchData.seed(app, count: 3)
            #expect(first.codes.count == 3 && Set(first.codes).count == 3)
            let again = try await BenchData.seed(app, count: 3)
            #expect(again.session == first.session && again.codes == first.codes, "nothing new is needed")
            let answer = try Fixtures.json(
                try await DoorTests.Client(app, token: again.token).call(
                    .POST, SiteRoute.apiRedemptions.path,
                    json: DoorTests.scan(code: first.codes[0], session: first.session, nonce: "bench-1")))
            #expect(answer["result"] as? String == "admitted")
            let third = try await BenchData.seed(app, count: 3)
            #expect(third.session == first.session && third.codes.count == 3 && !third.codes.contains(first.codes[0]))
            let session = try await EventSessionModel.find(first.session, on: app.db).orNotFound()
            #expect(session.reserved == 4 && session.capacity >= 4)
            #expect(try await ReservationModel.query(on: app.db).filter(\.$session.$id == first.session).count() == 4)
            try await Fixtures.ledgerIsSound(app)
        }
    }
}
