import Domain
import Fluent
import Foundation
import Localization
import Persistence
import Vapor

/// The scanner API for door apps and kiosks, authenticated by a device token
/// (`Authorization: Bearer mnd_…`) scoped to one organizer: admissions (retried safely under a
/// nonce), undo within 15 minutes, and a session's check-in list.
enum RedemptionsAPIController {
    struct ScanRequest: Decodable {
        var code: String?
        /// The QR's signed token, instead of the code (`DoorTokens`).
        var signedToken: String?
        var sessionId: String?
        var nonce: String?
        /// When the device scanned it (RFC 3339), for scans queued offline.
        var scannedAt: String?
    }

    struct VoidRequest: Decodable {
        var reason: String?
    }

    struct Redemption: Encodable {
        var id: String
        var voucherId: String
        var sessionId: String
        var stepId: String
        /// The name or alias the partner nominated: who may come in on this voucher.
        var holder: String?
        var admittedAt: Date
        /// When the device scanned it, if it said (an offline scan synced later).
        var scannedAt: Date?
        var admittedBy: String
        var door: String?
        var deviceId: String?
        var amountMinor: Int
        var currency: String
        var voidedAt: Date?
        var voidReason: String?
    }

    struct ScanAnswer: Encodable {
        var result: String
        var reason: String?
        var message: String
        var redemption: Redemption?
        var certificateUrl: String?

        private enum CodingKeys: String, CodingKey { case result, reason, message, redemption, certificateUrl }

        // `reason` and `redemption` are always present, null when they do not apply.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(result, forKey: .result)
            try c.encode(reason, forKey: .reason)
            try c.encode(message, forKey: .message)
            try c.encode(redemption, forKey: .redemption)
            try c.encodeIfPresent(certificateUrl, forKey: .certificateUrl)
        }
    }

    static func view(_ redemption: RedemptionModel, on db: any Database) async throws -> Redemption {
        let voucher = try await VoucherModel.query(on: db).filter(\.$id == redemption.$voucher.id)
            .with(\.$beneficiary).first()
        return try view(redemption, holder: voucher?.beneficiary?.name)
    }

    static func view(_ redemption: RedemptionModel, holder: String?) throws -> Redemption {
        Redemption(
            id: try redemption.requireID().api, voucherId: redemption.$voucher.id.api,
            sessionId: redemption.$session.id.api, stepId: redemption.slot.api, holder: holder,
            admittedAt: redemption.admittedAt, scannedAt: redemption.scannedAt, admittedBy: redemption.admittedBy,
            door: redemption.door,
            deviceId: redemption.deviceID?.api, amountMinor: redemption.amountMinor,
            currency: redemption.currency.rawValue, voidedAt: redemption.voidedAt, voidReason: redemption.voidReason)
    }

    /// The answer to one scan, in the reader's language: what door staff read on the screen.
    /// `holder` is the voucher's holder (who may come in on it).
    static func answer(_ outcome: Door.Outcome, holder: String?, req: Request) throws -> ScanAnswer {
        switch outcome {
        case .admitted(let redemption, let certificate):
            return ScanAnswer(
                result: outcome.result, reason: nil,
                message: req.t("door-answer-admitted", ["holder": .string(holder ?? "—")]),
                redemption: try view(redemption, holder: holder),
                certificateUrl: certificate.map {
                    req.application.mentore.config.siteURL + SiteRoute.certificate(.value($0.code)).path
                })
        case .alreadyUsed(let first):
            let format = Formatting.platform(req.language)
            return ScanAnswer(
                result: outcome.result, reason: DomainError.Code.alreadyRedeemed.rawValue,
                message: req.t(
                    "door-answer-already-used",
                    [
                        "date": .string(format.dateTime(first.admittedAt)), "door": .string(first.door ?? "—"),
                        "by": .string(first.admittedBy),
                    ]), redemption: try view(first, holder: holder))
        case .refused(let error):
            return ScanAnswer(
                result: outcome.result, reason: error.code.rawValue, message: req.t("error-\(error.code.rawValue)"),
                redemption: nil)
        }
    }

    /// `POST /api/v1/redemptions` `{code, session_id, nonce}`.
    @Sendable static func create(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        // The device is read with the scan itself (`Door.scanAll`, in the batch that makes it): a revoked token
        // is refused there. A request that is wrong anyway says first if its token is.
        guard let bearer = DoorDevices.bearer(req) else {
            _ = try await DoorDevices.scanner(req)  // says which: no token, or not a device's
            throw DomainError(.deviceUnknown)
        }
        do {
            return try await create(req, device: SecureToken.hash(bearer))
        } catch {
            if (error as? DomainError)?.code != .deviceUnknown { _ = try await DoorDevices.scanner(req) }
            throw error
        }
    }

    private static func create(_ req: Request, device: String) async throws -> Response {
        let body = try APIJSON.decode(ScanRequest.self, from: req)
        var v = Validator()
        // The code, or the signed token: exactly one.
        let hasToken = !(body.signedToken ?? "").isEmpty
        let code = v.text(body.code, field: "code", required: !hasToken, max: 300)
        let token = v.text(body.signedToken, field: "signedToken", required: false, max: 400)
        if !code.isEmpty, hasToken { v.add(.invalidValue, field: "signedToken") }
        let nonce = v.text(body.nonce, field: "nonce", max: 100)
        let sessionText = v.text(body.sessionId, field: "sessionId", max: 36)
        let sessionID = UUID(uuidString: sessionText)
        if !sessionText.isEmpty, sessionID == nil { v.add(.invalidValue, field: "sessionId") }
        var scannedAt: Date?
        if let text = body.scannedAt {
            let now = req.now
            scannedAt = try? Date(text, strategy: .iso8601)
            if let date = scannedAt {
                let maximumAge = req.application.mentore.config.doorScanMaximumAge
                if !DoorRules.isPlausible(scannedAt: date, now: now, maximumAge: maximumAge) {
                    v.add(.scanTimeInvalid, field: "scannedAt")
                }
            } else {
                v.add(.invalidDate, field: "scannedAt")
            }
        }
        try v.finish()
        let scan = Door.Scan(
            input: hasToken ? "#t=" + token : code, sessionID: sessionID!, scanner: .unresolved, scannedAt: scannedAt)
        return try await self.scan([scan], nonces: [nonce], device: device, req: req)[0].get().response
    }

    /// A stored scan answer read back (the scanner page and the offline sync show it).
    struct StoredAnswer: Decodable {
        struct Redemption: Decodable {
            var id: String
            var holder: String?
        }

        var result: String
        var reason: String?
        var message: String
        var redemption: Redemption?

        init(_ answer: Door.Answer) throws {
            self = try APIJSON.decoder.decode(StoredAnswer.self, from: Data(answer.body.utf8))
        }
    }

    /// The scans, each under its nonce, answered as the API's JSON in the reader's language;
    /// made together with the scans other requests send meanwhile (`DoorQueue`).
    /// `device` is the hash of a device token whose device is the scanner (read with the scans).
    static func scan(_ scans: [Door.Scan], nonces: [String], device: String? = nil, req: Request) async
        -> [Result<Door.Answer, any Error>]
    {
        let items = zip(scans, nonces).map { scan, nonce in
            Door.NoncedScan(scan, nonce: nonce, device: device) { outcome, holder in
                String(
                    decoding: try APIJSON.encoder.encode(try answer(outcome, holder: holder, req: req)), as: UTF8.self)
            }
        }
        return await Admissions.admit(items, app: req.application)
    }

    /// One scan under its nonce (`scan(_:nonces:req:)`).
    static func scan(
        code: String, sessionID: UUID, nonce: String, scanner: Door.Scanner, scannedAt: Date? = nil, req: Request
    ) async throws -> Door.Answer {
        let one = Door.Scan(input: code, sessionID: sessionID, scanner: scanner, scannedAt: scannedAt)
        return try await scan([one], nonces: [nonce], req: req)[0].get()
    }

    /// `GET /api/v1/door/keys`: the public keys that sign the vouchers' offline tokens (JWKS).
    @Sendable static func keys(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        _ = try await DoorDevices.scanner(req)
        let response = try APIJSON.response(try await DoorTokens.keySet(app: req.application, on: req.db))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        return response
    }

    /// `POST /api/v1/redemptions/{id}/void` `{reason}`: within 15 minutes, the device's organizer's.
    @Sendable static func void(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        let scanner = try await DoorDevices.scanner(req)
        guard let id = req.parameters.get("redemptionID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound)
        }
        let body = try APIJSON.decode(VoidRequest.self, from: req)
        let redemption = try await Door.void(
            id, reason: body.reason, scanner: scanner, app: req.application, on: req.db)
        return try APIJSON.response(try await view(redemption, on: req.db))
    }

    struct CheckIn: Encodable {
        struct Session: Encodable {
            var id: String
            var eventId: String
            var title: String?
            var startsAt: Date
            var endsAt: Date
            var capacity: Int
            var reserved: Int
            var admitted: Int
        }

        struct Entry: Encodable {
            var reservationId: String
            var voucherId: String
            /// SHA-256 (hex) of the voucher's code as printed: a device recognises a scanned
            /// code offline without holding the codes themselves.
            var codeSha256: String
            var holder: String?
            var stepId: String
            var status: String
            var redemptionId: String?
            var admittedAt: Date?
        }

        var session: Session
        var entries: [Entry]
    }

    /// `GET /api/v1/sessions/{id}/checkin`: the counts and everyone expected, for offline use.
    @Sendable static func checkIn(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        let scanner = try await DoorDevices.scanner(req)
        guard let id = req.parameters.get("sessionID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound)
        }
        let session: EventSessionModel
        do {
            session = try await Door.session(id, scanner: scanner, on: req.db)
        } catch let error as DomainError where error.code == .wrongOrganizer {
            throw DomainError(.notFound)
        }
        let reservations = try await ReservationModel.query(on: req.db).filter(\.$session.$id == id)
            .with(\.$voucher) { $0.with(\.$beneficiary) }.sort(\.$createdAt).all()
        let admissions = try await RedemptionModel.query(on: req.db).filter(\.$session.$id == id)
            .filter(\.$voidedAt == nil).all()
        let entries = try reservations.map { reservation -> CheckIn.Entry in
            let admission = admissions.first { $0.$voucher.id == reservation.$voucher.id }
            return CheckIn.Entry(
                reservationId: try reservation.requireID().api, voucherId: reservation.$voucher.id.api,
                codeSha256: SecureToken.hash(reservation.voucher.code), holder: reservation.voucher.beneficiary?.name,
                stepId: reservation.slot.api, status: admission == nil ? "expected" : "admitted",
                redemptionId: admission?.id?.api, admittedAt: admission?.admittedAt)
        }
        let text = EventPresenter.text(of: session.event, for: req)
        let answer = CheckIn(
            session: .init(
                id: id.api, eventId: session.$event.id.api, title: text?.title, startsAt: session.startsAt,
                endsAt: session.endsAt, capacity: session.capacity, reserved: session.reserved,
                admitted: admissions.count),
            entries: entries)
        let response = try APIJSON.response(answer)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
