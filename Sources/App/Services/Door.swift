import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// The door around `Admissions`: who may scan where and when, what a scan answers
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

    enum Outcome: Sendable {
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
        /// What was decided, when this request decided it (not for an answer read back under its
        /// nonce): for callers that act on it rather than send it (the command line).
        var outcome: Outcome? = nil

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
    /// Throws `Admissions.BatchConflict` when, of several scans, one was changed meanwhile by
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
            let decisions = try await Admissions.decideAll(fresh.map { items[$0].scan }, app: app, in: db)
            let at = app.mentore.now()
            var insert = (db as! any SQLDatabase).insert(into: DoorScanModel.schema)
                .columns("id", "scanner", "nonce", "request_hash", "status", "response", "created_at")
            for (index, decision) in zip(fresh, decisions) {
                let item = items[index]
                let answer = Answer(
                    status: .ok, body: try item.render(decision.outcome, decision.holder), outcome: decision.outcome)
                results[index] = .success(answer)
                insert = insert.values(
                    SQLBind(UUID.timeOrdered()), SQLBind(item.scan.scanner.key), SQLBind(item.nonce),
                    SQLBind(item.requestHash),
                    SQLBind(Int(answer.status.code)), SQLBind(answer.body), SQLBind(at))
            }
            let inserted = try await insert.ignoringConflicts(with: ["scanner", "nonce"]).returning("id").all()
            if inserted.count != fresh.count {
                guard items.count == 1, let item = items.first else { throw Admissions.BatchConflict() }
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
}
