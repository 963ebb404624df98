import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Vapor

/// `mentore seed --bench N --out FILE`: beside the demo data, the organizer `bench` with one
/// session today and N vouchers given to people (by Dora e Pajtimit) and reserved for it, not
/// yet admitted; their codes go to FILE, one a line. Run again, it makes only what is missing:
/// the same session, more vouchers when those left unused are fewer than N. For the door's
/// benchmark and browser test: the demo's door staff work for `bench` too.
enum BenchData {
    static let organizer = UUID(uuidString: "0000d000-0000-4000-8000-00000000b001")!
    static let venue = UUID(uuidString: "0000d000-0000-4000-8000-00000000b002")!
    static let event = UUID(uuidString: "0000d000-0000-4000-8000-00000000b003")!
    static let fund = UUID(uuidString: "0000d000-0000-4000-8000-00000000b004")!
    static let price = Money(minor: 1000, currency: .eur)

    /// `chunk`: places per contribution (a contribution takes at most `maximumPlaces`).
    static func seed(_ app: Application, count: Int, chunk: Int = ContributionDraft.maximumPlaces) async throws -> (
        session: UUID, codes: [String], token: String
    ) {
        try await DemoData.seed(app)
        let now = app.mentore.now()
        let zone = TimeZone(identifier: "Europe/Rome")!
        let session: UUID = try await app.db.transaction { db in
            if try await OrganizerModel.find(organizer, on: db) == nil {
                try await OrganizerModel(
                    id: organizer, slug: "bench", name: "Bench", city: "Milano",
                    description: "Benchmark and browser tests of the door.", contactEmail: "organizer@mentore.test",
                    status: .approved, applicantID: nil
                ).create(on: db)
                try await OrganizerMemberModel(organizerID: organizer, userID: DemoData.users[4].id, role: .door)
                    .create(on: db)
                let place = try VenueDraft(
                    name: "Bench hall", address: "Via Volturno 32", city: "Milano", country: "IT",
                    timeZone: zone.identifier)
                try await VenueModel(id: venue, organizerID: organizer, draft: place).create(on: db)
                let draft = try EventDraft(
                    kind: EventKind.training.rawValue, price: price.decimalString, currency: price.currency.rawValue,
                    languages: ["it"], texts: [.it: ("Prova della porta", "Sessione per le prove degli ingressi.")])
                try await EventModel(id: event, organizerID: organizer, venueID: venue, draft: draft, published: true)
                    .create(on: db)
                for (language, text) in draft.texts {
                    try await EventTextModel(eventID: event, language: language, text: text).create(on: db)
                }
                try await FundModel(
                    id: fund, currency: .eur, scope: .event, scopeID: event, isPublic: false, isOpen: true,
                    originalLanguage: "it"
                ).create(on: db)
                try await FundTextModel(
                    fundID: fund, language: "it", name: "Posti di prova", purpose: "Per le prove della porta.",
                    origin: .human
                ).create(on: db)
            }
            // Today's session: begun half an hour ago, for the rest of the day.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let today = try await EventSessionModel.query(on: db).filter(\.$event.$id == event).all()
                .first { calendar.isDate($0.startsAt, inSameDayAs: now) }
            if let today { return try today.requireID() }
            let start = max(calendar.startOfDay(for: now), now.addingTimeInterval(-1800))
            let end = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))!.addingTimeInterval(
                -60)
            let draft = try SessionDraft(
                starts: SessionDraft.formatLocal(start, timeZone: zone),
                ends: SessionDraft.formatLocal(end, timeZone: zone),
                capacity: String(max(count, 1)), timeZone: zone)
            let model = EventSessionModel(eventID: event, draft: draft)
            try await model.create(on: db)
            return try model.requireID()
        }
        // Reserved and not admitted: the vouchers a run can scan.
        func unused() async throws -> [VoucherModel] {
            let admitted = Set(
                try await RedemptionModel.query(on: app.db).filter(\.$session.$id == session)
                    .filter(\.$voidedAt == nil).all().map(\.$voucher.id))
            return try await ReservationModel.query(on: app.db).filter(\.$session.$id == session)
                .with(\.$voucher).sort(\.$createdAt).all().map(\.voucher).filter { !admitted.contains($0.id!) }
        }
        var missing = count - (try await unused()).count
        var numbered = 0
        // In contributions of at most `ContributionDraft.maximumPlaces` places each.
        while missing > 0 {
            let places = min(missing, chunk)
            missing -= places
            let model = try await FundModel.find(fund, on: app.db).orNotFound()
            let draft = try ContributionDraft(
                kind: "places", places: String(places), amount: nil, currencyCode: "EUR", anonymous: true,
                dedication: nil, unusedRule: "return_to_fund", unitPrice: price, currency: .eur,
                ceiling: Money(minor: 1_000_000_000, currency: .eur))
            let contribution = try await Funding.contribute(
                draft, fund: model, places: try await PlaceTarget.of(model, on: app.db),
                mentorID: DemoData.users[1].id, provider: "demo", idempotencyKey: "bench-" + UUID().uuidString,
                language: "it", app: app, db: app.db, seeding: true)
            let vouchers = try await VoucherModel.query(on: app.db)
                .filter(\.$contribution.$id == contribution.requireID()).all()
            for voucher in vouchers {
                let id = try voucher.requireID()
                numbered += 1
                let name = "Ospite \(numbered)"
                try await app.db.writeTransaction { db in
                    try await VoucherModel.query(on: db).filter(\.$id == id).set(\.$partner.$id, to: DemoData.dora)
                        .update()
                    _ = try await Nominations.nominate(
                        voucherID: id, partnerID: DemoData.dora,
                        draft: try NominationDraft(
                            name: name, email: nil, language: "it", note: nil, delivery: "print"),
                        by: nil, app: app, on: db)
                    // The seat, taken as a reservation would (the cut-off does not apply to seeding).
                    let sql = db as! any SQLDatabase
                    try await sql.update(EventSessionModel.schema)
                        .set("reserved", to: SQLBinaryExpression(SQLColumn("reserved"), .add, SQLLiteral.numeric("1")))
                        .where("id", .equal, SQLBind(session)).run()
                    try await sql.update(EventSessionModel.schema).set("capacity", to: SQLColumn("reserved"))
                        .where("id", .equal, SQLBind(session)).where(
                            SQLColumn("capacity"), .lessThan, SQLColumn("reserved")
                        )
                        .run()
                    try await sql.insert(into: ReservationModel.schema)
                        .columns("id", "voucher_id", "session_id", "event_id", "slot", "created_at")
                        .values(
                            SQLBind(UUID()), SQLBind(id), SQLBind(session), SQLBind(event), SQLBind(event),
                            SQLBind(app.mentore.now())
                        )
                        .run()
                }
            }
        }
        let codes = try await unused().prefix(count).map(\.code)
        let (_, token) = try await DoorDevices.create(
            organizerID: organizer, label: "bench", createdBy: "command-line", app: app, on: app.db)
        return (session, Array(codes), token)
    }
}
