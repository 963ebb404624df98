import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Where one voucher's holder stands: what the voucher pays for (a circuit version's plan, or a
/// one-step plan for an event voucher), the sessions reserved and the steps attended.
struct Journey: Sendable {
    var voucher: VoucherModel
    var plan: CircuitPlan
    /// Set for a circuit voucher.
    var version: CircuitVersionModel?
    var circuit: CircuitModel?
    var reservations: [ReservationModel]
    /// Standing admissions only (voided ones are not here).
    var redemptions: [RedemptionModel]

    var progress: CircuitProgress {
        CircuitProgress(
            attended: Set(redemptions.map(\.slot)),
            reserved: Dictionary(
                reservations.filter { reservation in !redemptions.contains { $0.slot == reservation.slot } }
                    .map { ($0.slot, $0.session.startsAt) }, uniquingKeysWith: { first, _ in first }))
    }

    func reservation(for step: UUID) -> ReservationModel? { reservations.first { $0.slot == step } }
    func redemption(for step: UUID) -> RedemptionModel? { redemptions.first { $0.slot == step } }
}

/// Reservations, admissions and certificates: every change is one transaction whose guards are
/// conditional statements in the database, so they hold across app instances.
enum Journeys {
    /// Reads a voucher's journey. Throws `notForVoucher` for open credit (nothing to reserve).
    static func load(_ voucher: VoucherModel, on db: any Database) async throws -> Journey {
        guard let journey = try await loadAll([voucher], on: db)[try voucher.requireID()] else {
            throw DomainError(.notForVoucher)
        }
        return journey
    }

    /// The journeys of many vouchers in a fixed number of queries (a session's list at the
    /// door), by voucher id; open credit, or a plan that cannot be found, has none.
    static func loadAll(_ vouchers: [VoucherModel], on db: any Database) async throws -> [UUID: Journey] {
        let ids = try vouchers.map { try $0.requireID() }
        guard !ids.isEmpty else { return [:] }
        let versionIDs = Set(vouchers.compactMap { $0.scope == .circuit ? $0.scopeID : nil })
        let versions =
            versionIDs.isEmpty ? [] : try await CircuitVersionModel.query(on: db).filter(\.$id ~~ versionIDs).all()
        let circuitIDs = Set(versions.map(\.$circuit.id))
        let circuits = circuitIDs.isEmpty ? [] : try await CircuitModel.query(on: db).filter(\.$id ~~ circuitIDs).all()
        let reservations = try await DoorReads.reservations(of: ids, on: db)
        let redemptions = try await DoorReads.redemptions(of: ids, on: db)
        var journeys: [UUID: Journey] = [:]
        for (voucher, id) in zip(vouchers, ids) {
            let plan: CircuitPlan
            var version: CircuitVersionModel?
            switch voucher.scope {
            case .circuit:
                guard let found = versions.first(where: { $0.id == voucher.scopeID }) else { continue }
                version = found
                plan = try found.plan
            case .event:
                guard let event = voucher.scopeID else { continue }
                plan = CircuitPlan(
                    steps: [.init(id: event, options: [.init(event: event, price: voucher.value)])], order: .any,
                    completion: .all)
            case .credit:
                continue
            }
            journeys[id] = Journey(
                voucher: voucher, plan: plan, version: version,
                circuit: version.flatMap { version in circuits.first { $0.id == version.$circuit.id } },
                reservations: reservations.filter { $0.$voucher.id == id },
                redemptions: redemptions.filter { $0.$voucher.id == id })
        }
        return journeys
    }

    /// Whether the voucher may be used now: given to someone, not expired, cancelled or used up.
    static func checkUsable(_ voucher: VoucherModel, now: Date) throws(DomainError) {
        switch voucher.status {
        case .issued: throw DomainError(.voucherNotNominated)
        case .expired: throw DomainError(.voucherExpired)
        case .cancelled: throw DomainError(.voucherCancelled)
        case .completed: throw DomainError(.voucherCompleted)
        case .nominated, .inUse:
            if voucher.expiresAt <= now { throw DomainError(.voucherExpired) }
        }
    }

    /// Whether `session` lies within the voucher's validity and the circuit's window.
    static func checkWindow(_ journey: Journey, session: EventSessionModel) throws(DomainError) {
        if session.startsAt > journey.voucher.expiresAt { throw DomainError(.outsideValidity) }
        if let from = journey.circuit?.validFrom, session.startsAt < from { throw DomainError(.outsideValidity) }
        if let until = journey.circuit?.validUntil, session.startsAt > until { throw DomainError(.outsideValidity) }
    }

    static func cutoff(_ app: Application) -> TimeInterval {
        TimeInterval(app.mentore.config.reservationCutoffHours) * 3600
    }

    /// Reserves a seat at `sessionID` for the voucher; `replacing` names the reservation of the
    /// same step it takes the place of (a change of date), released in the same transaction.
    /// Reserving a session the voucher already holds answers that reservation (a retry).
    /// Refused, with nothing changed: a voucher not usable, a session unknown, past its cut-off,
    /// outside the validity, not offered by the voucher's circuit or event, a step attended or
    /// reserved already, a prerequisite missing, or no seat left.
    static func reserve(
        voucherID: UUID, sessionID: UUID, replacing: UUID? = nil, app: Application, on db: any Database
    ) async throws -> (reservation: ReservationModel, created: Bool) {
        let now = app.mentore.now()
        let cutoff = cutoff(app)
        return try await db.writeTransaction { db in
            let voucher = try await VoucherModel.find(voucherID, on: db).orNotFound()
            try checkUsable(voucher, now: now)
            let journey = try await load(voucher, on: db)
            if replacing == nil, let held = journey.reservations.first(where: { $0.$session.id == sessionID }) {
                return (held, false)
            }
            guard let session = try await EventSessionModel.find(sessionID, on: db) else {
                throw DomainError(.notFound, field: "session")
            }
            guard session.startsAt.addingTimeInterval(-cutoff) > now else { throw DomainError(.reservationClosed) }
            try checkWindow(journey, session: session)
            var progress = journey.progress
            if let replacing {
                guard let old = journey.reservations.first(where: { $0.id == replacing }),
                    journey.plan.step(offering: session.$event.id)?.id == old.slot
                else { throw DomainError(.notFound, field: "reservation") }
                guard old.session.startsAt.addingTimeInterval(-cutoff) > now else {
                    throw DomainError(.reservationClosed)
                }
                if old.$session.id == sessionID { return (old, false) }
                progress.reserved[old.slot] = nil
            }
            let step: CircuitPlan.Step
            do throws(DomainError) {
                step = try journey.plan.checkReservation(
                    event: session.$event.id, start: session.startsAt, progress: progress)
            } catch { throw explain(error, journey) }
            progress.reserved[step.id] = session.startsAt
            try journey.plan.checkConsistent(progress)
            if let replacing { try await release(replacing, on: db) }
            let sql = db as! any SQLDatabase
            let taken = try await sql.update(EventSessionModel.schema)
                .set("reserved", to: SQLBinaryExpression(SQLColumn("reserved"), .add, SQLLiteral.numeric("1")))
                .where("id", .equal, SQLBind(sessionID))
                .where(SQLColumn("reserved"), .lessThan, SQLColumn("capacity"))
                .returning("id").all()
            guard taken.count == 1 else { throw DomainError(.sessionFull) }
            let id = UUID()
            let inserted = try await sql.insert(into: ReservationModel.schema)
                .columns("id", "voucher_id", "session_id", "event_id", "slot", "created_at")
                .values(
                    SQLBind(id), SQLBind(voucherID), SQLBind(sessionID), SQLBind(session.$event.id),
                    SQLBind(step.id), SQLBind(now)
                )
                .ignoringConflicts(with: ["voucher_id", "slot"]).returning("id").all()
            // A concurrent request reserved this step first: this one changes nothing.
            guard inserted.count == 1 else { throw DomainError(.stepReserved) }
            let reservation = try await ReservationModel.query(on: db).filter(\.$id == id).with(\.$session).first()
            return (try reservation.orNotFound(), true)
        }
    }

    /// Cancels a reservation not yet attended, before its cut-off, when no later step depends on it.
    static func cancel(voucherID: UUID, reservationID: UUID, app: Application, on db: any Database) async throws {
        let now = app.mentore.now()
        let cutoff = cutoff(app)
        try await db.writeTransaction { db in
            let voucher = try await VoucherModel.find(voucherID, on: db).orNotFound()
            let journey = try await load(voucher, on: db)
            guard let reservation = journey.reservations.first(where: { $0.id == reservationID }) else {
                throw DomainError(.notFound, field: "reservation")
            }
            if journey.redemption(for: reservation.slot) != nil { throw DomainError(.stepDone) }
            guard reservation.session.startsAt.addingTimeInterval(-cutoff) > now else {
                throw DomainError(.reservationClosed)
            }
            var progress = journey.progress
            progress.reserved[reservation.slot] = nil
            try journey.plan.checkConsistent(progress)
            try await release(reservationID, on: db)
        }
    }

    /// Deletes a reservation and gives its seat back, once (a concurrent second call finds no row).
    private static func release(_ reservationID: UUID, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let deleted = try await sql.delete(from: ReservationModel.schema).where("id", .equal, SQLBind(reservationID))
            .returning("session_id").all()
        guard let row = deleted.first else { throw DomainError(.conflict) }
        let session = try row.decode(column: "session_id", as: UUID.self)
        try await sql.update(EventSessionModel.schema)
            .set("reserved", to: SQLBinaryExpression(SQLColumn("reserved"), .subtract, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(session)).where("reserved", .greaterThan, SQLBind(0)).run()
    }

    // MARK: Admission

    /// The standing admission of the step that `session` belongs to, if any.
    static func admission(_ journey: Journey, session: EventSessionModel) -> RedemptionModel? {
        journey.plan.step(offering: session.$event.id).flatMap { journey.redemption(for: $0.id) }
    }

    /// Whether the holder may be admitted to `session` now (the step not admitted yet): a usable
    /// voucher, a reservation for that very session, and (strict order) every earlier step
    /// attended. The same rules the door applies, read without changing anything.
    static func checkAdmission(_ journey: Journey, session: EventSessionModel, now: Date) throws(DomainError) -> (
        step: CircuitPlan.Step, reservation: ReservationModel
    ) {
        try checkUsable(journey.voucher, now: now)
        // Another event than the voucher's says so before anything about reservations.
        if journey.plan.step(offering: session.$event.id) == nil { throw explain(DomainError(.notInCircuit), journey) }
        guard let reservation = journey.reservations.first(where: { $0.$session.id == session.id }) else {
            throw DomainError(.reservationMissing)
        }
        let step = try journey.plan.checkAdmission(event: session.$event.id, progress: journey.progress)
        return (step, reservation)
    }

    /// An event voucher is a one-step plan: "not part of the circuit" means another event there.
    static func explain(_ error: DomainError, _ journey: Journey) -> DomainError {
        error.code == .notInCircuit && journey.version == nil ? DomainError(.notForVoucher) : error
    }

    /// What the door would answer for this holder at `session`.
    enum DoorStatus {
        case ready(CircuitPlan.Step)
        case admitted(RedemptionModel)
        case refused(DomainError)
    }

    static func doorStatus(_ journey: Journey, session: EventSessionModel, now: Date) -> DoorStatus {
        if let first = admission(journey, session: session) { return .admitted(first) }
        do {
            return .ready(try checkAdmission(journey, session: session, now: now).step)
        } catch {
            return .refused(error)
        }
    }

    enum Admission {
        case admitted(RedemptionModel, certificate: CertificateModel?)
        /// This step was admitted before: the first admission.
        case alreadyUsed(RedemptionModel)
    }

    /// Admits the voucher's holder to `sessionID`: the voucher is usable, holds a reservation for
    /// that session, and (strict order) every earlier step was attended. One standing admission
    /// per step, by the database's unique index: of concurrent admissions one wins, the others
    /// are told `alreadyUsed` with the first one's details. The admission books the step's value
    /// to the organizer; the voucher is in use, or completed once every step is attended (its
    /// unspent value, a cheaper option's difference, back to its fund); a completed circuit
    /// gets its certificate in the same transaction.
    static func admit(
        voucherID: UUID, sessionID: UUID, by actor: String, door: String? = nil, deviceID: UUID? = nil,
        app: Application, on db: any Database
    ) async throws -> Admission {
        try await db.writeTransaction { db in
            try await admitInTransaction(
                voucherID: voucherID, sessionID: sessionID, by: actor, door: door, deviceID: deviceID, app: app, in: db)
        }
    }

    /// `admit` inside the caller's write transaction (the door stores the scan's answer in it).
    static func admitInTransaction(
        voucherID: UUID, sessionID: UUID, by actor: String, door: String?, deviceID: UUID?, scannedAt: Date? = nil,
        app: Application, in db: any Database
    ) async throws -> Admission {
        let voucher = try await VoucherModel.find(voucherID, on: db).orNotFound()
        let journey = try await load(voucher, on: db)
        guard let session = try await EventSessionModel.query(on: db).filter(\.$id == sessionID).with(\.$event).first()
        else { throw DomainError(.notFound, field: "session") }
        let request = AdmissionRequest(
            voucherID: voucherID, session: session, actor: actor, door: door, deviceID: deviceID, scannedAt: scannedAt)
        return try await admitAll([request], journeys: [voucherID: journey], app: app, in: db)[0].get()
    }

    /// One admission asked for: a voucher whose journey the caller has loaded, at a session
    /// whose event is loaded.
    struct AdmissionRequest: Sendable {
        var voucherID: UUID
        var session: EventSessionModel
        var actor: String
        var door: String?
        var deviceID: UUID?
        /// When a device scanned it (offline, synced later): validity is judged then.
        var scannedAt: Date?
    }

    /// Of a batch of admissions, one was taken meanwhile by another app instance (PostgreSQL):
    /// nothing of the batch is kept, and the caller runs them one at a time.
    struct BatchConflict: Error {}

    /// Admits many holders in one write transaction, in order, in a fixed number of statements
    /// (the door's group commit): each request is decided as if the ones before it had been
    /// made alone (a second scan of a voucher in the same batch is *already used*, a later step
    /// sees the earlier one attended), then the admissions, the vouchers' states, the ledger's
    /// bookings and any certificates are written together. A refusal is that request's answer
    /// and writes nothing. `journeys` holds the journeys of the requests' vouchers (one voucher
    /// model each: the batch updates their states as it decides).
    static func admitAll(
        _ requests: [AdmissionRequest], journeys: [UUID: Journey], app: Application, in db: any Database
    ) async throws -> [Result<Admission, DomainError>] {
        let now = app.mentore.now()
        var journeys = journeys
        var balances = try await LedgerStore.balances(
            Set(requests.map(\.voucherID)).compactMap { id in
                journeys[id].map { (LedgerAccount.voucher(id.uuidString), $0.voucher.currency) }
            }, on: db)
        struct Planned {
            var index: Int
            var redemption: RedemptionModel
            /// Every step attended: the voucher is completed, what is left of it goes back.
            var completes: Bool
            var left: Int
            var certificate: Bool
        }
        var results: [Result<Admission, DomainError>?] = Array(repeating: nil, count: requests.count)
        var planned: [Planned] = []
        for (index, request) in requests.enumerated() {
            guard var journey = journeys[request.voucherID] else {
                results[index] = .failure(DomainError(.notForVoucher))
                continue
            }
            let session = request.session
            if let first = admission(journey, session: session) {
                results[index] = .success(.alreadyUsed(first))
                continue
            }
            let step: CircuitPlan.Step
            let reservation: ReservationModel
            do throws(DomainError) {
                // Validity is judged when the voucher was scanned (a device offline syncs later).
                (step, reservation) = try checkAdmission(journey, session: session, now: request.scannedAt ?? now)
            } catch {
                results[index] = .failure(error)
                continue
            }
            let voucher = journey.voucher
            let price = step.options.first { $0.event == session.$event.id }?.price ?? voucher.value
            let account = LedgerAccount.voucher(request.voucherID.uuidString)
            let balance = balances[account]?[voucher.currency] ?? 0
            let amount = min(price.minor, balance)
            balances[account]?[voucher.currency] = balance - amount
            let redemption = RedemptionModel()
            redemption.id = UUID.timeOrdered()
            redemption.$voucher.id = request.voucherID
            redemption.$session.id = try session.requireID()
            redemption.$session.value = session
            redemption.$event.id = session.$event.id
            redemption.slot = reservation.slot
            redemption.activeSlot = reservation.slot
            redemption.amountMinor = amount
            redemption.currency = voucher.currency
            redemption.$organizer.id = session.event.$organizer.id
            redemption.admittedBy = request.actor
            redemption.admittedAt = now
            redemption.door = request.door
            redemption.deviceID = request.deviceID
            redemption.scannedAt = request.scannedAt
            journey.redemptions.append(redemption)
            let progress = journey.progress
            let completes = progress.attended.isSuperset(of: journey.plan.steps.map(\.id))
            // What the next request for this voucher in the batch sees.
            voucher.status = completes ? .completed : .inUse
            journeys[request.voucherID] = journey
            planned.append(
                Planned(
                    index: index, redemption: redemption, completes: completes, left: balance - amount,
                    certificate: journey.version != nil && journey.plan.isComplete(progress)))
        }
        guard !planned.isEmpty else { return results.map { $0! } }

        let sql = db as! any SQLDatabase
        // In voucher order: concurrent batches (other app instances) wait on the unique index in
        // the same order, never on each other.
        var insert = sql.insert(into: RedemptionModel.schema).columns(
            "id", "voucher_id", "session_id", "event_id", "slot", "active_slot", "amount_minor", "currency",
            "organizer_id", "admitted_by", "admitted_at", "door", "device_id", "scanned_at")
        for (_, r) in planned.map({ ($0.redemption.$voucher.id.uuidString, $0.redemption) }).sorted(by: { $0.0 < $1.0 })
        {
            insert = insert.values(
                SQLBind(r.id), SQLBind(r.$voucher.id), SQLBind(r.$session.id), SQLBind(r.$event.id), SQLBind(r.slot),
                SQLBind(r.activeSlot), SQLBind(r.amountMinor), SQLBind(r.currency.rawValue), SQLBind(r.$organizer.id),
                SQLBind(r.admittedBy), SQLBind(r.admittedAt), SQLBind(r.door), SQLBind(r.deviceID),
                SQLBind(r.scannedAt))
        }
        let inserted = try await insert.ignoringConflicts(with: ["voucher_id", "active_slot"]).returning("id").all()
        if inserted.count != planned.count {
            guard planned.count == 1, let only = planned.first else { throw BatchConflict() }
            // Another admission of this step committed first (another app instance): answer with
            // it, here and wherever this batch named the one it could not make.
            let first = try await RedemptionModel.query(on: db).filter(\.$voucher.$id == only.redemption.$voucher.id)
                .filter(\.$activeSlot == only.redemption.slot).with(\.$session).first()
            let answer: Result<Admission, DomainError> =
                first.map { .success(.alreadyUsed($0)) } ?? .failure(DomainError(.notFound))
            for index in results.indices {
                if index == only.index {
                    results[index] = answer
                } else if case .success(.alreadyUsed(let named)) = results[index], named === only.redemption {
                    results[index] = answer
                }
            }
            return results.map { $0! }
        }

        let inUse = Set(planned.filter { !$0.completes }.map(\.redemption.$voucher.id))
        if !inUse.isEmpty {
            try await sql.update(VoucherModel.schema).set("status", to: SQLBind(VoucherStatus.inUse.rawValue))
                .set("updated_at", to: SQLBind(now)).where("id", .in, SQLBind.group(Array(inUse)))
                .where("status", .equal, SQLBind(VoucherStatus.nominated.rawValue)).run()
        }
        var completed: Set<UUID> = []
        let completing = Set(planned.filter(\.completes).map(\.redemption.$voucher.id))
        if !completing.isEmpty {
            completed = Set(
                try await sql.update(VoucherModel.schema).set("status", to: SQLBind(VoucherStatus.completed.rawValue))
                    .set("updated_at", to: SQLBind(now)).where("id", .in, SQLBind.group(Array(completing)))
                    .where(
                        "status", .in,
                        SQLBind.group([VoucherStatus.nominated.rawValue, VoucherStatus.inUse.rawValue])
                    )
                    .returning("id").all().map { try $0.decode(column: "id", as: UUID.self) })
        }

        var bookings: [(transaction: LedgerTransaction, reference: String)] = []
        for item in planned where item.redemption.amountMinor > 0 {
            let r = item.redemption
            bookings.append(
                (
                    Bookings.redemption(
                        r.amount, voucher: r.$voucher.id.uuidString, organizer: r.$organizer.id.uuidString),
                    "redemption:\(try r.requireID().uuidString.lowercased())"
                ))
        }
        for item in planned where item.completes && item.left > 0 && completed.contains(item.redemption.$voucher.id) {
            let r = item.redemption
            guard let fund = journeys[r.$voucher.id]?.voucher.$fund.id else { continue }
            bookings.append(
                (
                    Bookings.release(
                        Money(minor: item.left, currency: r.currency), voucher: r.$voucher.id.uuidString,
                        fund: fund.uuidString),
                    // Named by the admission that completed it: undone with it (`Door.void`).
                    "complete:\(try r.requireID().uuidString.lowercased())"
                ))
        }
        try await LedgerStore.post(bookings, at: now, on: db)

        for item in planned {
            var certificate: CertificateModel?
            if item.certificate, let journey = journeys[item.redemption.$voucher.id] {
                certificate = try await Certificates.issue(
                    journey.voucher, redemptions: journey.redemptions, now: now, on: db)
            }
            results[item.index] = .success(.admitted(item.redemption, certificate: certificate))
        }
        return results.map { $0! }
    }
}
