import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// An organizer's managers list, add and edit its Events, held at its own venues (the admins'
/// event form). An approved organizer's events are published at once.
enum ProgrammeEventsController {
    @Sendable static func list(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        let organizerID = try organizer.requireID()
        let events = try await EventModel.query(on: req.db).filter(\.$organizer.$id == organizerID).with(\.$venue)
            .with(\.$texts).sort(\.$createdAt, .descending).all()
        let links: [ListView.Action] = [
            .init(href: ProgrammeRoute.eventNew(.value(organizerID)).path, label: req.t("admin-event-new")),
            .init(href: ProgrammeRoute.venues(.value(organizerID)).path, label: req.t("admin-venues-title")),
        ]
        return try await AdminEventsController.render(req, events, intro: .data(organizer.name), links: links) {
            id, _ in
            [
                .init(
                    href: ProgrammeRoute.eventEdit(.value(organizerID), event: .value(id)).path,
                    label: req.t("action-edit")),
                .init(
                    href: ProgrammeRoute.sessions(.value(organizerID), event: .value(id)).path,
                    label: req.t("action-sessions")),
            ]
        }
    }

    /// The event of the path, if it is this organizer's.
    static func event(_ req: Request, organizerID: UUID) async throws -> EventModel {
        let event = try await Programme.managedEvent(req, req.idParameter("eventID"))
        guard event.$organizer.id == organizerID else { throw DomainError(.notFound) }
        return event
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        let organizerID = try organizer.requireID()
        let existing: EventModel? =
            req.parameters.get("eventID") == nil ? nil : try await event(req, organizerID: organizerID)
        try await existing?.$texts.load(on: req.db)
        let action =
            try existing.map { ProgrammeRoute.eventEdit(.value(organizerID), event: .value(try $0.requireID())).path }
            ?? ProgrammeRoute.eventNew(.value(organizerID)).path
        let title = req.t(existing == nil ? "admin-event-new" : "admin-event-edit-title")
        let venues = try await VenueModel.query(on: req.db).filter(\.$organizer.$id == organizerID).sort(\.$name)
            .all()
        let choices = try venues.map { (id: try $0.requireID(), label: $0.name) }
        if req.method == .GET {
            return try await req.page(
                "form", title: title,
                AdminEventsController.eventForm(
                    req, action: action, input: AdminEventsController.input(of: existing), venues: choices,
                    publishes: false))
        }
        let input = try TranslatedForm.decode(AdminEventsController.EventInput.self, req)
        do {
            // Another organizer's venue is not one this form offers.
            let chosen = input.venue.flatMap(UUID.init(uuidString:))
            let venue = venues.first { $0.id == chosen }
            let draft = try AdminEventsController.draft(input, venue: venue)
            guard let venue else { throw ValidationErrors([DomainError(.required, field: "venue")]) }
            try await Programme.saveEvent(req, existing: existing, venue: venue, draft: draft, published: true)
            return req.redirect(to: ProgrammeRoute.events(.value(organizerID)).path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title,
                AdminEventsController.eventForm(
                    req, action: action, input: input, venues: choices, publishes: false,
                    errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }
}
