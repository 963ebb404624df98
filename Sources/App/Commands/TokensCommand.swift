import Domain
import Fluent
import Persistence
import Vapor

/// `mentore tokens create --user EMAIL --label L`: makes a personal API token for a user and
/// prints it (only there, once), for scripts and tests that call the API.
/// `mentore tokens create --organizer SLUG --label L`: the same for a scanning device of that
/// organizer (the scanner API).
struct TokensCommand: AnyAsyncCommand {
    var help: String { "API tokens: tokens create --user EMAIL --label LABEL | --organizer SLUG --label LABEL" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let out = I18nCommand.Output(context)
        guard
            let (options, positional) = I18nCommand.options(
                context.input.arguments, flags: [], values: ["user", "organizer", "label"]),
            positional == ["create"], (options["user"] == nil) != (options["organizer"] == nil)
        else {
            throw out.usage("cli-usage")
        }
        do {
            if let slug = options["organizer"]?.first?.lowercased() {
                guard let organizer = try await OrganizerModel.query(on: app.db).filter(\.$slug == slug).first() else {
                    out.error(out.t("cli-organizer-unknown", ["slug": .string(slug)]))
                    throw CommandExit(status: 1)
                }
                let (_, token) = try await app.db.writeTransaction { db in
                    let made = try await DoorDevices.create(
                        organizerID: try organizer.requireID(), label: options["label"]?.first,
                        createdBy: "command-line", app: app, on: db)
                    try await Audit.recordCommand(
                        "create-device", "door-device", try made.device.requireID(), detail: made.device.label,
                        app: app, on: db)
                    return made
                }
                out.print(token)
                return
            }
            let email = options["user"]?.first?.lowercased() ?? ""
            guard let user = try await UserModel.query(on: app.db).filter(\.$email == email).first() else {
                out.error(out.t("cli-user-unknown", ["email": .string(email)]))
                throw CommandExit(status: 1)
            }
            let token = try await PersonalTokens.create(
                label: options["label"]?.first, userID: try user.requireID(), app: app)
            out.print(token)
        } catch let errors as ValidationErrors {
            for error in errors.errors {
                out.error("--\(error.field ?? "?"): " + out.t("error-\(error.code.rawValue)"))
            }
            throw CommandExit(status: 2)
        } catch let error as DomainError {
            out.error(out.t("error-\(error.code.rawValue)"))
            throw CommandExit(status: 1)
        }
    }
}
