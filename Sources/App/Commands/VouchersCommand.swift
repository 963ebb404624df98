import Vapor

/// `mentore vouchers expire`: expires every voucher past its date that nobody used, releases
/// its value to its fund and reallocates it where the mentor asked (the server also does it every `VOUCHER_EXPIRY_INTERVAL` seconds).
struct VouchersCommand: AnyAsyncCommand {
    var help: String { "Voucher tools: vouchers expire" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let out = I18nCommand.Output(context)
        guard context.input.arguments == ["expire"] else { throw out.usage("cli-usage") }
        let result = try await Refunds.expire(app: app)
        out.print(out.t("cli-vouchers-expired", ["count": .integer(result.expired)]))
        if result.reallocated > 0 {
            out.print(out.t("cli-vouchers-reallocated", ["count": .integer(result.reallocated)]))
        }
        if result.refunded > 0 {
            out.print(out.t("cli-vouchers-refunded", ["count": .integer(result.refunded)]))
        }
    }
}
