import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The account's personal API tokens: made (and shown) once, listed by label, revoked.
enum TokensController {
    struct Input: Content {
        var label: String?
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await render(req, input: .init())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(Input.self)
        do {
            let token = try await PersonalTokens.create(label: input.label, userID: user.id, req: req)
            let secret = ListView.Secret(
                label: req.t("tokens-new-label", ["label": .string(input.label ?? "")]), value: token,
                hint: req.t("tokens-new-hint"))
            return try await render(req, input: .init(), secret: secret, status: .created)
        } catch let errors as ValidationErrors {
            return try await render(
                req, input: input, errors: req.messages(for: errors), status: .unprocessableEntity)
        } catch let error as DomainError where error.code == .tooManyTokens {
            return try await render(
                req, input: input, errors: req.messages(for: ValidationErrors([error])), status: .unprocessableEntity)
        }
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("tokenID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound)
        }
        try await PersonalTokens.revoke(id, userID: user.id, req: req)
        return try await render(req, input: .init(), notice: req.t("tokens-revoked"))
    }

    static func render(
        _ req: Request, input: Input, errors: [String: String] = [:], notice: String? = nil,
        secret: ListView.Secret? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let user = try req.requireUser()
        let tokens = try await APITokenModel.query(on: req.db).filter(\.$user.$id == user.id)
            .sort(\.$createdAt, .descending).sort(\.$id).all()
        let format = Formatting.platform(req.language)
        let rows = try tokens.map { token -> ListView.Row in
            ListView.Row(
                cells: [
                    .data(token.label),
                    .data("…" + token.hint),
                    .time(token.createdAt, format.date(token.createdAt)),
                    token.lastUsedAt.map { .time($0, format.dateTime($0)) } ?? .text(req.t("tokens-never-used")),
                    .text(req.t(token.revokedAt == nil ? "tokens-status-active" : "tokens-status-revoked")),
                ],
                actions: token.revokedAt == nil
                    ? [
                        .init(
                            href: SiteRoute.accountTokenRevoke(.value(try token.requireID())).path,
                            label: req.t("action-revoke-token"), method: "post")
                    ] : [])
        }
        var form = FormView(
            action: SiteRoute.accountTokens.path, submit: req.t("action-create-token"),
            fields: [
                .init(
                    name: "label", label: req.t("field-token-label"), type: "text", value: input.label ?? "",
                    hint: req.t("hint-token-label"), autocomplete: "off")
            ])
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        let view = ListView(
            intro: .text(req.t("tokens-intro")),
            columns: [
                req.t("column-token-label"), req.t("column-token-ends"), req.t("column-created"),
                req.t("column-last-used"), req.t("column-status"),
            ], rows: rows, empty: req.t("tokens-empty"),
            links: [
                .init(href: SiteRoute.apiOpenAPI.path, label: req.t("tokens-api-document")),
                .init(href: SiteRoute.account.path, label: req.t("account-title")),
            ],
            notice: notice, secret: secret, form: form)
        return try await req.page("list", title: req.t("tokens-title"), view, status: status)
    }
}
