import Domain
import FluentKit
import Foundation
import Localization
import Persistence
import Vapor

/// The receipt e-mail sent when a contribution is paid (the printable page is
/// `ReceiptController`).
enum Receipts {
    /// Queues the receipt e-mail in the mentor's language, inside the payment's transaction.
    static func email(_ contribution: ContributionModel, app: Application, on db: any Database) async throws {
        guard let mentor = try await UserModel.find(contribution.$mentor.id, on: db),
            let fund = try await FundModel.query(on: db).filter(\.$id == contribution.$fund.id).with(\.$texts).first()
        else { return }
        let language = mentor.language
        let localizer = app.mentore.localizer
        let text = EventPresenter.pick(
            fund.texts, language: \.language, for: language, fallbacks: localizer.fallbacks[language] ?? [])
        let format = Formatting.platform(language)
        let id = try contribution.requireID()
        try await Outbox.enqueue(
            "email-receipt", to: mentor.email, language: language,
            args: [
                "name": .string(mentor.displayName), "number": .string(contribution.paymentReference),
                "amount": .string(
                    format.money(
                        minor: contribution.amountMinor, currency: contribution.currency.rawValue,
                        minorUnits: contribution.currency.minorUnits)),
                "fund": .string(text?.name ?? ""),
                "date": .string(format.date(contribution.paidAt ?? app.mentore.now())),
                "method": .string(localizer.t("provider-\(contribution.provider)", in: language)),
                "demo": .string(contribution.provider == "demo" ? "yes" : "no"),
                "link": .string(app.mentore.config.siteURL + SiteRoute.contributionReceipt(.value(id)).path),
            ], app: app, on: db)
    }
}
