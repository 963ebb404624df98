import FluentKit

/// Funds as admins write them.
public enum FundStore {
    /// Saves a fund with its name and purpose in each language (replacing those it had).
    public static func save(
        _ fund: FundModel, texts: [FundTextModel], record: ChangeRecord, on db: any Database
    ) async throws {
        try await TranslatedContent.save(fund, texts: texts, ownerColumn: "fund_id", record: record, on: db)
    }
}
