import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Certificates of completed circuits: the printable page (the holder's), the public check by
/// code, the signed Open Badges credential, and the issuer's profile with its public key.
enum CertificatesController {
    struct StepRow: Encodable {
        var title: String
        var lang: String?
        var date: String
        var datetime: String
        var place: String
        var hours: String
    }

    struct View: Encodable {
        var holder: String
        var circuit: String
        var issued: String
        var issuedDateTime: String
        var steps: [StepRow]
        var issuers: String
        var code: String
        var verifyURL: String
        var qr: String
        var credential: String
    }

    /// The circuit's title and description in `req`'s language (else along its fallbacks).
    static func circuitText(_ certificate: CertificateModel, req: Request) async throws -> CircuitTextModel? {
        let texts = try await CircuitTextModel.query(on: req.db)
            .filter(\.$circuit.$id == certificate.circuitVersion.$circuit.id).all()
        return EventPresenter.pick(
            texts, language: \.language, for: req.language, fallbacks: EventPresenter.fallbacks(req))
    }

    static func view(_ req: Request, _ certificate: CertificateModel) async throws -> View {
        let steps = try certificate.steps()
        let events = try await EventModel.query(on: req.db).filter(\.$id ~~ Set(steps.map(\.event))).with(\.$texts)
            .with(\.$venue).all()
        let text = try await circuitText(certificate, req: req)
        let site = req.application.mentore.config.siteURL
        let verify = site + SiteRoute.certificate(.value(certificate.code)).path
        let number = Formatting(language: req.language, timeZone: Formatting.platformTimeZone)
        let rows = steps.map { step -> StepRow in
            let event = events.first { $0.id == step.event }
            let eventText = event.flatMap { EventPresenter.text(of: $0, for: req) }
            let zone = event.flatMap { TimeZone(identifier: $0.venue.timeZone) } ?? Formatting.platformTimeZone
            return StepRow(
                title: eventText?.title ?? "",
                lang: eventText.map { $0.language == req.language ? nil : $0.language } ?? nil,
                date: Formatting(language: req.language, timeZone: zone).date(step.startsAt),
                datetime: step.startsAt.formatted(.iso8601), place: "\(step.venue), \(step.city)",
                hours: req.t("certificate-hours", ["hours": .number(FluentNumber(step.hours))]))
        }
        let issuers = (Array(Set(steps.map(\.organizer))).sorted() + [req.t("brand")]).joined(separator: " · ")
        return View(
            holder: certificate.holderName, circuit: text?.title ?? "",
            issued: number.date(certificate.issuedAt), issuedDateTime: certificate.issuedAt.formatted(.iso8601),
            steps: rows, issuers: issuers,
            code: (try? VoucherCode(reading: certificate.code))?.grouped ?? certificate.code,
            verifyURL: verify, qr: QRCode(verify)?.svg(label: req.t("certificate-qr-label")) ?? "",
            credential: SiteRoute.certificateCredential(.value(certificate.code)).path)
    }

    /// `/v/CODE/certificate`: the holder's printable A4 certificate, in their language.
    @Sendable static func printable(req: Request) async throws -> Response {
        let voucher = try await VoucherController.found(req)
        guard
            let certificate = try await CertificateModel.query(on: req.db).filter(\.$voucher.$id == voucher.requireID())
                .filter(\.$withdrawnAt == nil).with(\.$circuitVersion).first()
        else { throw DomainError(.notFound) }
        req.prefer(language: certificate.language)
        var view = try await view(req, certificate)
        view.credential = SiteRoute.certificateCredential(.value(certificate.code)).path
        let response = try await req.page("certificate", title: req.t("certificate-title"), view)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    /// `/certificates`: a form for a certificate's code; `?code=` checks it.
    @Sendable static func enter(req: Request) async throws -> Response {
        let typed = req.query[String.self, at: "code"]
        var errors: [String: String] = [:]
        var status = HTTPStatus.ok
        if let typed, !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let certificate = try await Certificates.find(typed, on: req.db)
                return req.redirect(to: SiteRoute.certificate(.value(certificate.code)).path, redirectType: .normal)
            } catch let error as DomainError {
                errors["code"] = req.t("error-\(error.code.rawValue)")
                status = .notFound
            }
        }
        var form = FormView(
            action: SiteRoute.certificateEntry.path, submit: req.t("certificate-check"),
            fields: [
                .init(
                    name: "code", label: req.t("field-certificate-code"), type: "text", value: typed ?? "",
                    hint: req.t("hint-certificate-code"), autocomplete: "off")
            ], intro: req.t("certificate-entry-intro"))
        form.method = "get"
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return try await req.page("form", title: req.t("certificate-entry-title"), form, status: status)
    }

    struct Check: Encodable {
        var holder: String
        var circuit: String
        var circuitLang: String?
        var issued: String
        var issuedDateTime: String
        var steps: Int
        var credential: String
    }

    /// `/certificates/CODE`: confirms a certificate is genuine: who, which circuit, when; nothing else.
    @Sendable static func show(req: Request) async throws -> Response {
        let certificate = try await Certificates.find(req.parameters.get("certificateCode") ?? "", on: req.db)
        let text = try await circuitText(certificate, req: req)
        let check = Check(
            holder: certificate.holderName, circuit: text?.title ?? "",
            circuitLang: text.map { $0.language == req.language ? nil : $0.language } ?? nil,
            issued: Formatting.platform(req.language).date(certificate.issuedAt),
            issuedDateTime: certificate.issuedAt.formatted(.iso8601), steps: try certificate.steps().count,
            credential: SiteRoute.certificateCredential(.value(certificate.code)).path)
        let response = try await req.page("certificate-check", title: req.t("certificate-check-title"), check)
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    /// The Open Badges 3.0 credential as JSON, its Data Integrity proof inside.
    @Sendable static func credential(req: Request) async throws -> Response {
        let certificate = try await Certificates.find(req.parameters.get("certificateCode") ?? "", on: req.db)
        req.prefer(language: certificate.language)
        let text = try await circuitText(certificate, req: req)
        let document = try await Certificates.credential(
            certificate, title: text?.title ?? "", description: text?.description ?? "", app: req.application,
            on: req.db)
        return json(document.canonical)
    }

    @Sendable static func issuer(req: Request) async throws -> Response {
        let key = try await Certificates.signingKey(app: req.application, on: req.db)
        return json(
            Certificates.issuerProfile(site: req.application.mentore.config.siteURL, key: key.publicKey).canonical)
    }

    static func json(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
