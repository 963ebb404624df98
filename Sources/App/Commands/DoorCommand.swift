import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// `mentore door admit --code CODE --session ID [--at TIME]`: admits a voucher's holder to a
/// session from the command line, through `Admissions` with every check the door makes (the
/// session's day included): scripts, tests, a door without a phone. `--at` (RFC 3339) records
/// when the holder came in, as a device that was offline does with its scan time: the day and
/// the voucher's validity are judged then (a paper list entered afterwards).
struct DoorCommand: AnyAsyncCommand {
    var help: String { "Admissions: door admit --code CODE --session SESSION-ID [--at TIME]" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let out = I18nCommand.Output(context)
        guard
            let (options, positional) = I18nCommand.options(
                context.input.arguments, flags: [], values: ["code", "session", "at"]),
            positional == ["admit"], let typed = options["code"]?.first,
            let sessionID = options["session"]?.first.flatMap(UUID.init(uuidString:))
        else {
            throw out.usage("cli-usage")
        }
        var scannedAt: Date?
        if let text = options["at"]?.first {
            guard let date = try? Date(text, strategy: .iso8601) else { throw out.usage("cli-usage") }
            scannedAt = date
        }
        do {
            guard
                let session = try await EventSessionModel.query(on: app.db).filter(\.$id == sessionID)
                    .with(\.$event, { $0.with(\.$venue) }).first()
            else { throw DomainError(.notFound, field: "session") }
            // The command line speaks for the platform: it may admit at any organizer's door.
            let scanner = Door.Scanner(
                key: "cli:command-line", organizers: [session.event.$organizer.id], actor: "command-line",
                door: "command-line", deviceID: nil)
            let scan = Door.Scan(input: typed, sessionID: sessionID, scanner: scanner, scannedAt: scannedAt)
            let item = Door.NoncedScan(scan, nonce: UUID().uuidString) { outcome, _ in
                #"{"result":"\#(outcome.result)"}"#
            }
            switch try await Admissions.admit([item], app: app)[0].get().outcome {
            case .admitted(_, let certificate):
                out.print(out.t("cli-door-admitted"))
                if let certificate {
                    out.print(out.t("cli-door-certificate", ["code": .string(certificate.code)]))
                }
            case .alreadyUsed(let first):
                let format = Formatting(
                    language: out.language, timeZone: TimeZone(identifier: session.event.venue.timeZone) ?? .gmt)
                out.error(out.t("cli-door-already-used", ["date": .string(format.dateTime(first.admittedAt))]))
                throw CommandExit(status: 1)
            case .refused(let error):
                throw error
            case nil:
                throw DomainError(.conflict)
            }
        } catch let error as DomainError {
            out.error(out.t("error-\(error.code.rawValue)"))
            throw CommandExit(status: 1)
        }
    }
}
