import Domain
import Vapor

/// Turns every error into a localized page for browsers or a JSON envelope for the API:
/// `{ "error": { "code", "message", "field", "details" } }` (`details`: every problem of a
/// refused input, each with its field).
struct LocalizedErrorMiddleware: AsyncMiddleware {
    struct Envelope: Content {
        struct Problem: Content {
            var code: String
            var message: String
            var field: String?
        }
        struct Body: Content {
            var code: String
            var message: String
            var field: String?
            var details: [Problem]?
        }
        var error: Body
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return try await render(error, for: request)
        }
    }

    static func status(for code: DomainError.Code) -> HTTPResponseStatus {
        switch code {
        case .unauthenticated, .deviceUnknown: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .notFound, .tokenInvalid, .voucherUnknown, .certificateUnknown: .notFound
        case .sessionFull, .alreadyRedeemed, .stepReserved, .reservationNeeded, .sessionHasReservations: .conflict
        case .settlementOverlaps: .conflict
        case .emailTaken, .slugTaken, .conflict, .alreadyMember, .lastManager, .lastCoordinator, .voucherTaken,
            .voucherInUse:
            .conflict
        case .rateLimited: .tooManyRequests
        case .providerUnreachable: .badGateway
        case .signatureInvalid: .badRequest
        case .nothingToRefund, .refundUnderWay, .nothingToAllocate, .idempotencyInProgress, .nonceReused: .conflict
        case .idempotencyKeyRequired, .unknownParameter: .badRequest
        case .methodNotAllowed: .methodNotAllowed
        case .wrongCredentials: .unauthorized
        default: .unprocessableEntity
        }
    }

    func render(_ error: any Error, for request: Request) async throws -> Response {
        let (status, code, field): (HTTPResponseStatus, String, String?)
        switch error {
        case let domain as DomainError:
            (status, code, field) = (Self.status(for: domain.code), domain.code.rawValue, domain.field)
        case let validation as ValidationErrors:
            let first = validation.errors.first
            (status, code, field) = (.unprocessableEntity, first?.code.rawValue ?? "invalid-value", first?.field)
        case let abort as any AbortError:
            let abortCode: String =
                switch abort.status {
                case .notFound: "not-found"
                case .unauthorized: "unauthenticated"
                case .forbidden: "forbidden"
                case .badRequest, .unsupportedMediaType, .payloadTooLarge: "bad-request"
                case .methodNotAllowed: "not-found"
                default: "server"
                }
            (status, code, field) = (abort.status == .methodNotAllowed ? .notFound : abort.status, abortCode, nil)
            // An API path that exists with other methods: 405 and the methods it has.
            if abort.status == .notFound, request.route == nil, request.url.path.hasPrefix("/api/") {
                let allowed = Self.methods(at: request.url.path, in: request.application)
                if !allowed.isEmpty {
                    let response = try await render(DomainError(.methodNotAllowed), for: request)
                    response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
                    return response
                }
            }
        case is DecodingError:
            (status, code, field) = (.badRequest, "bad-request", nil)
        default:
            request.logger.report(error: error)
            (status, code, field) = (.internalServerError, "server", nil)
        }
        let message = request.t("error-\(code)")
        if request.url.path.hasPrefix("/api/") || request.headers.accept.first?.mediaType == .json {
            let api = request.url.path.hasPrefix("/api/")
            let name = { (field: String?) in api ? field.map(APIJSON.snakeCase) : field }
            let details = (error as? ValidationErrors)?.errors.map {
                Envelope.Problem(
                    code: $0.code.rawValue, message: request.t("error-\($0.code.rawValue)"), field: name($0.field))
            }
            let response = Response(status: status)
            try response.content.encode(
                Envelope(error: .init(code: code, message: message, field: name(field), details: details)))
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
        // A browser that is not signed in is sent to the log-in page, and back afterwards.
        if code == "unauthenticated", request.method == .GET {
            let next = request.url.path
            return request.redirect(to: SiteRoute.login(next: next).path)
        }
        let view = try await request.view.render(
            "error",
            Page(
                request, title: request.t("error-title"), content: ErrorView(message: message, status: Int(status.code))
            )
        ).encodeResponse(for: request)
        view.status = status
        return view
    }
}

extension LocalizedErrorMiddleware {
    /// The methods registered for a concrete path (parameters match any one component).
    static func methods(at path: String, in app: Application) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        let methods = app.routes.all.filter { route in
            route.path.count == parts.count
                && zip(route.path, parts).allSatisfy { component, part in
                    switch component {
                    case .constant(let text): text == part
                    case .parameter: true
                    default: false
                    }
                }
        }.map(\.method.rawValue)
        return Array(Set(methods)).sorted()
    }
}

struct ErrorView: Encodable {
    var message: String
    var status: Int
}
