import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The beneficiary's side of a voucher, without an account: the steps of their circuit (or
/// their event), progress, the sessions they can choose, reservations with their calendar
/// files, and the certificate once the circuit is complete.
enum JourneyController {
    struct Choice: Encodable {
        var session: String
        var title: String
        var lang: String?
        var when: String
        var datetime: String
        var place: String
        var seats: String
        var full: Bool
    }

    struct Reserved: Encodable {
        var id: String
        var title: String
        var lang: String?
        var when: String
        var datetime: String
        var place: String
        var calendar: String
        /// Absent once the cut-off passed.
        var cancel: String?
    }

    struct Step: Encodable {
        var label: String
        var state: String
        var stateLabel: String
        var isNext: Bool
        var titles: String
        var reserved: Reserved?
        var attended: String?
        /// Sessions to reserve (an open step) or to move to (a reserved one).
        var choices: [Choice]?
    }

    struct View: Encodable {
        var heading: String
        var headingLang: String?
        var progress: String
        var next: String?
        var steps: [Step]
        var reserveAction: String
        var certificate: String?
        var usable: Bool
    }

    /// Sessions open to reservation: not cancelled, starting after their event's cut-off.
    static func upcomingEvents(_ events: Set<UUID>, rules: ReservationRules, now: Date, on db: any Database)
        async throws -> [EventModel]
    {
        try await EventModel.query(on: db).filter(\.$id ~~ events).with(\.$texts).with(\.$venue)
            .with(\.$sessions).all()
            .map { event in
                let open = rules.forEvent(cutoffHours: event.changeCutoffHours)
                event.$sessions.value = event.sessions.filter {
                    $0.cancelledAt == nil && open.isOpen(sessionStart: $0.startsAt, now: now)
                }.sorted { $0.startsAt < $1.startsAt }
                return event
            }
    }

    static func view(_ req: Request, _ voucher: VoucherModel) async throws -> View? {
        guard voucher.scope != .credit else { return nil }
        let journey: Journey
        do {
            journey = try await Journeys.load(voucher, on: req.db)
        } catch {
            req.logger.warning("journey not shown: \(String(reflecting: error))")
            return nil
        }
        let code = voucher.code
        let rules = Journeys.rules(req.application)
        let events = try await upcomingEvents(
            Set(journey.plan.steps.flatMap { $0.options.map(\.event) }), rules: rules, now: req.now, on: req.db)
        let usable = (try? Journeys.checkUsable(voucher, now: req.now)) != nil
        let progress = journey.progress
        let states = journey.plan.states(progress)
        let next = journey.plan.next(progress)
        func title(_ eventID: UUID) -> (String, String?) {
            guard let event = events.first(where: { $0.id == eventID }),
                let text = EventPresenter.text(of: event, for: req)
            else { return ("", nil) }
            return (text.title, text.language == req.language ? nil : text.language)
        }
        func place(_ event: EventModel) -> String { "\(event.venue.name), \(event.venue.city)" }
        func format(_ date: Date, _ event: EventModel) -> String {
            Formatting(language: req.language, timeZone: TimeZone(identifier: event.venue.timeZone) ?? .gmt)
                .dateTime(date)
        }
        var steps: [Step] = []
        for (index, (step, state)) in zip(journey.plan.steps, states).enumerated() {
            let stateName: String
            switch state {
            case .done: stateName = "done"
            case .reserved: stateName = "reserved"
            case .open: stateName = "open"
            case .locked: stateName = "locked"
            }
            var view = Step(
                label: req.t("circuit-step", ["position": .number(FluentNumber(index + 1))]), state: stateName,
                stateLabel: req.t("journey-state-\(stateName)"), isNext: next?.id == step.id,
                titles: step.options.map { title($0.event).0 }.filter { !$0.isEmpty }.joined(separator: " · "))
            // Every option's event is in `events` (with venue and texts): no query per step.
            if let redemption = journey.redemption(for: step.id),
                let event = events.first(where: { $0.id == redemption.$event.id })
            {
                view.attended = req.t(
                    "journey-attended", ["date": .string(format(redemption.session.startsAt, event))])
            } else if let reservation = journey.reservation(for: step.id),
                let event = events.first(where: { $0.id == reservation.$event.id })
            {
                let id = try reservation.requireID()
                let text = EventPresenter.text(of: event, for: req)
                let open = rules.forEvent(cutoffHours: event.changeCutoffHours).isOpen(
                    sessionStart: reservation.session.startsAt, now: req.now)
                view.reserved = Reserved(
                    id: id.uuidString.lowercased(), title: text?.title ?? "",
                    lang: text.map { $0.language == req.language ? nil : $0.language } ?? nil,
                    when: format(reservation.session.startsAt, event),
                    datetime: reservation.session.startsAt.formatted(.iso8601), place: place(event),
                    calendar: SiteRoute.voucherReservationCalendar(.value(code), reservation: .value(id)).path,
                    cancel: open && usable
                        ? SiteRoute.voucherReservationCancel(.value(code), reservation: .value(id)).path : nil)
            }
            if usable, state == .open || (state == .reserved && view.reserved?.cancel != nil) {
                var choices: [Choice] = []
                for option in step.options {
                    guard let event = events.first(where: { $0.id == option.event }) else { continue }
                    let (eventTitle, lang) = title(option.event)
                    for session in event.sessions where session.id != journey.reservation(for: step.id)?.$session.id {
                        if let from = journey.circuit?.validFrom, session.startsAt < from { continue }
                        if let until = journey.circuit?.validUntil, session.startsAt > until { continue }
                        if session.startsAt > voucher.expiresAt { continue }
                        let left = max(0, session.capacity - session.reserved)
                        choices.append(
                            Choice(
                                session: try session.requireID().uuidString.lowercased(), title: eventTitle,
                                lang: lang, when: format(session.startsAt, event),
                                datetime: session.startsAt.formatted(.iso8601), place: place(event),
                                seats: left == 0
                                    ? req.t("journey-full")
                                    : req.t("journey-seats", ["count": .number(FluentNumber(left))]),
                                full: left == 0))
                    }
                }
                view.choices = choices.isEmpty ? nil : choices
            }
            steps.append(view)
        }
        let heading = try await EventPresenter.voucherTitle(
            voucher, language: req.language, fallbacks: EventPresenter.fallbacks(req), on: req.db)
        let certificate = try await CertificateModel.query(on: req.db).filter(\.$voucher.$id == voucher.requireID())
            .filter(\.$withdrawnAt == nil).first()
        return View(
            heading: heading?.title ?? "",
            headingLang: heading.map { $0.language == req.language ? nil : $0.language }
                ?? nil,
            progress: req.t(
                "journey-progress",
                [
                    "done": .number(FluentNumber(progress.attended.count)),
                    "required": .number(FluentNumber(journey.plan.required)),
                ]),
            next: next.flatMap { step in
                journey.plan.steps.firstIndex(of: step).map {
                    req.t("journey-next", ["position": .number(FluentNumber($0 + 1))])
                }
            },
            steps: steps, reserveAction: SiteRoute.voucherReservations(.value(code)).path,
            certificate: certificate.map { _ in SiteRoute.voucherCertificate(.value(code)).path }, usable: usable)
    }

    // MARK: Reserving

    /// Runs a change of the voucher's reservations: back to its page with `done`'s notice, or
    /// the page again with the refusal, nothing changed.
    static func change(
        _ req: Request, done: String, _ body: (VoucherModel) async throws -> Void
    ) async throws -> Response {
        let voucher = try await VoucherController.found(req)
        req.prefer(language: try await VoucherController.holderLanguage(voucher, on: req.db))
        do {
            try await body(voucher)
        } catch let error as DomainError {
            return try await VoucherController.render(
                req, voucher, error: req.t("error-\(error.code.rawValue)"),
                status: LocalizedErrorMiddleware.status(for: error.code))
        }
        return req.redirect(to: SiteRoute.voucher(.value(voucher.code)).path + "?done=" + done, redirectType: .normal)
    }

    @Sendable static func reserve(req: Request) async throws -> Response {
        struct Form: Decodable {
            var session: String?
            var replacing: String?
        }
        let form = try req.content.decode(Form.self)
        return try await change(req, done: "reserved") { voucher in
            guard let session = form.session.flatMap(UUID.init(uuidString:)) else {
                throw DomainError(.required, field: "session")
            }
            var replacing: UUID?
            if let text = form.replacing, !text.isEmpty {
                guard let id = UUID(uuidString: text) else { throw DomainError(.invalidValue, field: "reservation") }
                replacing = id
            }
            _ = try await Journeys.reserve(
                voucherID: voucher.requireID(), sessionID: session, replacing: replacing, app: req.application,
                on: req.db)
        }
    }

    @Sendable static func cancel(req: Request) async throws -> Response {
        try await change(req, done: "cancelled") { voucher in
            guard let id = req.parameters.get("reservationID").flatMap(UUID.init(uuidString:)) else {
                throw DomainError(.notFound)
            }
            try await Journeys.cancel(
                voucherID: voucher.requireID(), reservationID: id, app: req.application, on: req.db)
        }
    }

    /// The reservation as an iCalendar file (RFC 5545), in the holder's language.
    @Sendable static func calendar(req: Request) async throws -> Response {
        let voucher = try await VoucherController.found(req)
        req.prefer(language: try await VoucherController.holderLanguage(voucher, on: req.db))
        guard let id = req.parameters.get("reservationID").flatMap(UUID.init(uuidString:)),
            let reservation = try await ReservationModel.query(on: req.db).filter(\.$id == id)
                .filter(\.$voucher.$id == voucher.requireID()).with(\.$session).first(),
            let event = try await EventModel.query(on: req.db).filter(\.$id == reservation.$event.id)
                .with(\.$texts).with(\.$venue).first()
        else { throw DomainError(.notFound) }
        let text = EventPresenter.text(of: event, for: req)
        let url = req.application.mentore.config.siteURL + SiteRoute.voucher(.value(voucher.code)).path
        let ics = ICalendar.event(
            uid: "\(id.uuidString.lowercased())@mentore", stamp: reservation.createdAt,
            start: reservation.session.startsAt, end: reservation.session.endsAt, summary: text?.title ?? "",
            location: "\(event.venue.name), \(event.venue.address), \(event.venue.city)",
            description: req.t("journey-calendar-note"), url: url)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"mentore.ics\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: ics))
    }
}

/// iCalendar text for one event (RFC 5545): CRLF lines folded at 75 octets, text escaped.
enum ICalendar {
    static func event(
        uid: String, stamp: Date, start: Date, end: Date, summary: String, location: String, description: String,
        url: String
    ) -> String {
        func utc(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = .gmt
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            return formatter.string(from: date)
        }
        let lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mentore//Journeys//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(utc(stamp))", "DTSTART:\(utc(start))",
            "DTEND:\(utc(end))", "SUMMARY:\(escape(summary))", "LOCATION:\(escape(location))",
            "DESCRIPTION:\(escape(description))", "URL:\(url)", "END:VEVENT", "END:VCALENDAR",
        ]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }
}
