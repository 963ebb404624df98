import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Settlements: organizer managers follow their admissions and what is due per period, and
/// read each settlement's statement (a printable page and a CSV, in the organizer's
/// language); admins create settlements and mark them paid.
enum SettlementsController {
    /// Several tables on one page, each under its heading.
    struct TablesView: Encodable {
        struct Table: Encodable {
            var id: String
            var heading: String
            var columns: [String]
            var rows: [ListView.Row]
            var empty: String
            var hasRows: Bool { !rows.isEmpty }

            private enum CodingKeys: String, CodingKey { case id, heading, columns, rows, empty, hasRows }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(heading, forKey: .heading)
                try c.encode(columns, forKey: .columns)
                try c.encode(rows, forKey: .rows)
                try c.encode(empty, forKey: .empty)
                try c.encode(hasRows, forKey: .hasRows)
            }
        }

        var intro: String?
        var notice: String? = nil
        var links: [ListView.Action]
        var tables: [Table]
        var form: FormView? = nil
    }

    struct StatementView: Encodable {
        var facts: [ReceiptController.Fact]
        var columns: [String]
        var rows: [ListView.Row]
        var hasRows: Bool
        var empty: String
        var totals: [ReceiptController.Fact]
        var links: [ListView.Action]
        var languages: [Page<StatementView>.Link]
        var languagesLabel: String
        var printHint: String
        var form: FormView?
    }

    // MARK: Organizer managers

    static func organizer(_ req: Request) async throws -> OrganizerModel {
        let user = try req.requireUser()
        guard let id = req.parameters.get("organizerID").flatMap(UUID.init(uuidString:)),
            let organizer = try await OrganizerModel.find(id, on: req.db)
        else { throw DomainError(.notFound) }
        guard user.canManage(organizer: id) else { throw DomainError(.forbidden) }
        return organizer
    }

    @Sendable static func organizer(req: Request) async throws -> Response {
        let organizer = try await organizer(req)
        let id = try organizer.requireID()
        let format = Formatting.platform(req.language)
        let pending = try await Settlements.pending(organizerID: id, on: req.db)
        let pendingRows = pending.map { p -> ListView.Row in
            ListView.Row(cells: [
                .time(monthStart(p.month), format.monthYear(monthStart(p.month))),
                .text(req.t("settlement-admissions-count", ["count": .integer(p.totals.admissions)])),
                .data(FundsController.money(req, p.totals.admittedMinor, p.currency)),
                .data(FundsController.money(req, -p.totals.carriedMinor, p.currency)),
                .data(FundsController.money(req, p.totals.netMinor, p.currency)),
            ])
        }
        let settlements = try await SettlementModel.query(on: req.db).filter(\.$organizer.$id == id)
            .sort(\.$firstDay, .descending).sort(\.$currency).all()
        let view = TablesView(
            intro: req.t("settlements-intro", ["organizer": .string(organizer.name)]),
            links: [.init(href: SiteRoute.organizerHome.path, label: req.t("dashboard-organizer-title"))],
            tables: [
                .init(
                    id: "pending", heading: req.t("settlements-pending"),
                    columns: [
                        req.t("column-month"), req.t("column-admissions"), req.t("column-admitted-amount"),
                        req.t("column-carried-voids"), req.t("column-due"),
                    ], rows: pendingRows, empty: req.t("settlements-pending-empty")),
                .init(
                    id: "settled", heading: req.t("settlements-list"), columns: settlementColumns(req),
                    rows: try settlements.map { try row(req, $0, organizerID: id) }, empty: req.t("settlements-empty")),
            ])
        return try await req.page("tables", title: req.t("settlements-title"), view)
    }

    static func monthStart(_ month: String) -> Date {
        SessionDraft.parseLocal(month + "-01T12:00", timeZone: Formatting.platformTimeZone)
            ?? Date(timeIntervalSince1970: 0)
    }

    static func settlementColumns(_ req: Request) -> [String] {
        [
            req.t("column-settlement"), req.t("column-period"), req.t("column-admissions"),
            req.t("column-carried-voids"), req.t("column-due"), req.t("column-status"),
        ]
    }

    static func row(_ req: Request, _ s: SettlementModel, organizerID: UUID, organizerName: String? = nil) throws
        -> ListView.Row
    {
        let id = try s.requireID()
        var cells: [ListView.Cell] = [.data(s.number)]
        if let organizerName { cells.append(.data(organizerName)) }
        cells += [
            .text(period(req, s)),
            .text(req.t("settlement-admissions-count", ["count": .integer(s.admissions)])),
            .text(req.t("settlement-admissions-count", ["count": .integer(s.carriedVoids)])),
            .data(FundsController.money(req, s.totals.netMinor, s.currency)),
            .text(req.t(s.paidAt == nil ? "settlement-status-unpaid" : "settlement-status-paid")),
        ]
        return ListView.Row(
            cells: cells,
            actions: [
                .init(
                    href: SiteRoute.organizerSettlement(.value(organizerID), settlement: .value(id)).path,
                    label: req.t("settlement-statement"))
            ])
    }

    static func period(_ req: Request, _ s: SettlementModel) -> String {
        let format = Formatting.platform(req.language)
        let zone = Formatting.platformTimeZone
        let first = SessionDraft.parseLocal(s.firstDay + "T12:00", timeZone: zone) ?? s.createdAt
        let last = SessionDraft.parseLocal(s.lastDay + "T12:00", timeZone: zone) ?? s.createdAt
        return req.t("settlement-period", ["first": .string(format.date(first)), "last": .string(format.date(last))])
    }

    static func settlement(_ req: Request, organizerID: UUID) async throws -> SettlementModel {
        guard let id = req.parameters.get("settlementID").flatMap(UUID.init(uuidString:)),
            let settlement = try await SettlementModel.find(id, on: req.db), settlement.$organizer.id == organizerID
        else { throw DomainError(.notFound) }
        return settlement
    }

    /// The statement, in the organizer's language (`?lang=` reads it in another).
    @Sendable static func statement(req: Request) async throws -> Response {
        let organizer = try await organizer(req)
        req.speak(document: organizer.language)
        return try await renderStatement(req, organizer: organizer)
    }

    static func renderStatement(
        _ req: Request, organizer: OrganizerModel, input: PaidInput = .init(), errors: [String: String] = [:],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let organizerID = try organizer.requireID()
        let settlement = try await settlement(req, organizerID: organizerID)
        let id = try settlement.requireID()
        let lines = try await Settlements.lines(of: id, on: req.db)
        let format = Formatting.platform(req.language)
        let money = { (minor: Int) in FundsController.money(req, minor, settlement.currency) }
        var facts = [
            ReceiptController.Fact(label: req.t("column-settlement"), value: settlement.number, data: true),
            .init(label: req.t("settlement-organizer"), value: organizer.name, data: true),
            .init(label: req.t("column-period"), value: period(req, settlement), data: false),
            .init(label: req.t("settlement-created"), value: format.date(settlement.createdAt), data: false),
            .init(
                label: req.t("column-status"),
                value: settlement.paidAt.map {
                    req.t("settlement-paid-on", ["date": .string(format.date($0))])
                } ?? req.t("settlement-status-unpaid"), data: false),
        ]
        if let reference = settlement.paidReference, !reference.isEmpty {
            facts.append(.init(label: req.t("settlement-paid-reference"), value: reference, data: true))
        }
        let rows = lines.map { line -> ListView.Row in
            let r = line.redemption
            let text = EventPresenter.text(of: r.event, for: req)
            let when = line.carried ? (r.voidedAt ?? r.admittedAt) : r.admittedAt
            return ListView.Row(cells: [
                .time(when, format.dateTime(when)),
                .text(req.t(line.carried ? "settlement-line-void" : "settlement-line-admission")),
                .data(text?.title ?? "—", lang: text?.language == req.language ? nil : text?.language),
                .time(r.session.startsAt, format.dateTime(r.session.startsAt)),
                .data(reference(r)), .data(r.door ?? "—"), .data(money(line.amountMinor)),
            ])
        }
        let totals = [
            ReceiptController.Fact(
                label: req.t("settlement-total-admissions", ["count": .integer(settlement.admissions)]),
                value: money(settlement.admittedMinor), data: true),
            .init(
                label: req.t("settlement-total-voids", ["count": .integer(settlement.carriedVoids)]),
                value: money(-settlement.carriedMinor), data: true),
            .init(label: req.t("column-due"), value: money(settlement.totals.netMinor), data: true),
        ]
        var form: FormView?
        if try req.requireUser().isAdmin, settlement.paidAt == nil {
            var paid = FormView(
                action: SiteRoute.adminSettlementPaid(.value(id)).path, submit: req.t("settlement-mark-paid"),
                fields: [
                    .init(
                        name: "reference", label: req.t("field-payment-reference"), type: "text",
                        value: input.reference ?? "", hint: req.t("hint-payment-reference"), required: false,
                        autocomplete: "off")
                ])
            paid.apply(errors: errors, summary: req.t("form-has-errors"))
            form = paid
        }
        let here = SiteRoute.organizerSettlement(.value(organizerID), settlement: .value(id)).path
        let view = StatementView(
            facts: facts,
            columns: [
                req.t("column-when"), req.t("column-kind"), req.t("column-event"), req.t("column-session"),
                req.t("column-reference"), req.t("column-door"), req.t("column-amount"),
            ], rows: rows, hasRows: !rows.isEmpty, empty: req.t("settlement-no-lines"), totals: totals,
            links: [
                .init(
                    href: SiteRoute.organizerSettlementCSV(.value(organizerID), settlement: .value(id)).path
                        + "?lang=" + req.language, label: req.t("settlement-csv")),
                .init(
                    href: SiteRoute.organizerSettlements(.value(organizerID)).path, label: req.t("settlements-title")),
            ],
            languages: Language.allCases.map {
                .init(
                    href: here + "?lang=" + $0.rawValue, label: req.t("language-self-\($0.rawValue)"),
                    current: $0.rawValue == req.language, lang: $0.rawValue)
            }, languagesLabel: req.t("settlement-languages"), printHint: req.t("settlement-print-hint"), form: form)
        return try await req.page(
            "settlement", title: req.t("settlement-title", ["number": .string(settlement.number)]), view,
            status: status)
    }

    /// A line's reference on statements: the admission's first eight characters.
    static func reference(_ r: RedemptionModel) -> String {
        String((r.id?.uuidString ?? "").prefix(8)).uppercased()
    }

    /// The statement as CSV (amounts as plain decimals), in the organizer's language.
    @Sendable static func csv(req: Request) async throws -> Response {
        let organizer = try await organizer(req)
        req.speak(document: organizer.language)
        let settlement = try await settlement(req, organizerID: try organizer.requireID())
        let lines = try await Settlements.lines(of: try settlement.requireID(), on: req.db)
        let zone = Formatting.platformTimeZone
        var rows: [[String]] = [
            [
                req.t("column-when"), req.t("column-kind"), req.t("column-event"), req.t("column-session"),
                req.t("column-reference"), req.t("column-door"), req.t("column-amount"), req.t("column-currency"),
            ]
        ]
        for line in lines {
            let r = line.redemption
            let when = line.carried ? (r.voidedAt ?? r.admittedAt) : r.admittedAt
            rows.append([
                SessionDraft.formatLocal(when, timeZone: zone).replacingOccurrences(of: "T", with: " "),
                req.t(line.carried ? "settlement-line-void" : "settlement-line-admission"),
                EventPresenter.text(of: r.event, for: req)?.title ?? "",
                SessionDraft.formatLocal(r.session.startsAt, timeZone: zone).replacingOccurrences(of: "T", with: " "),
                reference(r), r.door ?? "",
                Money(minor: line.amountMinor, currency: settlement.currency).decimalString,
                settlement.currency.rawValue,
            ])
        }
        rows.append([
            req.t("column-due"), "", "", "", "", "",
            Money(minor: settlement.totals.netMinor, currency: settlement.currency).decimalString,
            settlement.currency.rawValue,
        ])
        let response = Response(status: .ok, body: .init(string: CSVWriter.document(rows)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"statement-\(settlement.number).csv\"")
        response.headers.replaceOrAdd(name: .contentLanguage, value: req.language)
        return response
    }

    // MARK: Admins

    struct CreateInput: Content {
        var organizer: String?
        var first: String?
        var last: String?
    }

    struct PaidInput: Content {
        var reference: String?
    }

    @Sendable static func admin(req: Request) async throws -> Response {
        try await renderAdmin(req, input: .init())
    }

    static func renderAdmin(
        _ req: Request, input: CreateInput, errors: [String: String] = [:], notice: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let organizers = try await OrganizerModel.query(on: req.db).filter(\.$status == .approved).sort(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: try organizers.map { (try $0.requireID(), $0.name) })
        let settlements = try await SettlementModel.query(on: req.db).sort(\.$createdAt, .descending).sort(\.$id)
            .all()
        var columns = settlementColumns(req)
        columns.insert(req.t("settlement-organizer"), at: 1)
        var form = FormView(
            action: SiteRoute.adminSettlements.path, submit: req.t("settlement-create"),
            fields: [
                .init(
                    name: "organizer", label: req.t("settlement-organizer"), type: "select",
                    options: try organizers.map {
                        .init(
                            value: try $0.requireID().uuidString, label: $0.name,
                            selected: try $0.requireID().uuidString == input.organizer, data: true)
                    }),
                .init(name: "first", label: req.t("field-period-first"), type: "date", value: input.first ?? ""),
                .init(
                    name: "last", label: req.t("field-period-last"), type: "date", value: input.last ?? "",
                    hint: req.t("hint-period-last")),
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        let view = TablesView(
            intro: req.t("admin-settlements-intro"), notice: notice,
            links: [.init(href: SiteRoute.adminHome.path, label: req.t("nav-admin"))],
            tables: [
                .init(
                    id: "settlements", heading: req.t("settlements-list"), columns: columns,
                    rows: try settlements.map {
                        try row(
                            req, $0, organizerID: $0.$organizer.id, organizerName: names[$0.$organizer.id] ?? "—")
                    }, empty: req.t("settlements-empty"))
            ], form: form)
        return try await req.page("tables", title: req.t("admin-settlements-title"), view, status: status)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(CreateInput.self)
        let actor = try req.requireUser().email
        let now = req.now
        do {
            guard let organizerID = input.organizer.flatMap(UUID.init(uuidString:)) else {
                throw ValidationErrors([DomainError(.required, field: "organizer")])
            }
            let period = try SettlementPeriod(
                first: input.first, last: input.last, now: now, timeZone: Formatting.platformTimeZone)
            let made = try await Settlements.settle(
                organizerID: organizerID, period: period, createdBy: actor, at: now,
                audit: { s in
                    Audit.event(
                        req, "create", "settlement", s.id,
                        detail:
                            "\(s.firstDay)…\(s.lastDay) \(Money(minor: s.totals.netMinor, currency: s.currency).decimalString) \(s.currency.rawValue)"
                    )
                }, on: req.db)
            return try await renderAdmin(
                req, input: .init(),
                notice: req.t("settlement-created-notice", ["count": .integer(made.count)]), status: .created)
        } catch let errors as ValidationErrors {
            return try await renderAdmin(
                req, input: input, errors: req.messages(for: errors), status: .unprocessableEntity)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another admin created a settlement for the same organizer and days meanwhile.
            return try await renderAdmin(
                req, input: input,
                errors: req.messages(for: ValidationErrors([DomainError(.settlementOverlaps, field: "first")])),
                status: .conflict)
        } catch let error as DomainError where error.field != nil {
            let status: HTTPStatus = error.code == .settlementOverlaps ? .conflict : .unprocessableEntity
            return try await renderAdmin(
                req, input: input, errors: req.messages(for: ValidationErrors([error])), status: status)
        }
    }

    @Sendable static func markPaid(req: Request) async throws -> Response {
        guard let id = req.parameters.get("settlementID").flatMap(UUID.init(uuidString:)),
            let settlement = try await SettlementModel.find(id, on: req.db),
            let organizer = try await OrganizerModel.find(settlement.$organizer.id, on: req.db)
        else { throw DomainError(.notFound) }
        let input = try req.content.decode(PaidInput.self)
        var v = Validator()
        let reference = v.text(input.reference, field: "reference", required: false, max: 100)
        do {
            try v.finish()
        } catch {
            req.parameters.set("organizerID", to: try organizer.requireID().uuidString)
            return try await renderStatement(
                req, organizer: organizer, input: input, errors: req.messages(for: error),
                status: .unprocessableEntity)
        }
        let actor = try req.requireUser().email
        let now = req.now
        try await Settlements.pay(
            id, reference: reference, by: actor, at: now,
            audit: Audit.event(req, "pay", "settlement", id, detail: reference), on: req.db)
        return req.redirect(
            to: SiteRoute.organizerSettlement(.value(try organizer.requireID()), settlement: .value(id)).path,
            redirectType: .normal)
    }
}
