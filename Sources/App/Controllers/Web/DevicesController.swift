import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// An organizer's scanning devices, for its managers: made (the token shown once), listed by
/// label with when each was last used, revoked.
enum DevicesController {
    struct Input: Content {
        var label: String?
    }

    static func organizer(_ req: Request) async throws -> OrganizerModel {
        let user = try req.requireUser()
        guard let raw = req.parameters.get("organizerID"), let id = UUID(uuidString: raw),
            let organizer = try await OrganizerModel.find(id, on: req.db), organizer.status == .approved
        else { throw DomainError(.notFound) }
        guard user.canManage(organizer: id) else { throw DomainError(.forbidden) }
        return organizer
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await render(req, organizer: try await organizer(req), input: .init())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let organizer = try await organizer(req)
        let input = try req.content.decode(Input.self)
        do {
            let organizerID = try organizer.requireID()
            let actor = try req.requireUser().email
            let (device, token) = try await DoorDevices.register(
                organizerID: organizerID, label: input.label, createdBy: actor,
                audit: { Audit.event(req, "create-device", "door-device", $0.id, detail: $0.label) },
                app: req.application, on: req.db)
            let secret = ListView.Secret(
                label: req.t("devices-new-label", ["label": .string(device.label)]), value: token,
                hint: req.t("devices-new-hint"))
            return try await render(req, organizer: organizer, input: .init(), secret: secret, status: .created)
        } catch let errors as ValidationErrors {
            return try await render(
                req, organizer: organizer, input: input, errors: req.messages(for: errors),
                status: .unprocessableEntity)
        }
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let organizer = try await organizer(req)
        let id = try req.idParameter("deviceID")
        let organizerID = try organizer.requireID()
        let now = req.now
        try await DoorDevices.revoke(
            id, organizerID: organizerID, at: now, audit: Audit.event(req, "revoke-device", "door-device", id),
            on: req.db)
        return try await render(req, organizer: organizer, input: .init(), notice: req.t("devices-revoked"))
    }

    static func render(
        _ req: Request, organizer: OrganizerModel, input: Input, errors: [String: String] = [:],
        notice: String? = nil, secret: ListView.Secret? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let organizerID = try organizer.requireID()
        let devices = try await DoorDeviceModel.query(on: req.db).filter(\.$organizer.$id == organizerID)
            .sort(\.$createdAt, .descending).sort(\.$id).all()
        let format = Formatting.platform(req.language)
        let rows = try devices.map { device -> ListView.Row in
            ListView.Row(
                cells: [
                    .data(device.label), .data("…" + device.hint),
                    .time(device.createdAt, format.date(device.createdAt)),
                    device.lastUsedAt.map { .time($0, format.dateTime($0)) } ?? .text(req.t("tokens-never-used")),
                    .text(req.t(device.revokedAt == nil ? "tokens-status-active" : "tokens-status-revoked")),
                ],
                actions: device.revokedAt == nil
                    ? [
                        .init(
                            href: SiteRoute.organizerDeviceRevoke(
                                .value(organizerID), device: .value(try device.requireID())
                            )
                            .path, label: req.t("action-revoke-token"), method: "post")
                    ] : [])
        }
        var form = FormView(
            action: SiteRoute.organizerDevices(.value(organizerID)).path, submit: req.t("devices-create"),
            fields: [
                .init(
                    name: "label", label: req.t("field-device-label"), type: "text", value: input.label ?? "",
                    hint: req.t("hint-device-label"), autocomplete: "off")
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        let view = ListView(
            intro: .text(req.t("devices-intro", ["organizer": .string(organizer.name)])),
            columns: [
                req.t("column-device-label"), req.t("column-token-ends"), req.t("column-created"),
                req.t("column-last-used"), req.t("column-status"),
            ], rows: rows, empty: req.t("devices-empty"),
            links: [
                .init(href: SiteRoute.apiOpenAPI.path, label: req.t("tokens-api-document")),
                .init(href: SiteRoute.organizerHome.path, label: req.t("dashboard-organizer-title")),
            ],
            notice: notice, secret: secret, form: form)
        return try await req.page("list", title: req.t("devices-title"), view, status: status)
    }
}
