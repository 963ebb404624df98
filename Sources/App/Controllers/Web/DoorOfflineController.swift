import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The scanner page without a network: what the page keeps for offline use (the session's
/// admission list, the key that signs vouchers' tokens, the words to show), the installable
/// app's manifest, and the sync of the scans queued offline, which finds vouchers admitted by
/// two devices while both were offline (charged once, reported to the organizer).
extension DoorController {
    /// What the scanner page holds for offline use, as JSON in a data attribute.
    struct OfflineData: Encodable {
        struct Entry: Encodable {
            /// SHA-256 (hex) of the voucher's canonical code.
            var h: String
            /// The voucher's id (as in its signed token).
            var v: String
            /// The holder, as nominated.
            var n: String
            /// Admitted already (per the server, when the page was loaded).
            var a: Bool
        }

        struct Key: Encodable {
            var kid: String
            var x: String
        }

        var session: String
        /// Who the page belongs to (a hash of the scanner's key): the device's kept scans are
        /// theirs, never sent under another person's name on a shared browser.
        var owner: String
        var event: String
        var circuits: [String]
        var sync: String
        var entries: [Entry]
        var keys: [Key]
        /// Localized words, `\u{1}` standing for the holder's name or a number.
        var text: [String: String]
    }

    static let placeholder = "\u{1}"

    static func offlineData(_ req: Request, session: EventSessionModel) async throws -> String {
        let sessionID = try session.requireID()
        let reservations = try await ReservationModel.query(on: req.db).filter(\.$session.$id == sessionID)
            .with(\.$voucher) { $0.with(\.$beneficiary) }.all()
        let admitted = Set(
            try await RedemptionModel.query(on: req.db).filter(\.$session.$id == sessionID)
                .filter(\.$voidedAt == nil).all().map(\.$voucher.id))
        let circuits = try await CircuitStepEventModel.query(on: req.db)
            .filter(\.$event.$id == session.$event.id).with(\.$step).all().map { $0.step.$circuit.id.api }
        let keys = try await DoorTokens.keySet(app: req.application, on: req.db).keys
        let p = placeholder
        let data = OfflineData(
            session: sessionID.api,
            owner: String(SecureToken.hash(try scanner(req, session: session).key).prefix(16)),
            event: session.$event.id.api, circuits: Array(Set(circuits)).sorted(),
            sync: SiteRoute.doorSync(.value(sessionID)).path,
            entries: reservations.map {
                OfflineData.Entry(
                    h: SecureToken.hash($0.voucher.code), v: $0.$voucher.id.api, n: $0.voucher.beneficiary?.name ?? "—",
                    a: admitted.contains($0.$voucher.id))
            },
            keys: keys.map { .init(kid: $0.kid, x: $0.x) },
            text: [
                "titleAdmitted": req.t("door-result-admitted"), "titleAlready": req.t("door-result-already"),
                "titleRefused": req.t("door-result-refused"),
                "admitted": req.t("door-offline-admitted", ["holder": .string(p)]),
                "already": req.t("door-offline-already", ["holder": .string(p)]),
                "notListed": req.t("door-offline-not-listed"),
                "badToken": req.t("error-token-tampered"),
                "malformed": req.t("error-voucher-malformed"),
                "offline": req.t("door-offline-banner"),
                "queued": req.t("door-offline-queued"),
                "syncFailed": req.t("door-offline-sync-failed"),
            ])
        return String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }

    /// `GET /door/manifest.webmanifest?lang=…`: the scanner as an installable app (public:
    /// browsers fetch manifests without cookies).
    @Sendable static func manifest(req: Request) async throws -> Response {
        struct Manifest: Encodable {
            struct Icon: Encodable {
                var src: String
                var sizes: String
                var type: String
            }

            var name: String
            var shortName: String
            var lang: String
            var startUrl: String
            var scope: String
            var display: String
            var backgroundColor: String
            var themeColor: String
            var icons: [Icon]
        }
        let manifest = Manifest(
            name: req.t("door-app-name"), shortName: req.t("door-app-short-name"), lang: req.language,
            startUrl: SiteRoute.doorHome.path, scope: SiteRoute.doorHome.path + "/", display: "standalone",
            backgroundColor: "#ffffff", themeColor: "#1d4e89",
            icons: [.init(src: "/favicon.svg", sizes: "any", type: "image/svg+xml")])
        // Snake case, as the Web App Manifest spells its members.
        let response = Response(status: .ok, body: .init(data: try APIJSON.encoder.encode(manifest)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "manifest+json")
        return response
    }

    struct SyncRequest: Decodable {
        struct Scan: Decodable {
            var code: String?
            var token: String?
            var nonce: String?
            var scannedAt: String?
        }

        var scans: [Scan]
    }

    struct SyncAnswer: Encodable {
        struct Result: Encodable {
            var nonce: String
            var result: String
            var reason: String?
            var message: String
        }

        var results: [Result]
        /// Messages naming the vouchers another device admitted first.
        var conflicts: [String]
        var message: String
    }

    /// `POST /door/sessions/ID/sync` (JSON, `X-CSRF-Token`): the scans a device queued offline,
    /// each judged at its own time and retried safely under its nonce. A scan answered *already
    /// used* was admitted offline by this device after another admitted the voucher: it is not
    /// charged again, and it is recorded as a conflict for the organizer.
    /// The most scans one sync may carry; the scanner sends its queue in smaller chunks.
    static let maximumScans = 1000

    @Sendable static func sync(req: Request) async throws -> Response {
        let session = try await session(req)
        let sessionID = try session.requireID()
        let scanner = try scanner(req, session: session)
        let body = try APIJSON.decode(SyncRequest.self, from: req)
        guard body.scans.count <= maximumScans else { throw DomainError(.invalidValue, field: "scans") }
        let now = req.now
        let maximumAge = req.application.mentore.config.doorScanMaximumAge
        func refusal(_ code: DomainError.Code, nonce: String) -> SyncAnswer.Result {
            .init(nonce: nonce, result: "refused", reason: code.rawValue, message: req.t("error-\(code.rawValue)"))
        }
        // Each scan checked, then the good ones made together, in their order.
        var answered: [SyncAnswer.Result?] = []
        var scans: [(index: Int, scan: Door.Scan, nonce: String)] = []
        for scan in body.scans {
            let nonce = String((scan.nonce ?? "").prefix(100))
            let credential = scan.token.map { "#t=" + $0 } ?? scan.code ?? ""
            guard !nonce.isEmpty, !credential.isEmpty, credential.count <= 500 else {
                answered.append(refusal(.invalidValue, nonce: nonce))
                continue
            }
            let scannedAt = scan.scannedAt.flatMap { try? Date($0, strategy: .iso8601) }
            guard let scannedAt, DoorRules.isPlausible(scannedAt: scannedAt, now: now, maximumAge: maximumAge) else {
                answered.append(refusal(.scanTimeInvalid, nonce: nonce))
                continue
            }
            scans.append(
                (
                    answered.count,
                    Door.Scan(input: credential, sessionID: sessionID, scanner: scanner, scannedAt: scannedAt), nonce
                ))
            answered.append(nil)
        }
        let answers = await RedemptionsAPIController.scan(scans.map(\.scan), nonces: scans.map(\.nonce), req: req)
        var conflicts: [String] = []
        for (made, answer) in zip(scans, answers) {
            let stored: Door.Answer
            do {
                stored = try answer.get()
            } catch let error as DomainError {
                // One scan's refusal (a nonce reused for another voucher) is its answer alone.
                answered[made.index] = refusal(error.code, nonce: made.nonce)
                continue
            }
            let answer = try RedemptionsAPIController.StoredAnswer(stored)
            answered[made.index] = .init(
                nonce: made.nonce, result: answer.result, reason: answer.reason, message: answer.message)
            if answer.result == "already_used", let first = answer.redemption.flatMap({ UUID(uuidString: $0.id) }) {
                try await DoorConflictStore.record(
                    sessionID: sessionID, redemptionID: first, scanner: scanner.key, nonce: made.nonce,
                    scannedAt: made.scan.scannedAt, at: now, on: req.db)
                conflicts.append(req.t("door-offline-conflict", ["holder": .string(answer.redemption?.holder ?? "—")]))
            }
        }
        let results = answered.map { $0! }
        let admitted = results.filter { $0.result == "admitted" }.count
        return try APIJSON.response(
            SyncAnswer(
                results: results, conflicts: conflicts,
                message: req.t("door-offline-synced", ["count": .integer(admitted)])))
    }

    /// The conflicts found at sync for a session, for its expected list: who holds the voucher,
    /// and who admitted it the second time.
    static func conflictNotice(_ req: Request, sessionID: UUID) async throws -> String? {
        let conflicts = try await DoorConflictModel.query(on: req.db).filter(\.$session.$id == sessionID)
            .with(\.$redemption) { $0.with(\.$voucher) { $0.with(\.$beneficiary) } }.all()
        guard !conflicts.isEmpty else { return nil }
        let names = Set(conflicts.map { $0.redemption.voucher.beneficiary?.name ?? "—" }).sorted()
        return req.t(
            "door-conflicts-notice",
            ["count": .integer(conflicts.count), "holders": .string(names.joined(separator: ", "))])
    }
}
