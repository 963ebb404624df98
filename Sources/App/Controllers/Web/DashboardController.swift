import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Each role's home after signing in.
enum DashboardController {
    struct View: Encodable {
        var intro: String
        var cards: [Card]
    }

    struct Card: Encodable {
        var title: String
        var text: String
        var links: [Page<View>.Link]
        /// Title or text typed by people (an organisation's name, a city): `translate="no"`.
        var titleIsData = false
        var textIsData = false
    }

    /// Sends the user to the dashboard of their most specific role.
    @Sendable static func dashboard(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let target: SiteRoute =
            if user.roles.contains(.admin) { .adminHome } else if user.roles.contains(.organizerManager) {
                .organizerHome
            } else if user.roles.contains(.doorStaff) { .doorHome } else if user.roles.contains(.partnerCoordinator) {
                .partnerHome
            } else { .mentorHome }
        return req.redirect(to: target.path, redirectType: .normal)
    }

    static func render(_ req: Request, title: String, intro: String, cards: [Card]) async throws -> Response {
        try await req.page("dashboard", title: title, View(intro: intro, cards: cards))
    }

    static func accountCard(_ req: Request) -> Card {
        Card(
            title: req.t("dashboard-account-title"), text: req.t("dashboard-account-text"),
            links: [.init(href: SiteRoute.account.path, label: req.t("dashboard-account-link"))])
    }

    @Sendable static func mentor(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let events = try await CatalogController.upcoming(on: req.db, now: req.now, limit: 5)
        let links = try events.map { e in
            let text = EventPresenter.text(of: e, for: req)
            return Page<View>.Link(
                href: SiteRoute.event(.value(try e.requireID())).path, label: text?.title ?? "", lang: text?.language)
        }
        return try await render(
            req, title: req.t("dashboard-mentor-title"),
            intro: req.t("dashboard-welcome", ["name": .string(user.displayName)]),
            cards: [
                Card(
                    title: req.t("dashboard-mentor-events-title"), text: req.t("dashboard-mentor-events-text"),
                    links: links + [
                        .init(href: SiteRoute.events.path, label: req.t("nav-events")),
                        .init(href: SiteRoute.funds.path, label: req.t("funds-title")),
                    ]),
                try await contributionsCard(req, mentorID: user.id),
                accountCard(req),
            ])
    }

    /// The mentor's contributions, newest first, each linking to its page.
    static func contributionsCard(_ req: Request, mentorID: UUID) async throws -> Card {
        let contributions = try await ContributionModel.query(on: req.db).filter(\.$mentor.$id == mentorID)
            .sort(\.$number, .descending).range(..<20).all()
        return Card(
            title: req.t("mentor-contributions-title"),
            text: req.t(contributions.isEmpty ? "mentor-contributions-empty" : "mentor-contributions-text"),
            links: try [.init(href: SiteRoute.mentorImpact.path, label: req.t("impact-title"))]
                + contributions.map {
                    .init(
                        href: SiteRoute.contribution(.value(try $0.requireID())).path,
                        label: req.t(
                            "mentor-contribution-line",
                            [
                                "number": .integer($0.number),
                                "amount": .string(FundsController.money(req, $0.amountMinor, $0.currency)),
                                "status": .string(req.t("contribution-status-\($0.status.rawValue)")),
                            ]))
                })
    }

    @Sendable static func partner(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let query = PartnerModel.query(on: req.db).sort(\.$name)
        if !user.isAdmin { query.filter(\.$id ~~ Array(user.partners)) }
        let partners = try await query.all()
        let cards = try partners.map { p in
            Card(
                title: p.name, text: p.city,
                links: [
                    .init(
                        href: SiteRoute.partnerVouchers(.value(try p.requireID())).path,
                        label: req.t("partner-vouchers-title")),
                    .init(
                        href: SiteRoute.partnerWaiting(.value(try p.requireID())).path, label: req.t("waiting-title")),
                    .init(
                        href: SiteRoute.partnerMembers(.value(try p.requireID())).path, label: req.t("action-members")),
                ], titleIsData: true, textIsData: true)
        }
        return try await render(
            req, title: req.t("dashboard-partner-title"),
            intro: req.t("dashboard-welcome", ["name": .string(user.displayName)]), cards: cards + [accountCard(req)])
    }

    static func organizers(_ req: Request, managedOnly: Bool) async throws -> [OrganizerModel] {
        let user = try req.requireUser()
        let query = OrganizerModel.query(on: req.db).filter(\.$status == .approved).sort(\.$name)
        if !user.isAdmin {
            let ids = user.organizers.filter { !managedOnly || $0.value == .manager }.map(\.key)
            query.filter(\.$id ~~ ids)
        }
        return try await query.all()
    }

    @Sendable static func organizer(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organizers = try await organizers(req, managedOnly: true)
        var cards: [Card] = []
        for organizer in organizers {
            let id = try organizer.requireID()
            let venues = try await VenueModel.query(on: req.db).filter(\.$organizer.$id == id).count()
            let events = try await EventModel.query(on: req.db).filter(\.$organizer.$id == id).count()
            cards.append(
                Card(
                    title: organizer.name,
                    text: req.t(
                        "dashboard-organizer-summary", ["venues": .integer(venues), "events": .integer(events)]),
                    links: [
                        .init(href: ProgrammeRoute.events(.value(id)).path, label: req.t("admin-events-title")),
                        .init(href: ProgrammeRoute.venues(.value(id)).path, label: req.t("admin-venues-title")),
                        .init(href: SiteRoute.organizerMembers(.value(id)).path, label: req.t("action-members")),
                        .init(href: SiteRoute.organizerDevices(.value(id)).path, label: req.t("devices-title")),
                        .init(
                            href: SiteRoute.organizerSettlements(.value(id)).path, label: req.t("settlements-title")),
                        .init(href: SiteRoute.doorHome.path, label: req.t("nav-door")),
                    ], titleIsData: true))
        }
        return try await render(
            req, title: req.t("dashboard-organizer-title"),
            intro: req.t("dashboard-welcome", ["name": .string(user.displayName)]), cards: cards + [accountCard(req)])
    }

    /// The sessions of the next two weeks at the user's Organizers (today's first), each
    /// opening the list of people expected.
    @Sendable static func door(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organizerIDs = try await organizers(req, managedOnly: false).map { try $0.requireID() }
        let now = req.now
        let sessions = try await EventSessionModel.query(on: req.db)
            .join(EventModel.self, on: \EventSessionModel.$event.$id == \EventModel.$id)
            .filter(EventModel.self, \.$organizer.$id ~~ organizerIDs)
            .filter(\.$endsAt > now).filter(\.$startsAt < now.addingTimeInterval(14 * 86400))
            .filter(\.$cancelledAt == nil)
            .with(\.$event) { $0.with(\.$texts).with(\.$venue) }
            .sort(\.$startsAt).all()
        let rows = try sessions.map { s -> ListView.Row in
            let format = Formatting(
                language: req.language, timeZone: TimeZone(identifier: s.event.venue.timeZone) ?? .gmt)
            let text = EventPresenter.text(of: s.event, for: req)
            return ListView.Row(
                cells: [
                    .time(s.startsAt, format.dateTime(s.startsAt)), .data(text?.title ?? "", lang: text?.language),
                    .data(s.event.venue.name),
                    .text(
                        req.t("door-places", ["reserved": .integer(s.reserved), "capacity": .integer(s.capacity)])),
                ],
                actions: [
                    .init(href: SiteRoute.doorScan(.value(try s.requireID())).path, label: req.t("door-scan")),
                    .init(href: SiteRoute.doorSession(.value(try s.requireID())).path, label: req.t("door-expected")),
                ])
        }
        let view = ListView(
            intro: .text(req.t("dashboard-welcome", ["name": .string(user.displayName)]) + " " + req.t("door-intro")),
            columns: [req.t("column-starts"), req.t("column-title"), req.t("column-venue"), req.t("column-capacity")],
            rows: rows,
            empty: req.t("door-empty"))
        return try await req.page("list", title: req.t("dashboard-door-title"), view)
    }

    @Sendable static func admin(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pending = try await OrganizerModel.query(on: req.db).filter(\.$status == .pending).count()
        func card(_ key: String, _ route: SiteRoute, _ args: [String: FTLValue] = [:]) -> Card {
            Card(
                title: req.t("admin-\(key)-title"), text: req.t("admin-\(key)-text", args),
                links: [.init(href: route.path, label: req.t("admin-\(key)-title"))])
        }
        return try await render(
            req, title: req.t("dashboard-admin-title"),
            intro: req.t("dashboard-welcome", ["name": .string(user.displayName)]),
            cards: [
                card("organizers", .adminOrganizers, ["pending": .integer(pending)]),
                card("partners", .adminPartners), card("venues", .adminVenues), card("events", .adminEvents),
                card("circuits", .adminCircuits), card("funds", .adminFunds),
                card("contributions", .adminContributions), card("settlements", .adminSettlements),
                card("audit", .adminAudit),
                accountCard(req),
            ])
    }
}
