import Domain
import FluentKit
import Foundation
import Localization
import Persistence
import Vapor

/// Partners bind vouchers to beneficiaries, and take them back while they are unused.
enum Nominations {
    /// Binds an issued voucher of `partnerID` to a new beneficiary, once: the voucher's status
    /// moves from issued to nominated in one conditional UPDATE, so a second nomination (a
    /// double click, a colleague, another instance) finds nothing to move and is refused.
    static func nominate(
        voucherID: UUID, partnerID: UUID, draft: NominationDraft, by userID: UUID?, req: Request
    ) async throws -> BeneficiaryModel {
        try await req.db.writeTransaction { db in
            let beneficiary = try await nominate(
                voucherID: voucherID, partnerID: partnerID, draft: draft, by: userID, app: req.application, on: db)
            try await Audit.record(req, "nominate", "voucher", voucherID, on: db)
            return beneficiary
        }
    }

    /// One nomination inside the caller's write transaction.
    static func nominate(
        voucherID: UUID, partnerID: UUID, draft: NominationDraft, by userID: UUID?, app: Application,
        on db: any Database
    ) async throws -> BeneficiaryModel {
        let beneficiary = BeneficiaryModel(partnerID: partnerID, draft: draft)
        try await beneficiary.create(on: db)
        let beneficiaryID = try beneficiary.requireID()
        guard
            try await VoucherStore.transition(
                voucherID, VoucherLifecycle.nominate, at: app.mentore.now(), also: ["beneficiary_id": beneficiaryID],
                matching: ["partner_id": partnerID], on: db)
        else { throw DomainError(.voucherTaken) }
        let nomination = NominationModel()
        nomination.$voucher.id = voucherID
        nomination.$beneficiary.id = beneficiaryID
        nomination.$partner.id = partnerID
        nomination.nominatedBy = userID
        nomination.delivery = draft.delivery.rawValue
        try await nomination.create(on: db)
        if draft.delivery == .email, let email = draft.email,
            let voucher = try await VoucherModel.find(voucherID, on: db)
        {
            try await Outbox.enqueue(
                "email-voucher", to: email, language: draft.language.rawValue,
                args: try await emailArguments(
                    voucher, name: draft.name, language: draft.language.rawValue, app: app, on: db),
                app: app, on: db,
                qr: app.mentore.config.siteURL + SiteRoute.voucher(.value(voucher.code)).path, secret: true,
                beneficiary: beneficiaryID)
        }
        return beneficiary
    }

    /// What a partner's unused vouchers are for: vouchers of one group are interchangeable.
    struct Group: Hashable, Sendable {
        var scope: VoucherScope
        var scopeID: UUID?
        var currency: Currency
        var valueMinor: Int

        init(_ voucher: VoucherModel) {
            (scope, scopeID, currency, valueMinor) = (
                voucher.scope, voucher.scopeID, voucher.currency, voucher.valueMinor
            )
        }

        init?(key: String) {
            let parts = key.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let scope = VoucherScope(rawValue: parts[0]),
                let currency = Currency(rawValue: parts[2]), let value = Int(parts[3]), value > 0
            else { return nil }
            let id = UUID(uuidString: parts[1])
            guard (id == nil) == parts[1].isEmpty else { return nil }
            (self.scope, self.scopeID, self.currency, self.valueMinor) = (scope, id, currency, value)
        }

        var key: String {
            [scope.rawValue, scopeID?.uuidString.lowercased() ?? "", currency.rawValue, String(valueMinor)]
                .joined(separator: ":")
        }
    }

    /// The partner's unused vouchers, by group, with how many each holds.
    static func freeGroups(partnerID: UUID, on db: any Database) async throws -> [(group: Group, count: Int)] {
        let vouchers = try await VoucherModel.query(on: db).filter(\.$partner.$id == partnerID)
            .filter(\.$status == .issued).all()
        var counts: [Group: Int] = [:]
        for voucher in vouchers { counts[Group(voucher), default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { $0.group.key < $1.group.key }
    }

    /// Nominates every row at once, each on an unused voucher of `group` (soonest to expire
    /// first): all of them or, on any problem, none.
    static func nominateAll(
        _ rows: [NominationCSV.Row], group: Group, partnerID: UUID, by userID: UUID?, req: Request
    ) async throws -> Int {
        let app = req.application
        return try await req.db.writeTransaction { db in
            var query = VoucherModel.query(on: db).filter(\.$partner.$id == partnerID).filter(\.$status == .issued)
                .filter(\.$scope == group.scope).filter(\.$currency == group.currency)
                .filter(\.$valueMinor == group.valueMinor)
            query = group.scopeID.map { id in query.filter(\.$scopeID == id) } ?? query.filter(\.$scopeID == nil)
            let vouchers = try await query.sort(\.$expiresAt).sort(\.$code).limit(rows.count).all()
            guard vouchers.count == rows.count else { throw DomainError(.notEnoughVouchers) }
            for (row, voucher) in zip(rows, vouchers) {
                let voucherID = try voucher.requireID()
                _ = try await nominate(
                    voucherID: voucherID, partnerID: partnerID, draft: row.draft, by: userID, app: app, on: db)
                try await Audit.record(req, "nominate", "voucher", voucherID, detail: "csv", on: db)
            }
            return rows.count
        }
    }

    /// The words an e-mailed voucher needs, in the beneficiary's language.
    static func emailArguments(
        _ voucher: VoucherModel, name: String, language: String, app: Application, on db: any Database
    ) async throws -> [String: FTLValue] {
        let format = Formatting.platform(language)
        let what =
            try await EventPresenter.voucherTitle(
                voucher, language: language, fallbacks: app.mentore.localizer.fallbacks[language] ?? [], on: db)?
            .title ?? app.mentore.localizer.t("voucher-scope-credit", in: language)
        return [
            "name": .string(name), "what": .string(what),
            "code": .string((try? VoucherCode(reading: voucher.code))?.grouped ?? voucher.code),
            "link": .string(app.mentore.config.siteURL + SiteRoute.voucher(.value(voucher.code)).path),
            "until": .string(format.date(voucher.expiresAt)),
        ]
    }

    /// Takes back a nominated voucher that has not been used; it can then be given to someone else.
    static func withdraw(voucherID: UUID, partnerID: UUID, req: Request) async throws {
        let now = req.now
        try await req.db.writeTransaction { db in
            guard
                try await VoucherStore.transition(
                    voucherID, VoucherLifecycle.withdraw, at: now, also: ["beneficiary_id": UUID?.none],
                    matching: ["partner_id": partnerID], on: db)
            else { throw DomainError(.voucherInUse) }
            try await NominationModel.query(on: db).filter(\.$voucher.$id == voucherID)
                .filter(\.$withdrawnAt == nil).set(\.$withdrawnAt, to: now).update()
            try await Audit.record(req, "withdraw-nomination", "voucher", voucherID, on: db)
        }
    }
}
