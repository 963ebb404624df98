import Domain
import Fluent
import Foundation
import Localization
import Persistence
import SQLKit
import Vapor

/// Settling what organizers are owed: each admission into exactly one settlement, each
/// admission undone after its settlement carried into exactly one later settlement, and the
/// payment booked once.
enum Settlements {
    /// How a settlement is paid out (the ledger's external account).
    static let payoutMethod = "bank-transfer"

    /// Creates the organizer's settlements for `period`, one per currency it was paid in, in
    /// the caller's write transaction. Every unsettled admission of the period is claimed by a
    /// conditional UPDATE (so two settlements can never take the same one), and every admission
    /// undone after an earlier settlement, before the period's end, is carried into it.
    static func create(
        organizerID: UUID, period: SettlementPeriod, createdBy actor: String, at now: Date, on db: any Database
    ) async throws -> [SettlementModel] {
        guard try await OrganizerModel.find(organizerID, on: db) != nil else { throw DomainError(.notFound) }
        let existing = try await SettlementModel.query(on: db).filter(\.$organizer.$id == organizerID).all()
        if existing.contains(where: { period.overlaps(first: $0.firstDay, last: $0.lastDay) }) {
            throw DomainError(.settlementOverlaps, field: "first")
        }
        let sql = db as! any SQLDatabase
        var made: [SettlementModel] = []
        for currency in Currency.allCases {
            let settlement = SettlementModel()
            settlement.id = UUID()
            settlement.$organizer.id = organizerID
            settlement.currency = currency
            settlement.firstDay = period.first
            settlement.lastDay = period.last
            settlement.admissions = 0
            settlement.admittedMinor = 0
            settlement.carriedVoids = 0
            settlement.carriedMinor = 0
            settlement.createdBy = actor
            settlement.createdAt = now
            try await settlement.create(on: db)
            let id = try settlement.requireID()
            let admitted = try await sql.update(RedemptionModel.schema)
                .set("settlement_id", to: SQLBind(id))
                .where("organizer_id", .equal, SQLBind(organizerID))
                .where("currency", .equal, SQLBind(currency.rawValue))
                .where("settlement_id", .is, SQLLiteral.null)
                .where("voided_at", .is, SQLLiteral.null)
                .where("admitted_at", .greaterThanOrEqual, SQLBind(period.start))
                .where("admitted_at", .lessThan, SQLBind(period.end))
                .returning("amount_minor").all(decodingColumn: "amount_minor", as: Int.self)
            let carried = try await sql.update(RedemptionModel.schema)
                .set("void_settlement_id", to: SQLBind(id))
                .where("organizer_id", .equal, SQLBind(organizerID))
                .where("currency", .equal, SQLBind(currency.rawValue))
                .where("settlement_id", .isNot, SQLLiteral.null)
                .where("settlement_id", .notEqual, SQLBind(id))
                .where("voided_at", .isNot, SQLLiteral.null)
                .where("void_settlement_id", .is, SQLLiteral.null)
                .where("voided_at", .lessThan, SQLBind(period.end))
                .returning("amount_minor").all(decodingColumn: "amount_minor", as: Int.self)
            guard !admitted.isEmpty || !carried.isEmpty else {
                try await settlement.delete(on: db)
                continue
            }
            settlement.admissions = admitted.count
            settlement.admittedMinor = admitted.reduce(0, +)
            settlement.carriedVoids = carried.count
            settlement.carriedMinor = carried.reduce(0, +)
            try await settlement.save(on: db)
            made.append(settlement)
        }
        guard !made.isEmpty else { throw DomainError(.settlementEmpty, field: "first") }
        return made
    }

    /// Marks a settlement paid and books the payout, once: a second call changes nothing
    /// (`changed` is then false).
    @discardableResult
    static func markPaid(_ id: UUID, reference: String, by actor: String, at now: Date, on db: any Database)
        async throws -> (settlement: SettlementModel, changed: Bool)
    {
        let sql = db as! any SQLDatabase
        let changed = try await sql.update(SettlementModel.schema)
            .set("paid_at", to: SQLBind(now)).set("paid_by", to: SQLBind(actor))
            .set("paid_reference", to: SQLBind(reference))
            .where("id", .equal, SQLBind(id)).where("paid_at", .is, SQLLiteral.null)
            .returning("id").all()
        let settlement = try await SettlementModel.find(id, on: db).orNotFound()
        if changed.count == 1,
            let payout = Bookings.payout(
                settlement.totals, currency: settlement.currency, organizer: settlement.$organizer.id,
                method: payoutMethod, settlement: id)
        {
            try await LedgerStore.post(payout, at: now, on: db)
        }
        return (settlement, changed.count == 1)
    }

    /// One line of a statement: an admission it settles, or an undone admission it deducts.
    struct Line: Sendable {
        var redemption: RedemptionModel
        var carried: Bool
        var amountMinor: Int { carried ? -redemption.amountMinor : redemption.amountMinor }
    }

    /// The statement's lines: admissions in the order they were made, then carried voids.
    static func lines(of settlementID: UUID, on db: any Database) async throws -> [Line] {
        let admitted = try await RedemptionModel.query(on: db).filter(\.$settlementID == settlementID)
            .with(\.$event) { $0.with(\.$texts) }.with(\.$session)
            .sort(\.$admittedAt).sort(\.$id).all()
        let carried = try await RedemptionModel.query(on: db).filter(\.$voidSettlementID == settlementID)
            .with(\.$event) { $0.with(\.$texts) }.with(\.$session)
            .sort(\.$voidedAt).sort(\.$id).all()
        return admitted.map { Line(redemption: $0, carried: false) }
            + carried.map { Line(redemption: $0, carried: true) }
    }

    /// What is not settled yet, by month of admission (platform time) and currency: admissions
    /// still standing, and admissions undone after their settlement waiting to be deducted.
    struct Pending: Sendable, Hashable {
        var month: String
        var currency: Currency
        var totals: SettlementTotals
    }

    static func pending(organizerID: UUID, on db: any Database) async throws -> [Pending] {
        let admitted = try await RedemptionModel.query(on: db).filter(\.$organizer.$id == organizerID)
            .filter(\.$settlementID == nil).filter(\.$voidedAt == nil)
            .field(\.$admittedAt).field(\.$amountMinor).field(\.$currency).all()
        let carried = try await RedemptionModel.query(on: db).filter(\.$organizer.$id == organizerID)
            .filter(\.$settlementID != nil).filter(\.$voidedAt != nil).filter(\.$voidSettlementID == nil)
            .field(\.$voidedAt).field(\.$amountMinor).field(\.$currency).all()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Formatting.platformTimeZone
        func month(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month], from: date)
            return String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
        }
        var out: [String: Pending] = [:]
        for r in admitted {
            let key = month(r.admittedAt) + r.currency.rawValue
            out[key, default: Pending(month: month(r.admittedAt), currency: r.currency, totals: .init())]
                .totals.admissions += 1
            out[key]!.totals.admittedMinor += r.amountMinor
        }
        for r in carried {
            let date = r.voidedAt ?? r.admittedAt
            let key = month(date) + r.currency.rawValue
            out[key, default: Pending(month: month(date), currency: r.currency, totals: .init())]
                .totals.carriedVoids += 1
            out[key]!.totals.carriedMinor += r.amountMinor
        }
        return out.values.sorted { ($0.month, $0.currency.rawValue) < ($1.month, $1.currency.rawValue) }
    }
}
