import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Contributions become paid, paid contributions become vouchers, and every step is booked in
/// the ledger in the same transaction as the state change.
public enum Funding {
    /// An idempotency key: what a form or API client sends so that a retry finds the first
    /// contribution instead of making a second one.
    static func validKey(_ key: String?) -> String? {
        guard let key, (8...100).contains(key.count),
            key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return key
    }

    /// What a mentor asks for, as a form or an API client sends it (unchecked text).
    struct Submission: Sendable {
        var kind: String?
        var places: String?
        var amount: String?
        var currency: String?
        var anonymous: Bool
        var dedication: String?
        var unusedRule: String?
        var provider: String?
        var idempotencyKey: String?
    }

    /// Checks a submission against the fund and records it for `user`: the one path of the
    /// contribution form and of `POST /api/v1/contributions`. Returns the contribution and the
    /// provider's payment page, if the mentor must go there to pay.
    static func submit(
        _ input: Submission, fund: FundModel, places target: PlaceTarget?, user: CurrentUser, req: Request
    ) async throws -> (ContributionModel, paymentPage: String?) {
        guard let key = validKey(input.idempotencyKey) else {
            throw DomainError(.invalidValue, field: "idempotencyKey")
        }
        let draft = try ContributionDraft(
            kind: input.kind, places: input.places, amount: input.amount, currencyCode: input.currency,
            anonymous: input.anonymous, dedication: input.dedication, unusedRule: input.unusedRule,
            unitPrice: target?.price,
            currency: fund.currency, ceiling: ceiling(req.application, fund.currency))
        let contribution = try await contribute(
            draft, fund: fund, places: target, mentorID: user.id, provider: input.provider ?? "",
            idempotencyKey: key, language: req.language, app: req.application, db: req.db)
        let page = try await PaymentProviders.named(contribution.provider).paymentPage(for: contribution, req: req)
        return (contribution, page)
    }

    /// The largest contribution accepted (`CONTRIBUTION_CEILING` whole units), in `currency`.
    static func ceiling(_ app: Application, _ currency: Currency) -> Money {
        var minor = app.mentore.config.contributionCeiling
        for _ in 0..<currency.minorUnits { minor *= 10 }
        return Money(minor: minor, currency: currency)
    }

    /// Records a mentor's contribution, once per (mentor, idempotency key). The demo provider
    /// pays it at once; a bank transfer waits for an admin to record the money received.
    ///
    /// The same key with the same request returns the first contribution; with a different
    /// request it is refused and nothing changes. Concurrent submissions with one key (on any
    /// instance) meet at the unique index: the loser retries and finds the winner's row.
    static func contribute(
        _ draft: ContributionDraft, fund: FundModel, places target: PlaceTarget?, mentorID: UUID, provider: String,
        idempotencyKey: String, language: String, app: Application, db: any Database, seeding: Bool = false
    ) async throws -> ContributionModel {
        guard fund.isOpen else { throw DomainError(.fundClosed) }
        // The demo data is paid with the demo provider even where mentors cannot choose it.
        guard app.mentore.config.paymentProviders.contains(provider) || (seeding && provider == "demo") else {
            throw DomainError(.paymentUnavailable, field: "provider")
        }
        let payment = try PaymentProviders.named(provider)
        let fundID = try fund.requireID()
        var attempt = 0
        while true {
            attempt += 1
            if let existing = try await ContributionModel.query(on: db)
                .filter(\.$mentor.$id == mentorID).filter(\.$idempotencyKey == idempotencyKey).first()
            {
                guard existing.requestHash == draft.fingerprint else { throw DomainError(.idempotencyMismatch) }
                return existing
            }
            do {
                return try await db.writeTransaction { db in
                    let number = try await db.nextValue(of: "receipt")
                    let contribution = ContributionModel()
                    contribution.number = number
                    contribution.$mentor.id = mentorID
                    contribution.$fund.id = fundID
                    contribution.kind = draft.kind == .places ? .places : .amount
                    if draft.kind == .places, let target {
                        switch target {
                        case .event(let event): contribution.$event.id = event.id
                        case .circuit(let version): contribution.circuitVersionID = version.id
                        }
                    }
                    contribution.places = draft.places
                    contribution.unitPriceMinor = draft.unitPrice?.minor
                    contribution.amountMinor = draft.amount.minor
                    contribution.currency = draft.amount.currency
                    contribution.provider = provider
                    contribution.status = .pending
                    contribution.idempotencyKey = idempotencyKey
                    contribution.requestHash = draft.fingerprint
                    contribution.paymentReference = paymentReference(number)
                    contribution.anonymous = draft.anonymous
                    contribution.dedication = draft.dedication
                    contribution.unusedRule = draft.unusedRule
                    contribution.language = language
                    try await contribution.create(on: db)
                    try await payment.created(contribution, app: app, on: db)
                    return contribution
                }
            } catch let error as DomainError {
                throw error
            } catch {
                // Another request with the same key committed first: answer with its row.
                guard attempt < 3 else { throw error }
            }
        }
    }

    /// `MNT-000042`: what a bank transfer's description carries.
    static func paymentReference(_ number: Int) -> String {
        let digits = String(number)
        return "MNT-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Marks a pending contribution paid, books the payment and issues its vouchers, inside
    /// the caller's write transaction. Returns false (and changes nothing) when it was not
    /// pending any more: a repeated webhook, a double click, another instance.
    @discardableResult
    static func markPaid(
        _ contribution: ContributionModel, providerReference: String, app: Application, on db: any Database
    ) async throws -> Bool {
        let id = try contribution.requireID()
        let now = app.mentore.now()
        guard
            try await db.transition(
                ContributionModel.schema, id: id, from: [ContributionStatus.pending.rawValue],
                to: ContributionStatus.paid.rawValue, also: ["paid_at": now, "provider_reference": providerReference])
        else { return false }
        contribution.status = .paid
        contribution.paidAt = now
        contribution.providerReference = providerReference
        let fund = try await FundModel.find(contribution.$fund.id, on: db).orNotFound()
        try await LedgerStore.post(
            Bookings.payment(
                contribution.amount, provider: contribution.provider, fund: try fund.requireID(), contribution: id),
            at: now, on: db)
        try await issueVouchers(for: contribution, fund: fund, app: app, on: db)
        try await Receipts.email(contribution, app: app, on: db)
        return true
    }

    /// One voucher per sponsored place at the locked price, or open-credit vouchers of the
    /// fund's face value for an amount (what does not make a whole voucher stays in the fund).
    public static func issueVouchers(
        for contribution: ContributionModel, fund: FundModel, app: Application, on db: any Database
    ) async throws {
        let count: Int
        let value: Int
        let scope: VoucherScope
        var scopeID: UUID?
        switch contribution.kind {
        case .places:
            count = contribution.places ?? 0
            value = contribution.unitPriceMinor ?? 0
            if let event = contribution.$event.id {
                (scope, scopeID) = (.event, event)
            } else if let version = contribution.circuitVersionID {
                (scope, scopeID) = (.circuit, version)
            } else {
                (scope, scopeID) = (.credit, nil)
            }
        case .amount:
            guard let face = fund.faceValueMinor, face > 0 else { return }
            count = contribution.amountMinor / face
            value = face
            // Open credit earmarked like its fund: an event, or the circuit's version of today.
            let target = try await PlaceTarget.of(fund, on: db)
            (scope, scopeID) = (target?.scope ?? .credit, target?.scopeID)
        }
        guard count > 0, value > 0 else { return }
        let now = app.mentore.now()
        let fundID = try fund.requireID()
        let vouchers = (0..<count).map { _ in
            newVoucher(
                fund: fundID, contribution: contribution.id, scope: scope, scopeID: scopeID,
                value: Money(minor: value, currency: contribution.currency),
                partner: fund.scope == .partner ? fund.scopeID : nil, app: app)
        }
        for chunk in stride(from: 0, to: vouchers.count, by: 200) {
            try await Array(vouchers[chunk..<min(chunk + 200, vouchers.count)]).create(on: db)
        }
        let money = Money(minor: value, currency: contribution.currency)
        try await LedgerStore.post(
            Bookings.issue(
                from: fundID, vouchers: vouchers.map { ($0.id!, money) }, contribution: try contribution.requireID()),
            at: now, on: db)
    }

    /// A new issued voucher with a fresh code, valid for `VOUCHER_VALIDITY_DAYS` from now (not
    /// yet saved or booked: the caller does both in its transaction).
    static func newVoucher(
        fund: UUID, contribution: UUID?, scope: VoucherScope, scopeID: UUID?, value: Money, partner: UUID?,
        app: Application
    ) -> VoucherModel {
        let voucher = VoucherModel()
        voucher.id = UUID()
        voucher.code = VoucherCode.generate().canonical
        voucher.$fund.id = fund
        voucher.$contribution.id = contribution
        voucher.scope = scope
        voucher.scopeID = scopeID
        voucher.valueMinor = value.minor
        voucher.currency = value.currency
        voucher.status = .issued
        voucher.$partner.id = partner
        voucher.expiresAt = app.mentore.now().addingTimeInterval(
            Double(app.mentore.config.voucherValidityDays) * 86_400)
        return voucher
    }

    /// Gives every voucher of a contribution that no partner holds yet, and nobody has used, to
    /// one partner, who then nominates beneficiaries for them. One conditional UPDATE: a voucher
    /// already allocated (by a concurrent admin too) is never moved. Returns how many moved.
    static func allocate(contributionID: UUID, to partnerID: UUID, req: Request) async throws -> Int {
        let count = try await req.db.writeTransaction { db in
            let count = try await VoucherStore.allocate(contribution: contributionID, to: partnerID, on: db)
            if count > 0 {
                try await Audit.record(req, "allocate", "contribution", contributionID, detail: "\(count)", on: db)
            }
            return count
        }
        guard count > 0 else { throw DomainError(.nothingToAllocate) }
        return count
    }

    /// An admin records a bank transfer received for a pending contribution: the amount must
    /// be exactly the one asked for.
    static func recordTransfer(
        _ contribution: ContributionModel, amount: String?, bankReference: String?, app: Application,
        on db: any Database
    ) async throws -> Bool {
        var v = Validator()
        let reference = v.text(bankReference, field: "bankReference", max: 100)
        let text = (amount ?? "").trimmingCharacters(in: .whitespaces)
        let received = Money(parsing: text, currency: contribution.currency)
        if text.isEmpty {
            v.add(.required, field: "amount")
        } else if received == nil {
            v.add(.invalidValue, field: "amount")
        } else if received != contribution.amount {
            v.add(.amountMismatch, field: "amount")
        }
        try v.finish()
        guard contribution.provider == "bank-transfer" else { throw DomainError(.conflict) }
        return try await db.writeTransaction { db in
            try await markPaid(contribution, providerReference: "bank:" + reference, app: app, on: db)
        }
    }
}
