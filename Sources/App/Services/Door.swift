import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Scanning devices: bearer tokens scoped to one organizer, made and revoked by its managers
/// (or `mentore tokens create --organizer SLUG --label L`), shown once, kept as SHA-256 hashes.
enum DoorDevices {
    /// Tells a device token apart from a personal one (`mnt_`) in a leaked log.
    static let prefix = "mnd_"

    /// Makes a device for `organizerID`; returns it with the only copy of its token.
    static func create(organizerID: UUID, label: String?, createdBy: String, app: Application, on db: any Database)
        async throws -> (device: DoorDeviceModel, token: String)
    {
        var v = Validator()
        let label = v.text(label, field: "label", max: 60)
        try v.finish()
        let token = prefix + SecureToken.make()
        let device = DoorDeviceModel(
            organizerID: organizerID, label: label, tokenHash: SecureToken.hash(token), hint: String(token.suffix(4)),
            createdBy: createdBy, at: app.mentore.now())
        try await device.create(on: db)
        return (device, token)
    }

    /// Revokes one of the organizer's devices; one already revoked stays as it was.
    static func revoke(_ deviceID: UUID, organizerID: UUID, at now: Date, on db: any Database) async throws {
        guard
            try await DoorDeviceModel.query(on: db).filter(\.$id == deviceID)
                .filter(\.$organizer.$id == organizerID).first() != nil
        else { throw DomainError(.notFound) }
        try await DoorDeviceModel.query(on: db).filter(\.$id == deviceID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// The device a bearer token speaks for: ours, not revoked. Anything else is refused.
    static func device(_ req: Request) async throws -> DoorDeviceModel {
        guard let bearer = req.headers.bearerAuthorization?.token else { throw DomainError(.unauthenticated) }
        guard bearer.hasPrefix(prefix), bearer.count < 200,
            let device = try await DoorDeviceModel.query(on: req.db)
                .filter(\.$tokenHash == SecureToken.hash(bearer)).first(), device.revokedAt == nil
        else { throw DomainError(.deviceUnknown) }
        let now = req.now
        if device.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            let id = try device.requireID()
            try await req.db.writeTransaction { db in
                try await DoorDeviceModel.query(on: db).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
            }
        }
        return device
    }
}

/// The door's rules around `Journeys.admit`: who may scan where and when, what a scan answers
/// (admitted, already used, refused with a stable reason), retries under one nonce, and undoing
/// an admission within 15 minutes.
enum Door {
    /// Whoever scans: a device of one organizer, or a signed-in person working for some.
    struct Scanner: Sendable {
        /// `device:ID` or `user:ID`: the nonces' namespace.
        var key: String
        var organizers: Set<UUID>
        /// Recorded as who admitted.
        var actor: String
        /// Shown on an *already used* answer: the device's label, or the person's name.
        var door: String
        var deviceID: UUID?

        static func device(_ device: DoorDeviceModel) throws -> Scanner {
            let id = try device.requireID()
            return Scanner(
                key: "device:\(id.api)", organizers: [device.$organizer.id], actor: "device:\(device.label)",
                door: device.label, deviceID: id)
        }

        static func user(_ user: CurrentUser, organizers: Set<UUID>) -> Scanner {
            Scanner(
                key: "user:\(user.id.api)", organizers: organizers, actor: user.email, door: user.displayName,
                deviceID: nil)
        }
    }

    enum Outcome {
        case admitted(RedemptionModel, certificate: CertificateModel?)
        case alreadyUsed(RedemptionModel)
        case refused(DomainError)

        var result: String {
            switch self {
            case .admitted: "admitted"
            case .alreadyUsed: "already_used"
            case .refused: "refused"
            }
        }
    }

    /// The session, if the scanner works for its organizer; otherwise refused as if unknown.
    static func session(_ sessionID: UUID, scanner: Scanner, on db: any Database) async throws -> EventSessionModel {
        guard
            let session = try await EventSessionModel.query(on: db).filter(\.$id == sessionID)
                .with(\.$event, { $0.with(\.$texts).with(\.$venue) }).first()
        else { throw DomainError(.notFound, field: "session") }
        guard scanner.organizers.contains(session.event.$organizer.id) else { throw DomainError(.wrongOrganizer) }
        return session
    }

    /// Whether `now` is the session's day (`DoorRules`), in its venue's time zone.
    static func isToday(_ session: EventSessionModel, now: Date) -> Bool {
        DoorRules.isOnTheDay(
            startsAt: session.startsAt, endsAt: session.endsAt, now: now,
            timeZone: TimeZone(identifier: session.event.venue.timeZone) ?? .gmt)
    }

    /// One scan: the code (or the voucher's URL) at `sessionID`. Every refusal is an answer with
    /// a reason, never an exception, so that devices show it and retries repeat it.
    /// `input` is the code, the voucher's URL, or `#t=` and a signed token (`DoorTokens`);
    /// `scannedAt` is when a device scanned it (offline, synced later), else now.
    static func admit(
        code input: String, sessionID: UUID, scanner: Scanner, scannedAt: Date? = nil, app: Application,
        on db: any Database
    ) async throws -> Outcome {
        try await db.writeTransaction { db in
            try await admitInTransaction(
                code: input, sessionID: sessionID, scanner: scanner, scannedAt: scannedAt, app: app, in: db)
        }
    }

    /// `admit` inside the caller's write transaction.
    static func admitInTransaction(
        code input: String, sessionID: UUID, scanner: Scanner, scannedAt: Date? = nil, app: Application,
        in db: any Database
    ) async throws -> Outcome {
        do {
            let session = try await session(sessionID, scanner: scanner, on: db)
            let now = scannedAt ?? app.mentore.now()
            let voucher = try await voucher(in: input, at: now, app: app, on: db)
            if !isToday(session, now: now) {
                // A repeated scan still says when it was used; anything else waits for the day.
                let journey = try? await Journeys.load(voucher, on: db)
                if let journey, let first = Journeys.admission(journey, session: session) {
                    return .alreadyUsed(first)
                }
                throw DomainError(.sessionNotToday)
            }
            switch try await Journeys.admitInTransaction(
                voucherID: voucher.requireID(), sessionID: sessionID, by: scanner.actor, door: scanner.door,
                deviceID: scanner.deviceID, scannedAt: scannedAt, app: app, in: db)
            {
            case .admitted(let redemption, let certificate): return .admitted(redemption, certificate: certificate)
            case .alreadyUsed(let first): return .alreadyUsed(first)
            }
        } catch let error as DomainError {
            // Every refusal comes from a check made before `Journeys.admit` writes anything, so
            // answering it (and committing the scan's answer) leaves nothing half done.
            return .refused(DomainError(error.code))
        }
    }

    /// The voucher a scan names: by its code (typed, or in its URL), or by a signed token alone
    /// (`#t=…`, checked at `date`). A URL that has both is read by its code.
    static func voucher(in input: String, at date: Date, app: Application, on db: any Database) async throws
        -> VoucherModel
    {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("#t=") {
            let token = try await DoorTokens.verify(trimmed, at: date, app: app, on: db)
            guard let voucher = try await VoucherModel.find(token.voucherID, on: db) else {
                throw DomainError(.voucherUnknown)
            }
            return voucher
        }
        let code: VoucherCode
        do throws(VoucherCode.ReadError) {
            code = try VoucherCode(reading: voucherCode(in: trimmed))
        } catch .checkFailed {
            throw DomainError(.voucherTypo)
        } catch {
            throw DomainError(.voucherMalformed)
        }
        guard let voucher = try await VoucherModel.query(on: db).filter(\.$code == code.canonical).first() else {
            throw DomainError(.voucherUnknown)
        }
        return voucher
    }

    /// The code in what was scanned or typed: the voucher's URL (`…/v/CODE`) or the code itself.
    static func voucherCode(in input: String) -> String {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if let range = trimmed.range(of: "/v/", options: .backwards) {
            return String(trimmed[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        }
        return trimmed
    }

    // MARK: Nonces

    /// A scan's answer as stored under its nonce: the HTTP status and the JSON body.
    struct Answer: Sendable {
        var status: HTTPStatus
        var body: String

        var response: Response {
            let response = Response(status: status, body: .init(string: body))
            response.headers.contentType = .json
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }

    /// One scan under its nonce, in one write transaction with the admission itself, so that
    /// an admission never commits without its answer: the same nonce and request get the first
    /// answer again; a different request under the same nonce is refused (409, nothing changes).
    /// `render` turns the outcome into the answer (the API's JSON), inside the transaction.
    static func scan(
        code: String, sessionID: UUID, nonce: String, scanner: Scanner, scannedAt: Date? = nil, app: Application,
        on db: any Database, render: @escaping @Sendable (Outcome, any Database) async throws -> String
    ) async throws -> Answer {
        // The code as the voucher has it: typed in lower case or scanned as its URL, the same scan.
        let canonical = (try? VoucherCode(reading: voucherCode(in: code)))?.canonical ?? code
        let requestHash = hash([canonical, sessionID.api])
        return try await db.writeTransaction { db in
            if let first = try await replay(scanner: scanner, nonce: nonce, requestHash: requestHash, on: db) {
                return first
            }
            let outcome = try await admitInTransaction(
                code: code, sessionID: sessionID, scanner: scanner, scannedAt: scannedAt, app: app, in: db)
            let answer = Answer(status: .ok, body: try await render(outcome, db))
            let sql = db as! any SQLDatabase
            let inserted = try await sql.insert(into: DoorScanModel.schema)
                .columns("id", "scanner", "nonce", "request_hash", "status", "response", "created_at")
                .values(
                    SQLBind(UUID()), SQLBind(scanner.key), SQLBind(nonce), SQLBind(requestHash),
                    SQLBind(Int(answer.status.code)), SQLBind(answer.body), SQLBind(app.mentore.now())
                )
                .ignoringConflicts(with: ["scanner", "nonce"]).returning("id").all()
            // A concurrent scan with this nonce stored its answer first: both asked the same.
            if inserted.isEmpty,
                let first = try await replay(scanner: scanner, nonce: nonce, requestHash: requestHash, on: db)
            {
                return first
            }
            return answer
        }
    }

    static func replay(scanner: Scanner, nonce: String, requestHash: String, on db: any Database) async throws
        -> Answer?
    {
        guard
            let scan = try await DoorScanModel.query(on: db).filter(\.$scanner == scanner.key)
                .filter(\.$nonce == nonce).first()
        else { return nil }
        guard scan.requestHash == requestHash else { throw DomainError(.nonceReused, field: "nonce") }
        return Answer(status: HTTPStatus(statusCode: scan.status), body: scan.response)
    }

    /// A request's fingerprint under its nonce: SHA-256 of its parts.
    static func hash(_ parts: [String]) -> String {
        SecureToken.hash(parts.joined(separator: "\u{1f}"))
    }

    // MARK: Undo

    /// Undoes an admission of the scanner's organizer within 15 minutes, with a reason: the
    /// step is open again, the organizer's payable goes back to the voucher, a completed voucher
    /// is in use again (its released value back from the fund) and a certificate it earned is
    /// withdrawn. Undoing one already undone answers it as it is.
    static func void(_ redemptionID: UUID, reason: String?, scanner: Scanner, app: Application, on db: any Database)
        async throws -> RedemptionModel
    {
        var v = Validator()
        let reason = v.text(reason, field: "reason", max: 200)
        try v.finish()
        let now = app.mentore.now()
        return try await db.writeTransaction { db in
            guard let redemption = try await RedemptionModel.find(redemptionID, on: db),
                scanner.organizers.contains(redemption.$organizer.id)
            else { throw DomainError(.notFound) }
            if redemption.voidedAt != nil { return redemption }
            guard DoorRules.mayUndo(admittedAt: redemption.admittedAt, now: now) else {
                throw DomainError(.voidTooLate)
            }
            let sql = db as! any SQLDatabase
            let voided = try await sql.update(RedemptionModel.schema)
                .set("voided_at", to: SQLBind(now)).set("active_slot", to: SQLLiteral.null)
                .set("voided_by", to: SQLBind(scanner.actor)).set("void_reason", to: SQLBind(reason))
                .where("id", .equal, SQLBind(redemptionID)).where("voided_at", .is, SQLLiteral.null)
                .returning("id", "settlement_id").all()
            guard let row = voided.first else {
                return try await RedemptionModel.find(redemptionID, on: db).orNotFound()
            }
            // Read from the row this UPDATE changed: a settlement that claimed the admission
            // meanwhile is seen, and the value is then owed back through the next settlement.
            let settled = try row.decodeNil(column: "settlement_id") == false
            let voucherID = redemption.$voucher.id
            let voucher = try await VoucherModel.find(voucherID, on: db).orNotFound()
            let id = redemptionID.uuidString.lowercased()
            if redemption.amountMinor > 0 {
                let organizer = redemption.$organizer.id.uuidString
                try await LedgerStore.post(
                    settled
                        ? Bookings.carriedVoid(redemption.amount, voucher: voucherID.uuidString, organizer: organizer)
                        : Bookings.void(redemption.amount, voucher: voucherID.uuidString, organizer: organizer),
                    reference: "redemption:\(id)", at: now, on: db)
            }
            if voucher.status == .completed {
                let released = try await LedgerStore.amount(
                    kind: .release, reference: "complete:\(id)", account: .fund(voucher.$fund.id.uuidString),
                    on: db)
                if released > 0 {
                    do {
                        try await LedgerStore.post(
                            .transfer(
                                .void, Money(minor: released, currency: voucher.currency),
                                from: .fund(voucher.$fund.id.uuidString), to: .voucher(voucherID.uuidString)),
                            reference: "complete:\(id)", at: now, on: db)
                    } catch is LedgerBreach {
                        throw DomainError(.voidNotPossible)
                    }
                }
            }
            let standing = try await RedemptionModel.query(on: db).filter(\.$voucher.$id == voucherID)
                .filter(\.$voidedAt == nil).count()
            _ = try await db.transition(
                VoucherModel.schema, id: voucherID,
                from: [VoucherStatus.completed.rawValue, VoucherStatus.inUse.rawValue],
                to: (standing > 0 ? VoucherStatus.inUse : VoucherStatus.nominated).rawValue, also: ["updated_at": now])
            let journey = try await Journeys.load(voucher, on: db)
            if !journey.plan.isComplete(journey.progress) {
                try await CertificateModel.query(on: db).filter(\.$voucher.$id == voucherID).delete()
            }
            return try await RedemptionModel.find(redemptionID, on: db).orNotFound()
        }
    }
}
