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

    /// The device a bearer token speaks for, as a scanner: ours, not revoked. Anything else is
    /// refused. Read with one plain statement of the five columns needed: every scan through
    /// the API starts here.
    static func scanner(_ req: Request) async throws -> Door.Scanner {
        guard let bearer = bearer(req) else {
            throw DomainError(req.headers.bearerAuthorization == nil ? .unauthenticated : .deviceUnknown)
        }
        let hash = SecureToken.hash(bearer)
        guard let scanner = try await scanners([hash], at: req.now, on: req.db, inWriteTransaction: false)[hash] else {
            throw DomainError(.deviceUnknown)
        }
        return scanner
    }

    /// The request's bearer token if it has the shape of a device token.
    static func bearer(_ req: Request) -> String? {
        guard let bearer = req.headers.bearerAuthorization?.token, bearer.hasPrefix(prefix), bearer.count < 200
        else { return nil }
        return bearer
    }

    /// The devices that token hashes name, as scanners, by hash: revoked and unknown ones are
    /// missing. Notes when they were used (at most once a minute each, not to write every
    /// scan), with `db` inside the caller's write transaction, or else in one of its own.
    static func scanners(_ hashes: Set<String>, at now: Date, on db: any Database, inWriteTransaction: Bool)
        async throws -> [String: Door.Scanner]
    {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select()
            .columns("id", "organizer_id", "label", "token_hash", "last_used_at").from(DoorDeviceModel.schema)
            .where("token_hash", .in, SQLBind.group(Array(hashes))).where("revoked_at", .is, SQLLiteral.null).all()
        var scanners: [String: Door.Scanner] = [:]
        var used: [UUID] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            scanners[try row.decode(column: "token_hash", as: String.self)] = Door.Scanner.device(
                id: id, organizer: try row.decode(column: "organizer_id", as: UUID.self),
                label: try row.decode(column: "label", as: String.self))
            if try row.decode(column: "last_used_at", as: Date?.self).map({ now.timeIntervalSince($0) > 60 }) ?? true {
                used.append(id)
            }
        }
        if !used.isEmpty {
            let used = used
            let note: @Sendable (any Database) async throws -> Void = { db in
                try await (db as! any SQLDatabase).update(DoorDeviceModel.schema).set("last_used_at", to: SQLBind(now))
                    .where("id", .in, SQLBind.group(used)).run()
            }
            if inWriteTransaction { try await note(db) } else { try await db.writeTransaction(note) }
        }
        return scanners
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
            Scanner.device(id: try device.requireID(), organizer: device.$organizer.id, label: device.label)
        }

        /// A placeholder for a scan whose scanner is the device its token names, read with the
        /// scan (`NoncedScan.device`).
        static let unresolved = Scanner(key: "", organizers: [], actor: "", door: "", deviceID: nil)

        static func device(id: UUID, organizer: UUID, label: String) -> Scanner {
            Scanner(
                key: "device:\(id.api)", organizers: [organizer], actor: "device:\(label)", door: label, deviceID: id)
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

    /// One scan to decide: what was scanned (the code, the voucher's URL, or `#t=` and a signed
    /// token, `DoorTokens`), where, by whom, and when a device scanned it (offline, synced
    /// later; else now).
    struct Scan: Sendable {
        var input: String
        var sessionID: UUID
        var scanner: Scanner
        var scannedAt: Date?
    }

    /// What a scan decided, with the name of the voucher's holder for its answer.
    struct Decision {
        var outcome: Outcome
        var holder: String?
    }

    /// One scan: the code (or the voucher's URL) at `sessionID`. Every refusal is an answer with
    /// a reason, never an exception, so that devices show it and retries repeat it.
    static func admit(
        code input: String, sessionID: UUID, scanner: Scanner, scannedAt: Date? = nil, app: Application,
        on db: any Database
    ) async throws -> Outcome {
        let scan = Scan(input: input, sessionID: sessionID, scanner: scanner, scannedAt: scannedAt)
        return try await db.writeTransaction { db in try await decideAll([scan], app: app, in: db)[0].outcome }
    }

    /// Decides and makes many scans inside the caller's write transaction, in order, in a fixed
    /// number of statements (`Journeys.admitAll`): the sessions, the vouchers named (by code or
    /// verified token) with their holders and journeys are read once for all. Refusals come from
    /// checks made before anything is written, so answering them leaves nothing half done.
    static func decideAll(_ scans: [Scan], app: Application, in db: any Database) async throws -> [Decision] {
        let now = app.mentore.now()
        let sessionsByID = try await DoorReads.sessions(Set(scans.map(\.sessionID)), on: db)
        // What each scan names: a code, a voucher (by its verified token), or why neither.
        enum Named {
            case code(String)
            case voucher(UUID)
            case refused(DomainError.Code)
        }
        var named: [Named] = []
        // The tokens' key, read once for the batch (none made yet: every token is unknown).
        let key =
            scans.contains { trimmed($0.input).hasPrefix("#t=") }
            ? try await DoorTokens.existingPublicKey(on: db) : nil
        for scan in scans {
            guard let session = sessionsByID[scan.sessionID] else {
                named.append(.refused(.notFound))
                continue
            }
            guard scan.scanner.organizers.contains(session.event.$organizer.id) else {
                named.append(.refused(.wrongOrganizer))
                continue
            }
            let input = trimmed(scan.input)
            if input.hasPrefix("#t=") {
                do {
                    let token = try DoorTokens.verify(input, at: scan.scannedAt ?? now, key: key)
                    named.append(.voucher(token.voucherID))
                } catch let error as DomainError {
                    named.append(.refused(error.code))
                }
                continue
            }
            do throws(VoucherCode.ReadError) {
                named.append(.code(try VoucherCode(reading: voucherCode(in: input)).canonical))
            } catch .checkFailed {
                named.append(.refused(.voucherTypo))
            } catch {
                named.append(.refused(.voucherMalformed))
            }
        }
        var codes: Set<String> = []
        var ids: Set<UUID> = []
        for name in named {
            switch name {
            case .code(let code): codes.insert(code)
            case .voucher(let id): ids.insert(id)
            case .refused: break
            }
        }
        let found = try await DoorReads.vouchers(codes: codes, ids: ids, on: db)
        // One model per voucher: the batch updates its state as it decides.
        let vouchers = Dictionary(found.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let byCode = Dictionary(vouchers.values.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let journeys = try await Journeys.loadAll(Array(vouchers.values), on: db)

        var decisions: [Decision?] = Array(repeating: nil, count: scans.count)
        var requests: [(index: Int, request: Journeys.AdmissionRequest, holder: String?)] = []
        for (index, scan) in scans.enumerated() {
            let voucher: VoucherModel?
            switch named[index] {
            case .refused(let code):
                decisions[index] = Decision(outcome: .refused(DomainError(code)), holder: nil)
                continue
            case .code(let code): voucher = byCode[code]
            case .voucher(let id): voucher = vouchers[id]
            }
            guard let voucher, let voucherID = voucher.id, let session = sessionsByID[scan.sessionID] else {
                decisions[index] = Decision(outcome: .refused(DomainError(.voucherUnknown)), holder: nil)
                continue
            }
            let holder = voucher.beneficiary?.name
            if !isToday(session, now: scan.scannedAt ?? now) {
                // A repeated scan still says when it was used; anything else waits for the day.
                if let journey = journeys[voucherID], let first = Journeys.admission(journey, session: session) {
                    decisions[index] = Decision(outcome: .alreadyUsed(first), holder: holder)
                } else {
                    decisions[index] = Decision(outcome: .refused(DomainError(.sessionNotToday)), holder: nil)
                }
                continue
            }
            requests.append(
                (
                    index,
                    Journeys.AdmissionRequest(
                        voucherID: voucherID, session: session, actor: scan.scanner.actor, door: scan.scanner.door,
                        deviceID: scan.scanner.deviceID, scannedAt: scan.scannedAt), holder
                ))
        }
        let admissions = try await Journeys.admitAll(requests.map(\.request), journeys: journeys, app: app, in: db)
        for (made, admission) in zip(requests, admissions) {
            switch admission {
            case .success(.admitted(let redemption, let certificate)):
                decisions[made.index] = Decision(
                    outcome: .admitted(redemption, certificate: certificate), holder: made.holder)
            case .success(.alreadyUsed(let first)):
                decisions[made.index] = Decision(outcome: .alreadyUsed(first), holder: made.holder)
            case .failure(let error):
                decisions[made.index] = Decision(outcome: .refused(DomainError(error.code)), holder: nil)
            }
        }
        return decisions.map { $0! }
    }

    /// `input` without surrounding white space or line breaks. What a scanner sends rarely has
    /// any, and Foundation's trimming showed in the batch's profile (a few per cent, called
    /// three times a scan): it is only asked when an end is not plainly visible ASCII.
    static func trimmed(_ input: String) -> String {
        guard let first = input.utf8.first, let last = input.utf8.last else { return input }
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if visible.contains(first), visible.contains(last) { return input }
        return input.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The code in what was scanned or typed: the voucher's URL (`…/v/CODE`) or the code itself.
    static func voucherCode(in input: String) -> String {
        let text = trimmed(input)
        if let range = text.range(of: "/v/", options: .backwards) {
            return String(text[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        }
        return text
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

    /// A scan under its nonce, with how its answer is written (the API's JSON in the reader's
    /// language, from the outcome and the holder's name).
    struct NoncedScan: Sendable {
        var scan: Scan
        var nonce: String
        /// The SHA-256 of a device token: the scanner is that device, read in the scan's
        /// transaction (one statement for the batch; a revoked device is refused there).
        var device: String?
        /// SHA-256 of the code as the voucher has it and the session: a retry asks the same.
        var requestHash: String
        var render: @Sendable (Outcome, _ holder: String?) throws -> String

        init(
            _ scan: Scan, nonce: String, device: String? = nil,
            render: @escaping @Sendable (Outcome, _ holder: String?) throws -> String
        ) {
            // The code as the voucher has it: typed in lower case or scanned as its URL, the same scan.
            let canonical = (try? VoucherCode(reading: voucherCode(in: scan.input)))?.canonical ?? scan.input
            self.scan = scan
            self.nonce = nonce
            self.device = device
            self.requestHash = hash([canonical, scan.sessionID.api])
            self.render = render
        }
    }

    /// Scans under their nonces, in one write transaction with the admissions themselves, so
    /// that an admission never commits without its answer: the same nonce and request get the
    /// first answer again; a different request under the same nonce is refused (409, nothing
    /// changes for it). Used by `DoorQueue`, which gathers the scans that arrive together.
    /// Throws `Journeys.BatchConflict` when, of several scans, one was changed meanwhile by
    /// another app instance: nothing is kept, and they are to be made one at a time.
    static func scanAll(_ items: [NoncedScan], app: Application, in db: any Database) async throws
        -> [Result<Answer, any Error>]
    {
        var items = items
        var results: [Result<Answer, any Error>?] = Array(repeating: nil, count: items.count)
        let devices = Set(items.compactMap(\.device))
        if !devices.isEmpty {
            let scanners = try await DoorDevices.scanners(
                devices, at: app.mentore.now(), on: db, inWriteTransaction: true)
            for index in items.indices {
                guard let device = items[index].device else { continue }
                if let scanner = scanners[device] {
                    items[index].scan.scanner = scanner
                } else {
                    results[index] = .failure(DomainError(.deviceUnknown))
                }
            }
        }
        // By scanner and nonce (the unique index's order), as plain rows: the answers stored.
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT scanner, nonce, request_hash, status, response FROM \(ident: DoorScanModel.schema)
            WHERE scanner IN (\(binds: Array(Set(items.map(\.scan.scanner.key)))))
            AND nonce IN (\(binds: Array(Set(items.map(\.nonce)))))
            """
        ).all()
        var stored: [String: (requestHash: String, answer: Answer)] = [:]
        for row in rows {
            let key =
                try row.decode(column: "scanner", as: String.self) + "\u{1f}"
                + row.decode(column: "nonce", as: String.self)
            stored[key] = (
                try row.decode(column: "request_hash", as: String.self),
                Answer(
                    status: HTTPStatus(statusCode: try row.decode(column: "status", as: Int.self)),
                    body: try row.decode(column: "response", as: String.self))
            )
        }
        var first: [String: Int] = [:]
        var fresh: [Int] = []
        for (index, item) in items.enumerated() where results[index] == nil {
            if let scan = stored[item.scan.scanner.key + "\u{1f}" + item.nonce] {
                results[index] =
                    scan.requestHash == item.requestHash
                    ? .success(scan.answer) : .failure(DomainError(.nonceReused, field: "nonce"))
            } else if first[item.scan.scanner.key + "\u{1f}" + item.nonce] == nil {
                first[item.scan.scanner.key + "\u{1f}" + item.nonce] = index
                fresh.append(index)
            }
        }
        if !fresh.isEmpty {
            let decisions = try await decideAll(fresh.map { items[$0].scan }, app: app, in: db)
            let at = app.mentore.now()
            var insert = (db as! any SQLDatabase).insert(into: DoorScanModel.schema)
                .columns("id", "scanner", "nonce", "request_hash", "status", "response", "created_at")
            for (index, decision) in zip(fresh, decisions) {
                let item = items[index]
                let answer = Answer(status: .ok, body: try item.render(decision.outcome, decision.holder))
                results[index] = .success(answer)
                insert = insert.values(
                    SQLBind(UUID.timeOrdered()), SQLBind(item.scan.scanner.key), SQLBind(item.nonce),
                    SQLBind(item.requestHash),
                    SQLBind(Int(answer.status.code)), SQLBind(answer.body), SQLBind(at))
            }
            let inserted = try await insert.ignoringConflicts(with: ["scanner", "nonce"]).returning("id").all()
            if inserted.count != fresh.count {
                guard items.count == 1, let item = items.first else { throw Journeys.BatchConflict() }
                // A concurrent scan with this nonce stored its answer first: both asked the same.
                if let answer = try await replay(
                    scanner: item.scan.scanner, nonce: item.nonce, requestHash: item.requestHash, on: db)
                {
                    return [.success(answer)]
                }
            }
        }
        // A nonce repeated within the batch: the first one's answer, if it asked the same.
        for (index, item) in items.enumerated() where results[index] == nil {
            let earlier = first[item.scan.scanner.key + "\u{1f}" + item.nonce]!
            results[index] =
                items[earlier].requestHash == item.requestHash
                ? results[earlier]! : .failure(DomainError(.nonceReused, field: "nonce"))
        }
        return results.map { $0! }
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
