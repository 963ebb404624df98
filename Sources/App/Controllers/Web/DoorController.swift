import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The door: an organizer's sessions and, per session, who is expected.
enum DoorController {
    /// The session named in the path, if the user works for its organizer (or is an admin);
    /// anyone else is told it does not exist.
    static func session(_ req: Request) async throws -> EventSessionModel {
        let user = try req.requireUser()
        let id = try req.idParameter("sessionID")
        let session = try await EventSessionModel.query(on: req.db).filter(\.$id == id)
            .with(\.$event) { $0.with(\.$texts).with(\.$venue) }.first().orNotFound()
        guard user.isAdmin || user.organizers[session.event.$organizer.id] != nil else {
            throw DomainError(.notFound)
        }
        return session
    }

    /// The people expected at one session: each reservation's holder (the name or alias the
    /// partner nominated), their circuit and step, and what the door would answer now
    /// (ready, admitted, or why not), with the counts of admitted, reserved and places.
    @Sendable static func expected(req: Request) async throws -> Response {
        let session = try await session(req)
        let sessionID = try session.requireID()
        let now = req.now
        let format = Formatting(
            language: req.language, timeZone: TimeZone(identifier: session.event.venue.timeZone) ?? .gmt)
        let reservations = try await ReservationModel.query(on: req.db).filter(\.$session.$id == sessionID)
            .with(\.$voucher) { $0.with(\.$beneficiary) }.sort(\.$createdAt).all()
        let journeys = try await Journeys.loadAll(reservations.map(\.voucher), on: req.db)
        let circuitIDs = Set(journeys.values.compactMap { $0.circuit?.id })
        let circuitTexts =
            circuitIDs.isEmpty
            ? [] : try await CircuitTextModel.query(on: req.db).filter(\.$circuit.$id ~~ circuitIDs).all()
        var rows: [ListView.Row] = []
        var admitted = 0
        for reservation in reservations {
            guard let journey = journeys[reservation.$voucher.id] else { continue }
            var place = ListView.Cell.text(req.t("door-single-event"))
            if let circuitID = journey.circuit?.id {
                let title = EventPresenter.pick(
                    circuitTexts.filter { $0.$circuit.id == circuitID }, language: \.language, for: req.language,
                    fallbacks: EventPresenter.fallbacks(req))?.title
                let position = (journey.plan.steps.firstIndex { $0.id == reservation.slot } ?? 0) + 1
                place = .text(
                    req.t(
                        "door-circuit-step",
                        [
                            "circuit": .string(title ?? "—"), "position": .integer(position),
                            "steps": .integer(journey.plan.steps.count),
                        ]))
            }
            let status: String
            switch Journeys.doorStatus(journey, session: session, now: now) {
            case .ready: status = req.t("door-status-ready")
            case .admitted(let redemption):
                admitted += 1
                status = req.t(
                    "door-status-admitted", ["time": .string(format.time(redemption.admittedAt))])
            case .refused(let error): status = req.t("error-\(error.code.rawValue)")
            }
            let name = reservation.voucher.beneficiary?.name ?? "—"
            rows.append(
                ListView.Row(cells: [
                    .data(name), place,
                    .time(reservation.createdAt, format.dateTime(reservation.createdAt)), .text(status),
                ]))
        }
        let text = EventPresenter.text(of: session.event, for: req)
        let view = ListView(
            intro: .text(
                req.t(
                    "door-session-intro",
                    [
                        "title": .string(text?.title ?? ""), "date": .string(format.dateTime(session.startsAt)),
                        "venue": .string(session.event.venue.name), "admitted": .integer(admitted),
                        "reserved": .integer(reservations.count), "capacity": .integer(session.capacity),
                    ])),
            columns: [
                req.t("column-participant"), req.t("column-circuit-step"), req.t("column-reserved-at"),
                req.t("column-door-status"),
            ],
            rows: rows, empty: req.t("door-session-empty"),
            links: [
                .init(href: SiteRoute.doorScan(.value(sessionID)).path, label: req.t("door-scan")),
                .init(href: SiteRoute.doorHome.path, label: req.t("door-back")),
            ], notice: try await conflictNotice(req, sessionID: sessionID))
        return try await req.page("list", title: req.t("door-session-title"), view)
    }
}
