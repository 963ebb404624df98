import Domain
import FluentKit
import Foundation
import Localization
import Persistence
import Vapor

/// Partners' waiting lists per fund, and the reallocation that serves them: the value of an
/// expired voucher whose mentor chose `reallocate` becomes a new voucher for the first person
/// waiting on the same fund, nominated for them at once, and their partner is told.
enum WaitingLists {
    /// The funds a partner may keep a waiting list for: open ones that are general, for an
    /// event, or earmarked for this partner.
    static func funds(for partnerID: UUID, on db: any Database) async throws -> [FundModel] {
        try await FundModel.query(on: db).filter(\.$isOpen == true).with(\.$texts).all()
            .filter { $0.scope != .partner || $0.scopeID == partnerID }
            .filter { $0.scope != .circuit }
    }

    static func add(partnerID: UUID, fundID: UUID, draft: NominationDraft, req: Request) async throws {
        guard try await funds(for: partnerID, on: req.db).contains(where: { $0.id == fundID }) else {
            throw ValidationErrors([DomainError(.invalidValue, field: "fund")])
        }
        let now = req.now
        try await req.db.writeTransaction { db in
            let entry = WaitingEntryModel(
                partnerID: partnerID, fundID: fundID, draft: draft, addedBy: req.currentUser?.id, at: now)
            try await entry.create(on: db)
            try await Audit.record(req, "add-waiting", "waiting-entry", try entry.requireID(), on: db)
        }
    }

    /// Takes someone off the list while they are still waiting.
    static func remove(entryID: UUID, partnerID: UUID, req: Request) async throws {
        let now = req.now
        try await req.db.writeTransaction { db in
            guard
                try await db.transition(
                    WaitingEntryModel.schema, id: entryID, from: [WaitingStatus.waiting.rawValue],
                    to: WaitingStatus.removed.rawValue, also: ["updated_at": now], matching: ["partner_id": partnerID])
            else { throw DomainError(.conflict) }
            try await Audit.record(req, "remove-waiting", "waiting-entry", entryID, on: db)
        }
    }

    /// Inside the caller's write transaction, after `expired`'s value went back to its fund:
    /// makes a voucher of the same value and scope for the first person waiting on that fund,
    /// nominates it for them and tells their partner. Nil when nobody is waiting.
    static func reallocate(_ expired: VoucherModel, app: Application, on db: any Database) async throws
        -> WaitingEntryModel?
    {
        let now = app.mentore.now()
        let fundID = expired.$fund.id
        let waiting = try await WaitingEntryModel.query(on: db).filter(\.$fund.$id == fundID)
            .filter(\.$status == .waiting).sort(\.$createdAt).sort(\.$id).limit(10).all()
        for entry in waiting {
            let entryID = try entry.requireID()
            guard let draft = entry.draft,
                try await db.transition(
                    WaitingEntryModel.schema, id: entryID, from: [WaitingStatus.waiting.rawValue],
                    to: WaitingStatus.served.rawValue, also: ["updated_at": now])
            else { continue }
            let voucher = Funding.newVoucher(
                fund: fundID, contribution: expired.$contribution.id, scope: expired.scope, scopeID: expired.scopeID,
                value: expired.value, partner: entry.$partner.id, app: app)
            voucher.reallocatedFrom = try expired.requireID()
            try await voucher.create(on: db)
            let voucherID = try voucher.requireID()
            try await WaitingEntryModel.query(on: db).filter(\.$id == entryID).set(\.$voucher.$id, to: voucherID)
                .update()
            try await LedgerStore.post(
                Bookings.reallocation(
                    from: fundID, voucher: voucherID, value: expired.value, replacing: try expired.requireID()),
                at: now, on: db)
            let beneficiary = try await Nominations.nominate(
                voucherID: voucherID, partnerID: entry.$partner.id, draft: draft, by: nil, app: app, on: db)
            try await notifyPartner(entry, voucher: voucher, beneficiary: beneficiary.requireID(), app: app, on: db)
            entry.status = .served
            return entry
        }
        return nil
    }

    /// Tells every member of the entry's partner, each in their own language, that the person
    /// they put on the list now has a voucher.
    static func notifyPartner(
        _ entry: WaitingEntryModel, voucher: VoucherModel, beneficiary: UUID, app: Application, on db: any Database
    ) async throws {
        let members = try await PartnerMemberModel.query(on: db).filter(\.$partner.$id == entry.$partner.id)
            .with(\.$user).all()
        for member in members {
            let language = member.user.language
            var args = try await Nominations.emailArguments(
                voucher, name: entry.name, language: language, app: app, on: db)
            args["code"] = .string(VoucherCode.redacted(voucher.code))
            args["link"] = .string(
                app.mentore.config.siteURL + SiteRoute.partnerVouchers(.value(entry.$partner.id)).path)
            args["delivery"] = .string(entry.delivery)
            try await Outbox.enqueue(
                "email-reallocated", to: member.user.email, language: language, args: args, app: app, on: db,
                beneficiary: beneficiary)
        }
    }
}
