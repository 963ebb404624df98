import Domain
import FluentKit
import Foundation
import SQLKit

/// A holder's journey in the database: the vouchers with their holders, the sessions, the
/// reservations and the admissions, and the admissions' writes.
///
/// The reads are the door's hot path: one plain statement each with its joins, decoded column
/// by column into the same Fluent models the rest of the code uses (their parents set, as `with`
/// would). Fluent would read the same rows with one statement per relation and decode every
/// model through reflection; in a batch at the door that was a quarter of the writer's time.
/// The models come back complete (every field set, as `PersistenceTests` check field by field),
/// so nothing downstream can tell the difference.
public enum JourneyStore {
    /// Sessions by id, each with its event and the event's venue.
    public static func sessions(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: EventSessionModel] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT s.id AS s_id, s.event_id AS s_event_id, s.starts_at AS s_starts_at, s.ends_at AS s_ends_at,
            s.capacity AS s_capacity, s.reserved AS s_reserved, s.cancelled_at AS s_cancelled_at,
            s.cancel_reason AS s_cancel_reason,
            e.organizer_id AS e_organizer_id, e.venue_id AS e_venue_id, e.kind AS e_kind,
            e.price_minor AS e_price_minor, e.currency AS e_currency, e.languages AS e_languages,
            e.published AS e_published, e.original_language AS e_original_language,
            e.created_at AS e_created_at, e.updated_at AS e_updated_at, e.booking_required AS e_booking_required,
            e.change_cutoff_hours AS e_change_cutoff_hours, e.unpublished_reason AS e_unpublished_reason,
            v.organizer_id AS v_organizer_id, v.name AS v_name, v.address AS v_address, v.city AS v_city,
            v.country AS v_country, v.time_zone AS v_time_zone, v.original_language AS v_original_language,
            v.created_at AS v_created_at, v.step_free AS v_step_free, v.hearing_loop AS v_hearing_loop,
            v.accessible_toilet AS v_accessible_toilet
            FROM event_sessions s JOIN events e ON e.id = s.event_id JOIN venues v ON v.id = e.venue_id
            WHERE s.id IN (\(binds: Array(ids)))
            """
        ).all()
        var sessions: [UUID: EventSessionModel] = [:]
        for row in rows {
            let venue = VenueModel()
            venue.id = try row.decode(column: "e_venue_id", as: UUID.self)
            venue.$organizer.id = try row.decode(column: "v_organizer_id", as: UUID.self)
            venue.name = try row.decode(column: "v_name", as: String.self)
            venue.address = try row.decode(column: "v_address", as: String.self)
            venue.city = try row.decode(column: "v_city", as: String.self)
            venue.country = try row.decode(column: "v_country", as: String.self)
            venue.timeZone = try row.decode(column: "v_time_zone", as: String.self)
            venue.originalLanguage = try row.decode(column: "v_original_language", as: String.self)
            venue.createdAt = try row.decode(column: "v_created_at", as: Date?.self)
            venue.stepFree = try row.decode(column: "v_step_free", as: Bool.self)
            venue.hearingLoop = try row.decode(column: "v_hearing_loop", as: Bool.self)
            venue.accessibleToilet = try row.decode(column: "v_accessible_toilet", as: Bool.self)
            let event = EventModel()
            event.id = try row.decode(column: "s_event_id", as: UUID.self)
            event.$organizer.id = try row.decode(column: "e_organizer_id", as: UUID.self)
            event.$venue.id = venue.id!
            event.$venue.value = venue
            event.kind = try row.decode(column: "e_kind", as: EventKind.self)
            event.priceMinor = try row.decode(column: "e_price_minor", as: Int.self)
            event.currency = try row.decode(column: "e_currency", as: Currency.self)
            event.languages = try row.decode(column: "e_languages", as: String.self)
            event.published = try row.decode(column: "e_published", as: Bool.self)
            event.originalLanguage = try row.decode(column: "e_original_language", as: String.self)
            event.createdAt = try row.decode(column: "e_created_at", as: Date?.self)
            event.updatedAt = try row.decode(column: "e_updated_at", as: Date?.self)
            event.bookingRequired = try row.decode(column: "e_booking_required", as: Bool.self)
            event.changeCutoffHours = try row.decode(column: "e_change_cutoff_hours", as: Int?.self)
            event.unpublishedReason = try row.decode(column: "e_unpublished_reason", as: String?.self)
            let session = try self.session(row, event: event)
            sessions[session.id!] = session
        }
        return sessions
    }

    /// A session from a row's `s_…` columns.
    private static func session(_ row: any SQLRow, event: EventModel?) throws -> EventSessionModel {
        let session = EventSessionModel()
        session.id = try row.decode(column: "s_id", as: UUID.self)
        session.$event.id = try row.decode(column: "s_event_id", as: UUID.self)
        if let event { session.$event.value = event }
        session.startsAt = try row.decode(column: "s_starts_at", as: Date.self)
        session.endsAt = try row.decode(column: "s_ends_at", as: Date.self)
        session.capacity = try row.decode(column: "s_capacity", as: Int.self)
        session.reserved = try row.decode(column: "s_reserved", as: Int.self)
        session.cancelledAt = try row.decode(column: "s_cancelled_at", as: Date?.self)
        session.cancelReason = try row.decode(column: "s_cancel_reason", as: String?.self)
        return session
    }

    /// The vouchers with these codes or ids, each with its beneficiary (or none).
    public static func vouchers(codes: Set<String>, ids: Set<UUID>, on db: any Database) async throws -> [VoucherModel]
    {
        guard !codes.isEmpty || !ids.isEmpty else { return [] }
        var conditions: [SQLQueryString] = []
        if !codes.isEmpty { conditions.append("v.code IN (\(binds: Array(codes)))") }
        if !ids.isEmpty { conditions.append("v.id IN (\(binds: Array(ids)))") }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT v.id, v.code, v.fund_id, v.contribution_id, v.scope, v.scope_id, v.value_minor, v.currency,
            v.status, v.partner_id, v.beneficiary_id, v.expires_at, v.reallocated_from, v.created_at, v.updated_at,
            b.partner_id AS b_partner_id, b.name AS b_name, b.email AS b_email, b.language AS b_language,
            b.note AS b_note, b.created_at AS b_created_at, b.erased_at AS b_erased_at
            FROM vouchers v LEFT JOIN beneficiaries b ON b.id = v.beneficiary_id
            WHERE \(conditions.joined(separator: " OR "))
            """
        ).all()
        return try rows.map { row in
            let voucher = VoucherModel()
            voucher.id = try row.decode(column: "id", as: UUID.self)
            voucher.code = try row.decode(column: "code", as: String.self)
            voucher.$fund.id = try row.decode(column: "fund_id", as: UUID.self)
            voucher.$contribution.id = try row.decode(column: "contribution_id", as: UUID?.self)
            voucher.scope = try row.decode(column: "scope", as: VoucherScope.self)
            voucher.scopeID = try row.decode(column: "scope_id", as: UUID?.self)
            voucher.valueMinor = try row.decode(column: "value_minor", as: Int.self)
            voucher.currency = try row.decode(column: "currency", as: Currency.self)
            voucher.status = try row.decode(column: "status", as: VoucherStatus.self)
            voucher.$partner.id = try row.decode(column: "partner_id", as: UUID?.self)
            voucher.expiresAt = try row.decode(column: "expires_at", as: Date.self)
            voucher.reallocatedFrom = try row.decode(column: "reallocated_from", as: UUID?.self)
            voucher.createdAt = try row.decode(column: "created_at", as: Date?.self)
            voucher.updatedAt = try row.decode(column: "updated_at", as: Date?.self)
            let beneficiaryID = try row.decode(column: "beneficiary_id", as: UUID?.self)
            voucher.$beneficiary.id = beneficiaryID
            var beneficiary: BeneficiaryModel?
            if let beneficiaryID, let partner = try row.decode(column: "b_partner_id", as: UUID?.self) {
                let holder = BeneficiaryModel()
                holder.id = beneficiaryID
                holder.$partner.id = partner
                holder.name = try row.decode(column: "b_name", as: String.self)
                holder.email = try row.decode(column: "b_email", as: String?.self)
                holder.language = try row.decode(column: "b_language", as: String.self)
                holder.note = try row.decode(column: "b_note", as: String?.self)
                holder.createdAt = try row.decode(column: "b_created_at", as: Date?.self)
                holder.erasedAt = try row.decode(column: "b_erased_at", as: Date?.self)
                beneficiary = holder
            }
            voucher.$beneficiary.value = .some(beneficiary)
            return voucher
        }
    }

    /// The reservations of these vouchers, each with its session (without the session's event).
    public static func reservations(of vouchers: [UUID], on db: any Database) async throws -> [ReservationModel] {
        guard !vouchers.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT r.id, r.voucher_id, r.session_id, r.event_id, r.slot, r.created_at,
            s.id AS s_id, s.event_id AS s_event_id, s.starts_at AS s_starts_at, s.ends_at AS s_ends_at,
            s.capacity AS s_capacity, s.reserved AS s_reserved, s.cancelled_at AS s_cancelled_at,
            s.cancel_reason AS s_cancel_reason
            FROM reservations r JOIN event_sessions s ON s.id = r.session_id
            WHERE r.voucher_id IN (\(binds: vouchers))
            """
        ).all()
        // One model per session, as Fluent's eager loading gives.
        var sessions: [UUID: EventSessionModel] = [:]
        return try rows.map { row in
            let reservation = ReservationModel()
            reservation.id = try row.decode(column: "id", as: UUID.self)
            reservation.$voucher.id = try row.decode(column: "voucher_id", as: UUID.self)
            let sessionID = try row.decode(column: "session_id", as: UUID.self)
            reservation.$session.id = sessionID
            reservation.$event.id = try row.decode(column: "event_id", as: UUID.self)
            reservation.slot = try row.decode(column: "slot", as: UUID.self)
            reservation.createdAt = try row.decode(column: "created_at", as: Date.self)
            if sessions[sessionID] == nil { sessions[sessionID] = try session(row, event: nil) }
            reservation.$session.value = sessions[sessionID]
            return reservation
        }
    }

    /// The standing (not voided) admissions of these vouchers, each with its session.
    public static func redemptions(of vouchers: [UUID], on db: any Database) async throws -> [RedemptionModel] {
        guard !vouchers.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT r.id, r.voucher_id, r.session_id, r.event_id, r.slot, r.active_slot, r.amount_minor, r.currency,
            r.organizer_id, r.admitted_by, r.admitted_at, r.device_id, r.door, r.scanned_at, r.settlement_id,
            r.void_settlement_id,
            s.id AS s_id, s.event_id AS s_event_id, s.starts_at AS s_starts_at, s.ends_at AS s_ends_at,
            s.capacity AS s_capacity, s.reserved AS s_reserved, s.cancelled_at AS s_cancelled_at,
            s.cancel_reason AS s_cancel_reason
            FROM redemptions r JOIN event_sessions s ON s.id = r.session_id
            WHERE r.voucher_id IN (\(binds: vouchers)) AND r.voided_at IS NULL
            """
        ).all()
        var sessions: [UUID: EventSessionModel] = [:]
        return try rows.map { row in
            let redemption = RedemptionModel()
            redemption.id = try row.decode(column: "id", as: UUID.self)
            redemption.$voucher.id = try row.decode(column: "voucher_id", as: UUID.self)
            let sessionID = try row.decode(column: "session_id", as: UUID.self)
            redemption.$session.id = sessionID
            redemption.$event.id = try row.decode(column: "event_id", as: UUID.self)
            redemption.slot = try row.decode(column: "slot", as: UUID.self)
            redemption.activeSlot = try row.decode(column: "active_slot", as: UUID?.self)
            redemption.amountMinor = try row.decode(column: "amount_minor", as: Int.self)
            redemption.currency = try row.decode(column: "currency", as: Currency.self)
            redemption.$organizer.id = try row.decode(column: "organizer_id", as: UUID.self)
            redemption.admittedBy = try row.decode(column: "admitted_by", as: String.self)
            redemption.admittedAt = try row.decode(column: "admitted_at", as: Date.self)
            redemption.voidedAt = nil
            redemption.deviceID = try row.decode(column: "device_id", as: UUID?.self)
            redemption.door = try row.decode(column: "door", as: String?.self)
            redemption.voidedBy = nil
            redemption.voidReason = nil
            redemption.scannedAt = try row.decode(column: "scanned_at", as: Date?.self)
            redemption.settlementID = try row.decode(column: "settlement_id", as: UUID?.self)
            redemption.voidSettlementID = try row.decode(column: "void_settlement_id", as: UUID?.self)
            if sessions[sessionID] == nil { sessions[sessionID] = try session(row, event: nil) }
            redemption.$session.value = sessions[sessionID]
            return redemption
        }
    }

    // MARK: Writes

    /// Inserts admissions, many a statement, skipping any whose step already has a standing
    /// admission (the unique index on voucher and active step): returns how many were made.
    /// In voucher order, so that concurrent batches (other app instances) wait on the unique
    /// index in the same order, never on each other.
    public static func insertAdmissions(_ admissions: [RedemptionModel], on db: any Database) async throws -> Int {
        guard !admissions.isEmpty else { return 0 }
        var insert = (db as! any SQLDatabase).insert(into: RedemptionModel.schema).columns(
            "id", "voucher_id", "session_id", "event_id", "slot", "active_slot", "amount_minor", "currency",
            "organizer_id", "admitted_by", "admitted_at", "door", "device_id", "scanned_at")
        for r in admissions.sorted(by: { $0.$voucher.id.uuidString < $1.$voucher.id.uuidString }) {
            insert = insert.values(
                SQLBind(r.id), SQLBind(r.$voucher.id), SQLBind(r.$session.id), SQLBind(r.$event.id), SQLBind(r.slot),
                SQLBind(r.activeSlot), SQLBind(r.amountMinor), SQLBind(r.currency.rawValue), SQLBind(r.$organizer.id),
                SQLBind(r.admittedBy), SQLBind(r.admittedAt), SQLBind(r.door), SQLBind(r.deviceID),
                SQLBind(r.scannedAt))
        }
        return try await insert.ignoringConflicts(with: ["voucher_id", "active_slot"]).returning("id").all().count
    }

    /// Takes one seat of a session if one is left (`reserved < capacity`), in one conditional
    /// UPDATE: the last seat goes once, across instances. False when the session is full (or
    /// was cancelled meanwhile).
    public static func takeSeat(session: UUID, on db: any Database) async throws -> Bool {
        try await (db as! any SQLDatabase).update(EventSessionModel.schema)
            .set("reserved", to: SQLBinaryExpression(SQLColumn("reserved"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(session))
            .where(SQLColumn("reserved"), .lessThan, SQLColumn("capacity"))
            .where("cancelled_at", .is, SQLLiteral.null)
            .returning("id").all().count == 1
    }

    /// Records a reservation of `step` at `session` for a voucher, unless the voucher holds one
    /// for that step already (a concurrent request): false then, and nothing is written.
    public static func insertReservation(
        id: UUID, voucher: UUID, session: UUID, event: UUID, step: UUID, at now: Date, on db: any Database
    ) async throws -> Bool {
        try await (db as! any SQLDatabase).insert(into: ReservationModel.schema)
            .columns("id", "voucher_id", "session_id", "event_id", "slot", "created_at")
            .values(SQLBind(id), SQLBind(voucher), SQLBind(session), SQLBind(event), SQLBind(step), SQLBind(now))
            .ignoringConflicts(with: ["voucher_id", "slot"]).returning("id").all().count == 1
    }

    /// Deletes a reservation and gives its seat back, once: false for a concurrent second call,
    /// which finds no row.
    public static func release(reservation: UUID, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let deleted = try await sql.delete(from: ReservationModel.schema).where("id", .equal, SQLBind(reservation))
            .returning("session_id").all()
        guard let row = deleted.first else { return false }
        let session = try row.decode(column: "session_id", as: UUID.self)
        try await sql.update(EventSessionModel.schema)
            .set("reserved", to: SQLBinaryExpression(SQLColumn("reserved"), .subtract, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(session)).where("reserved", .greaterThan, SQLBind(0)).run()
        return true
    }

    /// Undoes a standing admission, once: the step is free again (its active step cleared).
    /// Nil when it was undone already (by a concurrent call too); else whether a settlement had
    /// claimed it, read from the very row this UPDATE changed, so a settlement made meanwhile
    /// is seen (the value is then owed back through the next settlement).
    public static func void(
        admission: UUID, by actor: String, reason: String?, at now: Date, on db: any Database
    ) async throws -> Bool? {
        let voided = try await (db as! any SQLDatabase).update(RedemptionModel.schema)
            .set("voided_at", to: SQLBind(now)).set("active_slot", to: SQLLiteral.null)
            .set("voided_by", to: SQLBind(actor)).set("void_reason", to: SQLBind(reason))
            .where("id", .equal, SQLBind(admission)).where("voided_at", .is, SQLLiteral.null)
            .returning("id", "settlement_id").all()
        guard let row = voided.first else { return nil }
        return try row.decodeNil(column: "settlement_id") == false
    }
}
