import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The scanner page for door staff: pick a session, then scan (the phone's camera opens the
/// voucher's URL; a USB or Bluetooth scanner types into the field) or type the code; the answer
/// fills the screen in colour, with the holder's name to check; undo within 15 minutes.
extension DoorController {
    struct ScanView: Encodable {
        struct Result: Encodable {
            /// admitted, already, refused: the colour and the sound.
            var kind: String
            var title: String
            var message: String
            var undo: String?
        }

        struct Recent: Encodable {
            var time: String
            var datetime: String
            var holder: String
            var status: String
        }

        var session: String
        var counter: String
        var action: String
        var nonce: String
        var notice: String?
        var error: String?
        var result: Result?
        var recent: [Recent]
        var expected: String
        var back: String
        /// What the page keeps for offline use (`offlineData`), JSON.
        var offline: String
    }

    /// Who scans at the page: the signed-in person, for the organizers they work for.
    static func scanner(_ req: Request, session: EventSessionModel) throws -> Door.Scanner {
        let user = try req.requireUser()
        let organizers = user.isAdmin ? [session.event.$organizer.id] : Set(user.organizers.keys)
        return Door.Scanner.user(user, organizers: organizers)
    }

    @Sendable static func scanPage(req: Request) async throws -> Response {
        try await renderScan(req, session: try await session(req))
    }

    static func renderScan(
        _ req: Request, session: EventSessionModel, result: ScanView.Result? = nil, notice: String? = nil,
        error: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let sessionID = try session.requireID()
        let format = Formatting(
            language: req.language, timeZone: TimeZone(identifier: session.event.venue.timeZone) ?? .gmt)
        let admissions = try await RedemptionModel.query(on: req.db).filter(\.$session.$id == sessionID)
            .with(\.$voucher) { $0.with(\.$beneficiary) }.sort(\.$admittedAt, .descending).all()
        let standing = admissions.filter { $0.voidedAt == nil }.count
        let text = EventPresenter.text(of: session.event, for: req)
        let view = ScanView(
            session: req.t(
                "door-scan-session",
                [
                    "title": .string(text?.title ?? ""), "date": .string(format.dateTime(session.startsAt)),
                    "venue": .string(session.event.venue.name),
                ]),
            counter: req.t(
                "door-counter",
                [
                    "admitted": .integer(standing), "reserved": .integer(session.reserved),
                    "capacity": .integer(session.capacity),
                ]),
            action: SiteRoute.doorScan(.value(sessionID)).path, nonce: SecureToken.make(), notice: notice,
            error: error, result: result,
            recent: admissions.prefix(10).map { admission in
                ScanView.Recent(
                    time: format.time(admission.admittedAt), datetime: admission.admittedAt.formatted(.iso8601),
                    holder: admission.voucher.beneficiary?.name ?? "—",
                    status: admission.voidedAt == nil
                        ? req.t("door-recent-admitted", ["door": .string(admission.door ?? admission.admittedBy)])
                        : req.t("door-recent-undone", ["reason": .string(admission.voidReason ?? "")]))
            },
            expected: SiteRoute.doorSession(.value(sessionID)).path, back: SiteRoute.doorHome.path,
            offline: try await offlineData(req, session: session))
        return try await req.page(
            "door-scan", title: req.t("door-scan-title"), view, status: status,
            manifest: SiteRoute.doorManifest.path + "?lang=" + req.language)
    }

    /// One scan from the page: the same rules and answers as the API, retried safely under the
    /// form's nonce (a double tap on *Admit* is one scan).
    @Sendable static func scan(req: Request) async throws -> Response {
        let session = try await session(req)
        let sessionID = try session.requireID()
        struct Input: Content {
            var code: String?
            var nonce: String?
        }
        let input = try req.content.decode(Input.self)
        let code = (input.code ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty else {
            return try await renderScan(
                req, session: session, error: req.t("error-required"), status: .unprocessableEntity)
        }
        // Without the form's nonce (a hand-made request), the scan gets one of its own.
        let given = String((input.nonce ?? "").prefix(100))
        let stored = try await RedemptionsAPIController.scan(
            code: code, sessionID: sessionID, nonce: given.isEmpty ? UUID().uuidString : given,
            scanner: try scanner(req, session: session), req: req)
        let answer = try RedemptionsAPIController.StoredAnswer(stored)
        let kind = ["admitted": "admitted", "already_used": "already"][answer.result] ?? "refused"
        // An admission just made, or the one an *already used* answer names: undone within 15
        // minutes (`Door.void` refuses later ones with its reason).
        let undo =
            answer.result == "admitted" || answer.result == "already_used"
            ? answer.redemption.flatMap(\.id).flatMap(UUID.init(uuidString:)).map {
                SiteRoute.doorVoid(.value(sessionID), redemption: .value($0)).path
            } : nil
        return try await renderScan(
            req, session: session,
            result: .init(kind: kind, title: req.t("door-result-\(kind)"), message: answer.message, undo: undo))
    }

    /// Undo from the page, with a reason, within 15 minutes.
    @Sendable static func void(req: Request) async throws -> Response {
        let session = try await session(req)
        let id = try req.idParameter("redemptionID")
        struct Input: Content { var reason: String? }
        let reason = try req.content.decode(Input.self).reason
        do {
            _ = try await Door.void(
                id, reason: reason, scanner: try scanner(req, session: session), app: req.application, on: req.db)
            return try await renderScan(req, session: session, notice: req.t("door-undone"))
        } catch let errors as ValidationErrors {
            return try await renderScan(
                req, session: session,
                notice: errors.errors.map { req.t("error-\($0.code.rawValue)") }.joined(separator: " "),
                status: .unprocessableEntity)
        } catch let error as DomainError where error.code != .notFound {
            return try await renderScan(
                req, session: session, notice: req.t("error-\(error.code.rawValue)"), status: .unprocessableEntity)
        }
    }

    struct AdmitButton: Encodable {
        var action: String
        var code: String
        var nonce: String
        var label: String
    }

    /// The voucher's QR opened by signed-in door staff (the phone's own camera): one *Admit*
    /// button per session of today, at their organizers, that the voucher is reserved for.
    static func admitButtons(_ req: Request, _ voucher: VoucherModel) async throws -> [AdmitButton] {
        guard let user = req.currentUser, Area.door.admits(user.roles), let voucherID = voucher.id else { return [] }
        let now = req.now
        let reservations = try await ReservationModel.query(on: req.db).filter(\.$voucher.$id == voucherID)
            .with(\.$session) { $0.with(\.$event) { $0.with(\.$texts).with(\.$venue) } }.all()
        return try reservations.map(\.session)
            .filter { (user.isAdmin || user.organizers[$0.event.$organizer.id] != nil) && Door.isToday($0, now: now) }
            .map { session in
                let format = Formatting(
                    language: req.language, timeZone: TimeZone(identifier: session.event.venue.timeZone) ?? .gmt)
                return AdmitButton(
                    action: SiteRoute.doorScan(.value(try session.requireID())).path, code: voucher.code,
                    nonce: SecureToken.make(),
                    label: req.t(
                        "door-admit-at",
                        [
                            "event": .string(EventPresenter.text(of: session.event, for: req)?.title ?? ""),
                            "time": .string(format.time(session.startsAt)),
                        ]))
            }
    }
}
