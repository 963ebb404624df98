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
}
