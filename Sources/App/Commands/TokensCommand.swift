import Domain
import Fluent
import Persistence
import Vapor

/// `mentore tokens create --user EMAIL --label L`: makes a personal API token for a user and
/// prints it (only there, once), for scripts and tests that call the API.
struct TokensCommand: AnyAsyncCommand {
    var help: String { "API tokens: tokens create --user EMAIL --label LABEL" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let localizer = app.mentore.localizer
        let out = I18nCommand.Output(
            console: context.console, localizer: localizer, language: CommandLanguage.detect(localizer))
        guard
            let (options, positional) = I18nCommand.options(
                context.input.arguments, flags: [], values: ["user", "label"]),
            positional == ["create"], let email = options["user"]?.first?.lowercased()
        else {
            throw out.usage("cli-usage")
        }
        guard let user = try await UserModel.query(on: app.db).filter(\.$email == email).first() else {
            out.error(out.t("cli-user-unknown", ["email": .string(email)]))
            throw CommandExit(status: 1)
        }
        do {
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
