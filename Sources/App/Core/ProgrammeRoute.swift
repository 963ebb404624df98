import Domain
import Foundation
import Vapor

/// The pages and API paths of an organizer's own programme (venues, events, sessions), kept
/// apart from `SiteRoute` as one area of routes that registers them and builds their links.
enum ProgrammeRoute {
    case venues(Parameter<UUID>)
    case venueNew(Parameter<UUID>)
    case venueEdit(Parameter<UUID>, venue: Parameter<UUID>)
    case events(Parameter<UUID>)
    case eventNew(Parameter<UUID>)
    case eventEdit(Parameter<UUID>, event: Parameter<UUID>)
    case sessions(Parameter<UUID>, event: Parameter<UUID>)
    case sessionEdit(Parameter<UUID>, event: Parameter<UUID>, session: Parameter<UUID>)
    case sessionCancel(Parameter<UUID>, event: Parameter<UUID>, session: Parameter<UUID>)
    case sessionDelete(Parameter<UUID>, event: Parameter<UUID>, session: Parameter<UUID>)
    /// Admins only: take an event out of the catalog, with a reason.
    case adminEventUnpublish(Parameter<UUID>)

    // The organizer API (`/api/v1`): scripts rely on these paths.
    case apiVenues(Parameter<UUID>)
    case apiEvents(Parameter<UUID>)
    case apiEvent(Parameter<UUID>)
    case apiEventSessions(Parameter<UUID>)
    case apiSession(Parameter<UUID>)
    case apiSessionCancel(Parameter<UUID>)

    var pathComponents: [PathComponent] {
        func p(_ name: String, _ parameter: Parameter<UUID>) -> PathComponent {
            switch parameter {
            case .key: .parameter(name)
            case .value(let value): .constant(value.uuidString.lowercased())
            }
        }
        let organizer = { (id: Parameter<UUID>) -> [PathComponent] in ["organizer", p("organizerID", id)] }
        switch self {
        case .venues(let id): return organizer(id) + ["venues"]
        case .venueNew(let id): return organizer(id) + ["venues", "new"]
        case .venueEdit(let id, let venue): return organizer(id) + ["venues", p("venueID", venue), "edit"]
        case .events(let id): return organizer(id) + ["events"]
        case .eventNew(let id): return organizer(id) + ["events", "new"]
        case .eventEdit(let id, let event): return organizer(id) + ["events", p("eventID", event), "edit"]
        case .sessions(let id, let event): return organizer(id) + ["events", p("eventID", event), "sessions"]
        case .sessionEdit(let id, let event, let session):
            return organizer(id) + ["events", p("eventID", event), "sessions", p("sessionID", session), "edit"]
        case .sessionCancel(let id, let event, let session):
            return organizer(id) + ["events", p("eventID", event), "sessions", p("sessionID", session), "cancel"]
        case .sessionDelete(let id, let event, let session):
            return organizer(id) + ["events", p("eventID", event), "sessions", p("sessionID", session), "delete"]
        case .adminEventUnpublish(let event): return ["admin", "events", p("eventID", event), "unpublish"]
        case .apiVenues(let id): return ["api", "v1", "organizers", p("organizerID", id), "venues"]
        case .apiEvents(let id): return ["api", "v1", "organizers", p("organizerID", id), "events"]
        case .apiEvent(let event): return ["api", "v1", "events", p("eventID", event)]
        case .apiEventSessions(let event): return ["api", "v1", "events", p("eventID", event), "sessions"]
        case .apiSession(let session): return ["api", "v1", "sessions", p("sessionID", session)]
        case .apiSessionCancel(let session): return ["api", "v1", "sessions", p("sessionID", session), "cancel"]
        }
    }

    /// The link to this page.
    var path: String { "/" + pathComponents.map(\.description).joined(separator: "/") }
}

extension RoutesBuilder {
    /// Registers a handler for a programme page or API path, inside the area the builder guards.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: ProgrammeRoute, area: Area,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let registered = self.on(method, route.pathComponents, body: .collect, use: handler)
        registered.userInfo["area"] = area.rawValue
        return registered
    }
}

/// Registers the programme's pages (organizer area; admins' unpublishing in the admin area)
/// and its API (`/api/v1`, personal tokens, every POST with an `Idempotency-Key`).
func programmeRoutes(_ app: Application) {
    let organizer = app.routes.grouped(AreaMiddleware(area: .organizer))
    organizer.on(.GET, ProgrammeRoute.venues(.key), area: .organizer, use: ProgrammeVenuesController.list)
    for method in [HTTPMethod.GET, .POST] {
        organizer.on(method, ProgrammeRoute.venueNew(.key), area: .organizer, use: ProgrammeVenuesController.save)
        organizer.on(
            method, ProgrammeRoute.venueEdit(.key, venue: .key), area: .organizer, use: ProgrammeVenuesController.save)
        organizer.on(method, ProgrammeRoute.eventNew(.key), area: .organizer, use: ProgrammeEventsController.save)
        organizer.on(
            method, ProgrammeRoute.eventEdit(.key, event: .key), area: .organizer, use: ProgrammeEventsController.save)
        organizer.on(
            method, ProgrammeRoute.sessionEdit(.key, event: .key, session: .key), area: .organizer,
            use: ProgrammeSessionsController.change)
        organizer.on(
            method, ProgrammeRoute.sessionCancel(.key, event: .key, session: .key), area: .organizer,
            use: ProgrammeSessionsController.cancel)
    }
    organizer.on(.GET, ProgrammeRoute.events(.key), area: .organizer, use: ProgrammeEventsController.list)
    organizer.on(
        .GET, ProgrammeRoute.sessions(.key, event: .key), area: .organizer, use: ProgrammeSessionsController.list)
    organizer.on(
        .POST, ProgrammeRoute.sessions(.key, event: .key), area: .organizer, use: ProgrammeSessionsController.add)
    organizer.on(
        .POST, ProgrammeRoute.sessionDelete(.key, event: .key, session: .key), area: .organizer,
        use: ProgrammeSessionsController.delete)

    let admin = app.routes.grouped(AreaMiddleware(area: .admin))
    for method in [HTTPMethod.GET, .POST] {
        admin.on(method, ProgrammeRoute.adminEventUnpublish(.key), area: .admin, use: AdminEventsController.unpublish)
    }

    let api = app.routes.grouped(AreaMiddleware(area: .organizer))
    let writes = api.grouped(IdempotencyMiddleware(required: true))
    api.on(.GET, ProgrammeRoute.apiVenues(.key), area: .organizer, use: ProgrammeAPIController.venues)
    writes.on(.POST, ProgrammeRoute.apiVenues(.key), area: .organizer, use: ProgrammeAPIController.createVenue)
    api.on(.GET, ProgrammeRoute.apiEvents(.key), area: .organizer, use: ProgrammeAPIController.events)
    writes.on(.POST, ProgrammeRoute.apiEvents(.key), area: .organizer, use: ProgrammeAPIController.createEvent)
    api.on(.PATCH, ProgrammeRoute.apiEvent(.key), area: .organizer, use: ProgrammeAPIController.updateEvent)
    writes.on(
        .POST, ProgrammeRoute.apiEventSessions(.key), area: .organizer, use: ProgrammeAPIController.createSessions)
    api.on(.PATCH, ProgrammeRoute.apiSession(.key), area: .organizer, use: ProgrammeAPIController.updateSession)
    writes.on(.POST, ProgrammeRoute.apiSessionCancel(.key), area: .organizer, use: ProgrammeAPIController.cancel)
}
