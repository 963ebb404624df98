import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// A voucher opened by its code (typed at `/v`, or the QR's URL `/v/CODE`), without an account.
///
/// Codes are bearer secrets: the route pattern, never the path, reaches the logs, and failed
/// look-ups are counted per client address in the database (so the limit holds across
/// instances): past `voucherLookupLimit` in 15 minutes every look-up from that address is refused.
enum VoucherController {
    static let lookupLimit = 20
    static let lookupWindow: TimeInterval = 900

    /// What a typed or scanned code turned out to be.
    enum Lookup {
        case found(VoucherModel)
        case refused(DomainError.Code, HTTPStatus)
    }

    static func lookup(_ req: Request, _ input: String) async throws -> Lookup {
        let scope = "voucher-lookup:" + req.clientAddress
        let since = req.now.addingTimeInterval(-lookupWindow)
        let failures = try await LoginAttemptModel.query(on: req.db).filter(\.$scope == scope)
            .filter(\.$createdAt > since).count()
        guard failures < lookupLimit else { return .refused(.rateLimited, .tooManyRequests) }
        let outcome: Lookup
        switch Result(catching: { () throws(VoucherCode.ReadError) in try VoucherCode(reading: input) }) {
        case .success(let code):
            if let voucher = try await VoucherModel.query(on: req.db).filter(\.$code == code.canonical)
                .with(\.$fund, { $0.with(\.$texts) }).first()
            {
                return .found(voucher)
            }
            outcome = .refused(.voucherUnknown, .notFound)
        case .failure(.checkFailed):
            outcome = .refused(.voucherTypo, .unprocessableEntity)
        case .failure(.malformed):
            outcome = .refused(.voucherMalformed, .unprocessableEntity)
        }
        try await LoginAttemptModel(scope: scope, at: req.now).create(on: req.db)
        return outcome
    }

    /// `/v`: a form for the code; `?code=…` looks it up and goes to the voucher's own page.
    @Sendable static func enter(req: Request) async throws -> Response {
        let typed = req.query[String.self, at: "code"]
        var errors: [String: String] = [:]
        var status = HTTPStatus.ok
        if let typed, !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            switch try await lookup(req, typed) {
            case .found(let voucher):
                return req.redirect(to: SiteRoute.voucher(.value(voucher.code)).path, redirectType: .normal)
            case .refused(let code, let refusal):
                errors["code"] = req.t("error-\(code.rawValue)")
                status = refusal
            }
        }
        var form = FormView(
            action: SiteRoute.voucherEntry.path, submit: req.t("voucher-open"),
            fields: [
                .init(
                    name: "code", label: req.t("field-voucher-code"), type: "text", value: typed ?? "",
                    hint: req.t("hint-voucher-code"), autocomplete: "off")
            ], intro: req.t("voucher-entry-intro"))
        form.method = "get"
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return try await req.page("form", title: req.t("voucher-entry-title"), form, status: status)
    }

    struct Fact: Encodable {
        var label: String
        var value: String
        var data: Bool
        var lang: String?
        /// Set for a date: the value is shown inside `<time datetime>`.
        var datetime: String? = nil
    }

    struct View: Encodable {
        var code: String
        var facts: [Fact]
        var qr: String
        var status: String
        var printA6: String
        var printA4: String
        var page: String?
        var journey: JourneyController.View?
        var notice: String?
        var error: String?
        /// For signed-in door staff: *Admit* at each of today's sessions of theirs it is reserved for.
        var admit: [DoorController.AdmitButton] = []
    }

    /// The language the voucher's holder was nominated with, if it was.
    static func holderLanguage(_ voucher: VoucherModel, on db: any Database) async throws -> String? {
        guard let id = voucher.$beneficiary.id else { return nil }
        return try await BeneficiaryModel.find(id, on: db)?.language
    }

    /// The voucher page, with its journey, and a notice or a refusal.
    static func render(
        _ req: Request, _ voucher: VoucherModel, notice: String? = nil, error: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        var view = try await view(req, voucher)
        view.journey = try await JourneyController.view(req, voucher)
        view.admit = try await DoorController.admitButtons(req, voucher)
        (view.notice, view.error) = (notice, error)
        let response = try await req.page("voucher", title: req.t("voucher-title"), view, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    static func view(_ req: Request, _ voucher: VoucherModel) async throws -> View {
        var facts = [
            Fact(
                label: req.t("voucher-value"), value: FundsController.money(req, voucher.valueMinor, voucher.currency),
                data: true),
            Fact(
                label: req.t("voucher-valid-until"),
                value: Formatting.platform(req.language).date(
                    voucher.expiresAt), data: false, datetime: voucher.expiresAt.formatted(.iso8601)),
        ]
        if let text = try await EventPresenter.voucherTitle(
            voucher, language: req.language, fallbacks: EventPresenter.fallbacks(req), on: req.db)
        {
            facts.insert(
                Fact(
                    label: req.t("voucher-for"), value: text.title, data: true,
                    lang: text.language == req.language ? nil : text.language), at: 0)
        } else {
            facts.insert(Fact(label: req.t("voucher-for"), value: req.t("voucher-scope-credit"), data: false), at: 0)
        }
        return View(
            code: (try? VoucherCode(reading: voucher.code))?.grouped ?? voucher.code, facts: facts,
            qr: QRCode(try await DoorTokens.qrURL(for: voucher, app: req.application, on: req.db))?.svg(
                label: req.t("voucher-qr-label")) ?? "",
            status: req.t("voucher-status-\(voucher.status.rawValue)"),
            printA6: SiteRoute.voucherPrint(.value(voucher.code), size: .value("a6")).path,
            printA4: SiteRoute.voucherPrint(.value(voucher.code), size: .value("a4")).path)
    }

    static func found(_ req: Request) async throws -> VoucherModel {
        switch try await lookup(req, req.parameters.get("code") ?? "") {
        case .found(let voucher): return voucher
        case .refused(let code, _): throw DomainError(code)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let voucher = try await found(req)
        req.prefer(language: try await holderLanguage(voucher, on: req.db))
        let done = req.query[String.self, at: "done"]
        let notice = ["reserved", "cancelled"].contains(done ?? "") ? req.t("journey-done-\(done!)") : nil
        return try await render(req, voucher, notice: notice)
    }

    /// The printable voucher, A6 or A4 (print CSS sets the page size).
    @Sendable static func print(req: Request) async throws -> Response {
        let voucher = try await found(req)
        req.prefer(language: try await holderLanguage(voucher, on: req.db))
        guard let size = req.parameters.get("size"), ["a6", "a4"].contains(size) else {
            throw DomainError(.notFound)
        }
        var view = try await view(req, voucher)
        view.page = size
        let response = try await req.page("voucher-print", title: req.t("voucher-title"), view)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    /// The QR as a PNG (what e-mails carry).
    @Sendable static func qrPNG(req: Request) async throws -> Response {
        let voucher = try await found(req)
        guard let code = QRCode(try await DoorTokens.qrURL(for: voucher, app: req.application, on: req.db)) else {
            throw DomainError(.notFound)
        }
        var headers = HTTPHeaders()
        headers.contentType = .png
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: Data(code.png())))
    }
}
