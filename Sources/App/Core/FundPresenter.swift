import Persistence
import Vapor

/// Turns Funds into what pages, receipts and payment pages show, in the reader's language.
enum FundPresenter {
    /// A fund's texts in the reader's language, or along the fallback chain.
    static func text(of fund: FundModel, for req: Request) -> FundTextModel? {
        EventPresenter.pick(
            fund.$texts.value ?? [], language: \.language, for: req.language, fallbacks: EventPresenter.fallbacks(req))
    }
}
