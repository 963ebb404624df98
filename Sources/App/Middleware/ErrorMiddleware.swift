import Domain
import Vapor

/// Turns every error into a localized page for browsers or a JSON envelope for the API:
/// `{ "error": { "code", "message", "field" } }`.
struct LocalizedErrorMiddleware: AsyncMiddleware {
    struct Envelope: Content {
        struct Body: Content {
            var code: String
            var message: String
            var field: String?
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
        case .unauthenticated: .unauthorized
        case .forbidden, .csrf: .forbidden
        case .notFound, .tokenInvalid, .voucherUnknown: .notFound
        case .emailTaken, .slugTaken, .conflict, .alreadyMember, .lastManager, .voucherTaken, .voucherInUse: .conflict
        case .rateLimited: .tooManyRequests
        case .providerUnreachable: .badGateway
        case .signatureInvalid: .badRequest
        case .nothingToRefund, .nothingToAllocate: .conflict
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
        case is DecodingError:
            (status, code, field) = (.badRequest, "bad-request", nil)
        default:
            request.logger.report(error: error)
            (status, code, field) = (.internalServerError, "server", nil)
        }
        let message = request.t("error-\(code)")
        if request.url.path.hasPrefix("/api/") || request.headers.accept.first?.mediaType == .json {
            let response = Response(status: status)
            try response.content.encode(Envelope(error: .init(code: code, message: message, field: field)))
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

struct ErrorView: Encodable {
    var message: String
    var status: Int
}
