import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The public catalog: the home page, upcoming events with filters, and one event's page.
enum CatalogController {
    struct Filters: Content {
        var kind: String?
        var city: String?
        var language: String?
        var from: String?
    }

    /// Published events with a session still to come, matching the filters, soonest first.
    static func upcoming(on db: any Database, now: Date, filters: Filters = .init(), limit: Int? = nil) async throws
        -> [EventModel]
    {
        let query = EventModel.query(on: db).filter(\.$published == true)
            .join(VenueModel.self, on: \EventModel.$venue.$id == \VenueModel.$id)
            .with(\.$venue).with(\.$texts).with(\.$sessions)
        if let kind = filters.kind.flatMap(EventKind.init(rawValue:)) { query.filter(\.$kind == kind) }
        if let city = filters.city, !city.isEmpty { query.filter(VenueModel.self, \.$city == city) }
        let fromDate = filters.from.flatMap {
            SessionDraft.parseLocal($0 + "T00:00", timeZone: Formatting.platformTimeZone)
        }
        let language = filters.language.flatMap(Language.init(rawValue:))
        let events = try await query.all().filter { event in
            let sessions = event.sessions.filter {
                $0.endsAt > now && $0.cancelledAt == nil && $0.startsAt >= (fromDate ?? .distantPast)
            }
            return !sessions.isEmpty && (language.map(event.languageList.contains) ?? true)
        }
        let sorted = events.sorted { a, b in
            (a.sessions.filter { $0.endsAt > now && $0.cancelledAt == nil }.map(\.startsAt).min() ?? .distantFuture)
                < (b.sessions.filter { $0.endsAt > now && $0.cancelledAt == nil }.map(\.startsAt).min()
                    ?? .distantFuture)
        }
        return limit.map { Array(sorted.prefix($0)) } ?? sorted
    }

    struct HomeView: Encodable {
        var events: [EventPresenter.Card]
        var roles: [Role]

        struct Role: Encodable {
            var title: String
            var text: String
            var href: String
            var action: String
        }
    }

    @Sendable static func home(req: Request) async throws -> Response {
        let events = try await upcoming(on: req.db, now: req.now, limit: 6).map {
            try EventPresenter.card($0, req: req, now: req.now)
        }
        let roles: [HomeView.Role] = [
            .init(
                title: req.t("home-role-mentor-title"), text: req.t("home-role-mentor-text"),
                href: SiteRoute.signUp.path, action: req.t("home-role-mentor-action")),
            .init(
                title: req.t("home-role-partner-title"), text: req.t("home-role-partner-text"),
                href: SiteRoute.login(next: SiteRoute.partnerHome.path).path, action: req.t("home-role-partner-action")),
            .init(
                title: req.t("home-role-organizer-title"), text: req.t("home-role-organizer-text"),
                href: SiteRoute.organizerApplication.path, action: req.t("home-role-organizer-action")),
        ]
        return try await req.page("home", title: req.t("home-title"), HomeView(events: events, roles: roles))
    }

    struct ListPage: Encodable {
        var events: [EventPresenter.Card]
        var count: Int
        var kinds: [FormView.Option]
        var cities: [FormView.Option]
        var languages: [FormView.Option]
        var from: String
        var filtered: Bool
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let filters = try req.query.decode(Filters.self)
        let events = try await upcoming(on: req.db, now: req.now, filters: filters).map {
            try EventPresenter.card($0, req: req, now: req.now)
        }
        let cities = Set(try await VenueModel.query(on: req.db).all().map(\.city)).sorted()
        let any = FormView.Option(value: "", label: req.t("filter-any"), selected: false)
        let page = ListPage(
            events: events, count: events.count,
            kinds: [any]
                + EventKind.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("event-kind-\($0.rawValue)"),
                        selected: filters.kind == $0.rawValue)
                },
            cities: [any] + cities.map { .init(value: $0, label: $0, selected: filters.city == $0) },
            languages: [any]
                + Language.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                        selected: filters.language == $0.rawValue)
                },
            from: filters.from ?? "",
            filtered: [filters.kind, filters.city, filters.language, filters.from].contains { !($0 ?? "").isEmpty })
        return try await req.page("events", title: req.t("events-title"), page)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("eventID").flatMap(UUID.init(uuidString:)),
            let event = try await EventModel.query(on: req.db).filter(\.$id == id).filter(\.$published == true)
                .with(\.$venue, { $0.with(\.$texts) }).with(\.$texts).with(\.$sessions).with(\.$organizer).first()
        else { throw DomainError(.notFound) }
        let card = try EventPresenter.card(event, req: req, now: req.now)
        struct View: Encodable {
            var event: EventPresenter.Card
            var address: String
            var organizer: String
            var timeZone: String
            var directions: EventPresenter.Shown?
            /// What the venue offers people with a disability, nil when nothing.
            var accessibility: String?
        }
        let accessibility = Accessibility.allCases.filter(event.venue.accessibility.contains)
            .map { req.t("accessibility-\($0.rawValue)") }
        return try await req.page(
            "event", title: card.title, titleLang: card.textLang,
            View(
                event: card, address: "\(event.venue.address), \(event.venue.city)", organizer: event.organizer.name,
                timeZone: event.venue.timeZone, directions: EventPresenter.directions(of: event.venue, req: req),
                accessibility: accessibility.isEmpty ? nil : accessibility.joined(separator: ", ")))
    }
}
