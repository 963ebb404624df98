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
        let reservations = try await JourneyStore.reservations(of: ids, on: db)
        let redemptions = try await JourneyStore.redemptions(of: ids, on: db)
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

    /// Whether the voucher may be used now (`VoucherRules.checkUsable`).
    static func checkUsable(_ voucher: VoucherModel, now: Date) throws(DomainError) {
        try VoucherRules.checkUsable(status: voucher.status, expiresAt: voucher.expiresAt, now: now)
    }

    /// Whether `session` lies within the voucher's validity and the circuit's window.
    static func checkWindow(_ journey: Journey, session: EventSessionModel) throws(DomainError) {
        try VoucherRules.checkWindow(
            start: session.startsAt, voucherExpiresAt: journey.voucher.expiresAt,
            circuitFrom: journey.circuit?.validFrom, circuitUntil: journey.circuit?.validUntil)
    }

    /// Until when reservations may be made, moved or cancelled (`RESERVATION_CUTOFF_HOURS`).
    static func rules(_ app: Application) -> ReservationRules {
        ReservationRules(cutoffHours: app.mentore.config.reservationCutoffHours)
    }

    /// The rules for the sessions of `eventID`: its own cut-off for changes, else the platform's.
    static func rules(_ app: Application, event eventID: UUID, on db: any Database) async throws -> ReservationRules {
        let own = try await EventModel.find(eventID, on: db)?.changeCutoffHours
        return rules(app).forEvent(cutoffHours: own)
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
            if session.cancelledAt != nil { throw DomainError(.sessionCancelled) }
            guard
                try await Self.rules(app, event: session.$event.id, on: db).isOpen(
                    sessionStart: session.startsAt, now: now)
            else { throw DomainError(.reservationClosed) }
            try checkWindow(journey, session: session)
            var progress = journey.progress
            if let replacing {
                guard let old = journey.reservations.first(where: { $0.id == replacing }),
                    journey.plan.step(offering: session.$event.id)?.id == old.slot
                else { throw DomainError(.notFound, field: "reservation") }
                guard
                    try await Self.rules(app, event: old.$event.id, on: db).isOpen(
                        sessionStart: old.session.startsAt, now: now)
                else { throw DomainError(.reservationClosed) }
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
            if let replacing {
                guard try await JourneyStore.release(reservation: replacing, on: db) else {
                    throw DomainError(.conflict)
                }
            }
            guard try await JourneyStore.takeSeat(session: sessionID, on: db) else { throw DomainError(.sessionFull) }
            let id = UUID()
            // A concurrent request reserved this step first: this one changes nothing.
            guard
                try await JourneyStore.insertReservation(
                    id: id, voucher: voucherID, session: sessionID, event: session.$event.id, step: step.id, at: now,
                    on: db)
            else { throw DomainError(.stepReserved) }
            let reservation = try await ReservationModel.query(on: db).filter(\.$id == id).with(\.$session).first()
            return (try reservation.orNotFound(), true)
        }
    }

    /// Cancels a reservation not yet attended, before its cut-off, when no later step depends on it.
    static func cancel(voucherID: UUID, reservationID: UUID, app: Application, on db: any Database) async throws {
        let now = app.mentore.now()
        try await db.writeTransaction { db in
            let voucher = try await VoucherModel.find(voucherID, on: db).orNotFound()
            let journey = try await load(voucher, on: db)
            guard let reservation = journey.reservations.first(where: { $0.id == reservationID }) else {
                throw DomainError(.notFound, field: "reservation")
            }
            if journey.redemption(for: reservation.slot) != nil { throw DomainError(.stepDone) }
            guard
                try await Self.rules(app, event: reservation.$event.id, on: db).isOpen(
                    sessionStart: reservation.session.startsAt, now: now)
            else { throw DomainError(.reservationClosed) }
            var progress = journey.progress
            progress.reserved[reservation.slot] = nil
            try journey.plan.checkConsistent(progress)
            guard try await JourneyStore.release(reservation: reservationID, on: db) else {
                throw DomainError(.conflict)
            }
        }
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
}
