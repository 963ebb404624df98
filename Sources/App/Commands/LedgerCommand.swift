import Domain
import Persistence
import Vapor

/// `mentore ledger check`: verifies every ledger invariant (ARCHITECTURE §5.1) in the database:
/// each transaction sums to zero per currency, no fund, voucher or payable ever went negative
/// in booking order, and each stored balance equals the sum of its postings. Exit 1 on a breach.
struct LedgerCommand: AnyAsyncCommand {
    var help: String { "Ledger tools: ledger check" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let localizer = app.mentore.localizer
        let language = CommandLanguage.detect(localizer)
        let out = I18nCommand.Output(console: context.console, localizer: localizer, language: language)
        guard context.input.arguments == ["check"] else { throw out.usage("cli-usage") }
        let history = try await LedgerStore.history(on: app.db)
        let balances = try await LedgerStore.balances(on: app.db)
        let breaches = Ledger.check(history, stored: balances)
        for breach in breaches {
            out.error(out.t("cli-ledger-breach", ["detail": .string(breach.description)]))
        }
        guard breaches.isEmpty else { throw CommandExit(status: 1) }
        out.print(
            out.t(
                "cli-ledger-ok", ["transactions": .integer(history.count), "accounts": .integer(balances.count)]))
    }
}
