import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// An organizer's managers list, add and edit its Venues (the admins' venue form, without the
/// choice of organizer).
enum ProgrammeVenuesController {
    @Sendable static func list(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        let organizerID = try organizer.requireID()
        let venues = try await VenueModel.query(on: req.db).filter(\.$organizer.$id == organizerID).sort(\.$name).all()
        let rows = try venues.map { v in
            ListView.Row(
                cells: [.data(v.name), .data("\(v.address), \(v.city) (\(v.country))"), .data(v.timeZone)],
                actions: [
                    .init(
                        href: ProgrammeRoute.venueEdit(.value(organizerID), venue: .value(try v.requireID())).path,
                        label: req.t("action-edit"))
                ])
        }
        let view = ListView(
            intro: .data(organizer.name),
            columns: [req.t("column-name"), req.t("column-address"), req.t("column-time-zone")], rows: rows,
            empty: req.t("admin-venues-empty"),
            links: [
                .init(href: ProgrammeRoute.venueNew(.value(organizerID)).path, label: req.t("admin-venue-new")),
                .init(href: ProgrammeRoute.events(.value(organizerID)).path, label: req.t("admin-events-title")),
            ])
        return try await req.page("list", title: req.t("admin-venues-title"), view)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let organizer = try await DevicesController.organizer(req)
        let organizerID = try organizer.requireID()
        let existing =
            try await req.parameters.get("venueID") == nil
            ? nil : Programme.venue(req.idParameter("venueID"), of: organizerID, on: req.db)
        let action =
            try existing.map { ProgrammeRoute.venueEdit(.value(organizerID), venue: .value(try $0.requireID())).path }
            ?? ProgrammeRoute.venueNew(.value(organizerID)).path
        let title = req.t(existing == nil ? "admin-venue-new" : "admin-venue-edit-title")
        if req.method == .GET {
            let input = try await AdminVenuesController.input(of: existing, on: req.db)
            return try await req.page(
                "form", title: title,
                AdminVenuesController.venueForm(req, action: action, input: input, organizers: nil))
        }
        let input = try AdminVenuesController.venueInput(req)
        do {
            try await Programme.saveVenue(
                req, existing: existing, organizerID: organizerID, draft: AdminVenuesController.draft(input),
                originalLanguage: input.originalLanguage, origins: input.origins ?? [:])
            return req.redirect(to: ProgrammeRoute.venues(.value(organizerID)).path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title,
                AdminVenuesController.venueForm(
                    req, action: action, input: input, organizers: nil, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }
}
