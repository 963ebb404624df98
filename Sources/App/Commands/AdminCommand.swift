import Domain
import Fluent
import Persistence
import Vapor

/// `mentore admin create --email E --password P`: creates an admin, or makes an existing user one.
struct AdminCommand: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["create": CreateAdminCommand()]
    var help: String { "Manage administrators." }
}

struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The admin's e-mail address")
        var email: String?
        @Option(name: "password", help: "The admin's password (at least 10 characters)")
        var password: String?
        @Option(name: "name", help: "The display name (default: Admin)")
        var name: String?
    }

    var help: String { "Create an administrator: admin create --email E --password P" }

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let localizer = app.mentore.localizer
        let language = CommandLanguage.detect(localizer)
        do {
            let draft = try SignUp(
                email: signature.email, password: signature.password, confirmation: signature.password,
                displayName: signature.name ?? "Admin")
            let hash = try await Passwords.hash(draft.password, app: app)
            // The role change and its audit entry commit together.
            try await app.db.transaction { db in
                let user =
                    try await UserModel.query(on: db).filter(\.$email == draft.email).first()
                    ?? UserModel(
                        email: draft.email, passwordHash: hash, displayName: draft.displayName, language: "it")
                let wasAdmin = user.isAdmin
                user.isAdmin = true
                user.passwordHash = hash
                try await user.save(on: db)
                if !wasAdmin {
                    try await Audit.recordCommand("grant-admin", "user", user.id, detail: draft.email, app: app, on: db)
                }
            }
            context.console.print(localizer.t("cli-admin-created", ["email": .string(draft.email)], in: language))
        } catch let errors as ValidationErrors {
            for error in errors.errors {
                context.console.error(
                    "--\(error.field ?? "?"): " + localizer.t("error-\(error.code.rawValue)", [:], in: language))
            }
            context.console.print(help)
            throw UsageError(description: "invalid arguments")
        }
    }
}

/// `mentore seed --demo`: the demonstration data, idempotent.
/// `mentore seed --bench N --out FILE`: beside it, the door's bench (`BenchData`): writes N
/// codes to FILE, prints the session's id and a new device token, one a line.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Seed the demonstration data (idempotent)")
        var demo: Bool
        @Option(name: "bench", help: "Vouchers reserved for today's bench session")
        var bench: Int?
        @Option(name: "out", help: "Where to write the bench vouchers' codes")
        var out: String?
    }

    var help: String { "Seed data: seed --demo | seed --bench N --out FILE" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let usage = {
            let localizer = context.application.mentore.localizer
            let usage = localizer.t("cli-usage", in: CommandLanguage.detect(localizer))
            context.console.error(usage)
            return CreateAdminCommand.UsageError(description: usage)
        }
        if let count = signature.bench {
            guard (1...100_000).contains(count), let out = signature.out, !out.isEmpty, !signature.demo else {
                throw usage()
            }
            let (session, codes, token) = try await BenchData.seed(context.application, count: count)
            try (codes.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
            context.console.print(session.uuidString.lowercased())
            context.console.print(token)
            return
        }
        guard signature.demo, signature.out == nil else { throw usage() }
        let created = try await DemoData.seed(context.application)
        let localizer = context.application.mentore.localizer
        let language = CommandLanguage.detect(localizer)
        context.console.print(localizer.t("cli-seed-done", ["count": .integer(created)], in: language))
        context.console.print(localizer.t("cli-seed-logins", ["password": .string(DemoData.password)], in: language))
        for user in DemoData.users {
            context.console.print("  \(user.email)  (\(user.label))")
        }
    }
}
