import Domain
import Fluent
import Persistence
import Vapor

/// `mentore door admit --code CODE --session ID`: admits a voucher's holder to a session from
/// the command line, with every check the door makes (scripts, tests, a door without a phone).
struct DoorCommand: AnyAsyncCommand {
    var help: String { "Admissions: door admit --code CODE --session SESSION-ID" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let localizer = app.mentore.localizer
        let out = I18nCommand.Output(
            console: context.console, localizer: localizer, language: CommandLanguage.detect(localizer))
        guard
            let (options, positional) = I18nCommand.options(
                context.input.arguments, flags: [], values: ["code", "session"]),
            positional == ["admit"], let typed = options["code"]?.first,
            let session = options["session"]?.first.flatMap(UUID.init(uuidString:))
        else {
            throw out.usage("cli-usage")
        }
        do {
            guard let code = try? VoucherCode(reading: typed),
                let voucher = try await VoucherModel.query(on: app.db).filter(\.$code == code.canonical).first()
            else { throw DomainError(.voucherUnknown) }
            switch try await Journeys.admit(
                voucherID: voucher.requireID(), sessionID: session, by: "command-line", app: app, on: app.db)
            {
            case .admitted(_, let certificate):
                out.print(out.t("cli-door-admitted"))
                if let certificate {
                    out.print(out.t("cli-door-certificate", ["code": .string(certificate.code)]))
                }
            case .alreadyUsed(let first):
                out.error(
                    out.t("cli-door-already-used", ["date": .string(first.admittedAt.formatted(.iso8601))]))
                throw CommandExit(status: 1)
            }
        } catch let error as DomainError {
            out.error(out.t("error-\(error.code.rawValue)"))
            throw CommandExit(status: 1)
        }
    }
}
