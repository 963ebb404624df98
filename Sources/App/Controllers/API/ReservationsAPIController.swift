import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// `/api/v1/reservations`: a beneficiary's app books and cancels sessions with the voucher code
/// itself as the secret (in the body to book, as the bearer token to cancel). The same checks,
/// errors and limits as the voucher page; messages in the holder's language.
enum ReservationsAPIController {
    struct Request_: Decodable {
        var code: String?
        var sessionId: String?
    }

    struct Reservation: Encodable {
        var id: String
        var sessionId: String
        var eventId: String
        var stepId: String
        var startsAt: Date
        var endsAt: Date
        var calendarUrl: String
    }

    /// The voucher a code opens (rate-limited per client address, as on the page).
    static func voucher(_ req: Request, code: String?) async throws -> VoucherModel {
        guard let code, !code.isEmpty else { throw DomainError(.required, field: "code") }
        switch try await VoucherController.lookup(req, code) {
        case .found(let voucher):
            req.prefer(language: try await VoucherController.holderLanguage(voucher, on: req.db))
            return voucher
        case .refused(.rateLimited, _): throw DomainError(.rateLimited)
        case .refused(.voucherUnknown, _): throw DomainError(.voucherUnknown)
        case .refused(let code, _): throw DomainError(code, field: "code")
        }
    }

    static func view(_ reservation: ReservationModel, voucher: VoucherModel, req: Request) throws -> Reservation {
        let id = try reservation.requireID()
        return Reservation(
            id: id.api, sessionId: reservation.$session.id.api, eventId: reservation.$event.id.api,
            stepId: reservation.slot.api, startsAt: reservation.session.startsAt, endsAt: reservation.session.endsAt,
            calendarUrl: req.application.mentore.config.siteURL
                + SiteRoute.voucherReservationCalendar(.value(voucher.code), reservation: .value(id)).path)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        let body = try APIJSON.decode(Request_.self, from: req)
        let voucher = try await voucher(req, code: body.code)
        guard let text = body.sessionId, !text.isEmpty else { throw DomainError(.required, field: "sessionId") }
        guard let session = UUID(uuidString: text) else { throw DomainError(.invalidValue, field: "sessionId") }
        let (reservation, created) = try await Journeys.reserve(
            voucherID: voucher.requireID(), sessionID: session, app: req.application, on: req.db)
        let response = try APIJSON.response(
            try view(reservation, voucher: voucher, req: req), status: created ? .created : .ok)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        guard let bearer = req.headers.bearerAuthorization?.token else { throw DomainError(.unauthenticated) }
        let voucher: VoucherModel
        do {
            voucher = try await self.voucher(req, code: bearer)
        } catch let error as DomainError where error.code != .rateLimited {
            throw DomainError(.unauthenticated)
        }
        guard let id = req.parameters.get("reservationID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError(.notFound)
        }
        try await Journeys.cancel(voucherID: voucher.requireID(), reservationID: id, app: req.application, on: req.db)
        return Response(status: .noContent)
    }
}
