import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins add and delete the Sessions of an Event; moving, resizing and cancelling are the
/// organizer's session pages, which admins may open too.
enum AdminSessionsController {
    typealias SessionInput = SessionsPage.Input

    static func links(_ event: EventModel) throws -> SessionsPage.Links {
        let eventID = try event.requireID()
        return .init(
            list: SiteRoute.adminEventSessions(.value(eventID)).path,
            back: SiteRoute.adminEventEdit(.value(eventID)).path,
            organizer: event.$organizer.id,
            delete: { SiteRoute.adminEventSessionDelete(.value(eventID), session: .value($0)).path })
    }

    static func event(_ req: Request) async throws -> EventModel {
        try await EventModel.query(on: req.db).filter(\.$id == req.idParameter("eventID")).with(\.$venue)
            .with(\.$texts).first().orNotFound()
    }

    @Sendable static func sessions(req: Request) async throws -> Response {
        let event = try await event(req)
        return try await SessionsPage.render(req, event: event, links: links(event), input: .init())
    }

    @Sendable static func addSession(req: Request) async throws -> Response {
        let event = try await event(req)
        return try await SessionsPage.add(req, event: event, links: links(event))
    }

    @Sendable static func deleteSession(req: Request) async throws -> Response {
        let eventID = try req.idParameter("eventID")
        let sessionID = try req.idParameter("sessionID")
        try await CatalogStore.deleteSession(
            sessionID, of: eventID,
            record: .init(audit: Audit.event(req, "delete", "session", sessionID, detail: "event \(eventID)")),
            on: req.db)
        return req.redirect(to: SiteRoute.adminEventSessions(.value(eventID)).path, redirectType: .normal)
    }
}
