import Domain
import FluentKit
import Foundation
import Persistence

/// A small world for store tests: one organizer with a venue, an event and two sessions, a
/// partner with two beneficiaries, and vouchers of an event fund (one free, one nominated and
/// reserved, one admitted).
struct Fixture {
    let organizer: UUID
    let event: UUID
    let sessions: [UUID]
    let fund: UUID
    /// Issued; nominated with a reservation; in use with a reservation and an admission.
    let vouchers: [UUID]
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func make(on db: any Database) async throws -> Fixture {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let organizer = OrganizerModel()
        (organizer.slug, organizer.name, organizer.city) = ("slow-mill", "Slow Mill", "Milano")
        (organizer.description, organizer.contactEmail, organizer.language) = ("", "info@slowmill.test", "it")
        organizer.status = .approved
        try await organizer.create(on: db)
        let venue = VenueModel()
        venue.$organizer.id = try organizer.requireID()
        (venue.name, venue.address, venue.city, venue.country) = ("Slow Mill", "Via Tortona 1", "Milano", "IT")
        (venue.timeZone, venue.originalLanguage) = ("Europe/Rome", "it")
        try await venue.create(on: db)
        let event = EventModel()
        event.$organizer.id = try organizer.requireID()
        event.$venue.id = try venue.requireID()
        (event.kind, event.priceMinor, event.currency) = (.training, 2500, .eur)
        (event.languages, event.published, event.originalLanguage) = ("it,sq", true, "it")
        try await event.create(on: db)
        var sessions: [UUID] = []
        for day in 0..<2 {
            let session = EventSessionModel()
            session.$event.id = try event.requireID()
            session.startsAt = now.addingTimeInterval(Double(day) * 86400 + 3600)
            session.endsAt = session.startsAt.addingTimeInterval(7200)
            (session.capacity, session.reserved) = (2, 0)
            try await session.create(on: db)
            sessions.append(try session.requireID())
        }
        let fund = FundModel()
        (fund.currency, fund.scope, fund.scopeID) = (.eur, .event, try event.requireID())
        (fund.isPublic, fund.isOpen, fund.originalLanguage) = (true, true, "it")
        try await fund.create(on: db)
        let partner = PartnerModel()
        (partner.slug, partner.name, partner.city, partner.description) = ("dora", "Dora e Pajtimit", "Shkodër", "")
        try await partner.create(on: db)
        var vouchers: [UUID] = []
        for index in 0..<3 {
            let voucher = VoucherModel()
            voucher.id = UUID()
            voucher.code = VoucherCode.generate().canonical
            voucher.$fund.id = try fund.requireID()
            (voucher.scope, voucher.scopeID) = (.event, try event.requireID())
            (voucher.valueMinor, voucher.currency, voucher.status) = (2500, .eur, .issued)
            voucher.$partner.id = try partner.requireID()
            voucher.expiresAt = now.addingTimeInterval(90 * 86400)
            if index > 0 {
                let holder = BeneficiaryModel()
                holder.$partner.id = try partner.requireID()
                (holder.name, holder.email, holder.language, holder.note) = (
                    "Holder \(index)", index == 1 ? "holder@example.test" : nil, "sq", nil
                )
                try await holder.create(on: db)
                voucher.$beneficiary.id = try holder.requireID()
                voucher.status = index == 1 ? .nominated : .inUse
            }
            try await voucher.create(on: db)
            vouchers.append(voucher.id!)
            if index > 0 {
                try expectTaken(try await JourneyStore.takeSeat(session: sessions[0], on: db))
                try expectTaken(
                    try await JourneyStore.insertReservation(
                        id: UUID(), voucher: voucher.id!, session: sessions[0], event: event.id!, step: event.id!,
                        at: now, on: db))
            }
            if index == 2 {
                let admission = RedemptionModel()
                admission.id = UUID.timeOrdered()
                admission.$voucher.id = voucher.id!
                admission.$session.id = sessions[0]
                admission.$event.id = event.id!
                (admission.slot, admission.activeSlot) = (event.id!, event.id!)
                (admission.amountMinor, admission.currency) = (2500, .eur)
                admission.$organizer.id = organizer.id!
                (admission.admittedBy, admission.admittedAt, admission.door) = ("test", now, "Main door")
                (admission.deviceID, admission.scannedAt) = (nil, now)
                try expectTaken(try await JourneyStore.insertAdmissions([admission], on: db) == 1)
            }
        }
        return Fixture(
            organizer: organizer.id!, event: event.id!, sessions: sessions, fund: fund.id!, vouchers: vouchers)
    }
}

/// The fixture's own writes must succeed: anything else is a broken test set-up.
func expectTaken(_ done: Bool, _ line: Int = #line) throws {
    guard done else { throw FixtureError(line: line) }
}

struct FixtureError: Error {
    let line: Int
}
