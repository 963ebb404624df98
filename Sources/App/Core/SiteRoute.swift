import Domain
import Vapor

/// A path parameter: `.key` when registering a route, `.value` when building a link.
public enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// Every page of the site. One enum registers the routes and builds every link,
/// so a link can never point at a route that does not exist.
public enum SiteRoute: Sendable {
    case home
    case events
    case event(Parameter<UUID>)
    case language(Parameter<String>)
    case signUp
    case signUpConfirm(Parameter<String>)
    case login(next: String? = nil)
    case logout
    case forgotPassword
    case resetPassword(Parameter<String>)
    case invitation(Parameter<String>)
    case health
    case metrics
    case funds
    case fund(Parameter<UUID>)
    case fundContributions(Parameter<UUID>)
    case contribution(Parameter<UUID>)
    case contributionReceipt(Parameter<UUID>)
    case mentorImpact
    case voucherEntry
    case voucher(Parameter<String>)
    case voucherPrint(Parameter<String>, size: Parameter<String>)
    case voucherQR(Parameter<String>)
    case voucherReservations(Parameter<String>)
    case voucherReservationCancel(Parameter<String>, reservation: Parameter<UUID>)
    case voucherReservationCalendar(Parameter<String>, reservation: Parameter<UUID>)
    case voucherCertificate(Parameter<String>)
    case certificateEntry
    case certificate(Parameter<String>)
    case certificateCredential(Parameter<String>)
    case certificateIssuer
    case stripeWebhook

    case dashboard
    case account
    case accountTokens
    case accountTokenRevoke(Parameter<UUID>)
    case organizerApplication

    case mentorHome
    case partnerHome
    case partnerMembers(Parameter<UUID>)
    case partnerInvite(Parameter<UUID>)
    case partnerRemoveMember(Parameter<UUID>, member: Parameter<UUID>)
    case partnerVouchers(Parameter<UUID>)
    case partnerNominate(Parameter<UUID>, voucher: Parameter<UUID>)
    case partnerWithdraw(Parameter<UUID>, voucher: Parameter<UUID>)
    case partnerBulkNominate(Parameter<UUID>)
    case partnerWaiting(Parameter<UUID>)
    case partnerBeneficiary(Parameter<UUID>, beneficiary: Parameter<UUID>)
    case partnerBeneficiaryExport(Parameter<UUID>, beneficiary: Parameter<UUID>)
    case partnerBeneficiaryErase(Parameter<UUID>, beneficiary: Parameter<UUID>)
    case partnerWaitingRemove(Parameter<UUID>, entry: Parameter<UUID>)
    case organizerHome
    case organizerMembers(Parameter<UUID>)
    case organizerInvite(Parameter<UUID>)
    case organizerRemoveMember(Parameter<UUID>, member: Parameter<UUID>)
    case organizerDevices(Parameter<UUID>)
    case organizerDeviceRevoke(Parameter<UUID>, device: Parameter<UUID>)
    case organizerSettlements(Parameter<UUID>)
    case organizerSettlement(Parameter<UUID>, settlement: Parameter<UUID>)
    case organizerSettlementCSV(Parameter<UUID>, settlement: Parameter<UUID>)
    case doorHome
    case doorSession(Parameter<UUID>)
    case doorScan(Parameter<UUID>)
    case doorVoid(Parameter<UUID>, redemption: Parameter<UUID>)
    case doorSync(Parameter<UUID>)
    case doorManifest

    case adminHome
    case adminOrganizers
    case adminOrganizerEdit(Parameter<UUID>)
    case adminOrganizerDecide(Parameter<UUID>, decision: Parameter<String>)
    case adminPartners
    case adminPartnerNew
    case adminPartnerEdit(Parameter<UUID>)
    case adminVenues
    case adminVenueNew
    case adminVenueEdit(Parameter<UUID>)
    case adminEvents
    case adminEventNew
    case adminEventEdit(Parameter<UUID>)
    case adminEventSessions(Parameter<UUID>)
    case adminEventSessionDelete(Parameter<UUID>, session: Parameter<UUID>)
    case adminAudit
    case adminFunds
    case adminFundNew
    case adminFundEdit(Parameter<UUID>)
    case adminContributions
    case adminContributionTransfer(Parameter<UUID>)
    case adminContributionRefund(Parameter<UUID>)
    case adminContributionVouchers(Parameter<UUID>)
    case adminContributionAllocate(Parameter<UUID>)
    case adminVoucherCancel(Parameter<UUID>, voucher: Parameter<UUID>)
    case adminCircuits
    case adminCircuitNew
    case adminCircuitEdit(Parameter<UUID>)
    case adminCircuitSteps(Parameter<UUID>)
    case adminCircuitStep(Parameter<UUID>, step: Parameter<UUID>, move: Parameter<String>)
    case adminCircuitStepsOrder(Parameter<UUID>)
    case adminCircuitPublish(Parameter<UUID>, action: Parameter<String>)
    case adminCircuitStats(Parameter<UUID>)
    case adminSettlements
    case adminSettlementPaid(Parameter<UUID>)
    case circuits
    case circuit(Parameter<UUID>)

    // The JSON API: bearer tokens, not sessions (see `APIRoutes`).
    case apiOpenAPI
    case apiFunds
    case apiContributions
    case apiContribution(Parameter<UUID>)
    case apiContributionVouchers(Parameter<UUID>)
    case apiPartnerVouchers(Parameter<UUID>)
    case apiPartnerNominations(Parameter<UUID>)
    case apiPartnerNomination(Parameter<UUID>, nomination: Parameter<UUID>)
    case apiReservations
    case apiReservation(Parameter<UUID>)
    case apiRedemptions
    case apiRedemptionVoid(Parameter<UUID>)
    case apiSessionCheckIn(Parameter<UUID>)
    case apiDoorKeys

    /// Path components: parameters appear as `:name` for `.key`.
    public var pathComponents: [PathComponent] {
        func p<T>(_ name: String, _ parameter: Parameter<T>) -> PathComponent {
            switch parameter {
            case .key: .parameter(name)
            case .value(let value): .constant((value as? UUID)?.uuidString.lowercased() ?? "\(value)")
            }
        }
        switch self {
        case .home: return []
        case .events: return ["events"]
        case .event(let id): return ["events", p("eventID", id)]
        case .language(let code): return ["language", p("code", code)]
        case .signUp: return ["signup"]
        case .signUpConfirm(let token): return ["signup", "confirm", p("token", token)]
        case .login: return ["login"]
        case .logout: return ["logout"]
        case .forgotPassword: return ["password", "forgot"]
        case .resetPassword(let token): return ["password", "reset", p("token", token)]
        case .invitation(let token): return ["invitations", p("token", token)]
        case .health: return ["healthz"]
        case .metrics: return ["metrics"]
        case .funds: return ["funds"]
        case .fund(let id): return ["funds", p("fundID", id)]
        case .fundContributions(let id): return ["funds", p("fundID", id), "contributions"]
        case .contribution(let id): return ["contributions", p("contributionID", id)]
        case .contributionReceipt(let id): return ["contributions", p("contributionID", id), "receipt"]
        case .mentorImpact: return ["mentor", "impact"]
        case .voucherEntry: return ["v"]
        case .voucher(let code): return ["v", p("code", code)]
        case .voucherPrint(let code, let size): return ["v", p("code", code), "print", p("size", size)]
        case .voucherQR(let code): return ["v", p("code", code), "qr.png"]
        case .voucherReservations(let code): return ["v", p("code", code), "reservations"]
        case .voucherReservationCancel(let code, let reservation):
            return ["v", p("code", code), "reservations", p("reservationID", reservation), "cancel"]
        case .voucherReservationCalendar(let code, let reservation):
            return ["v", p("code", code), "reservations", p("reservationID", reservation), "calendar.ics"]
        case .voucherCertificate(let code): return ["v", p("code", code), "certificate"]
        case .certificateEntry: return ["certificates"]
        case .certificate(let code): return ["certificates", p("certificateCode", code)]
        case .certificateCredential(let code): return ["certificates", p("certificateCode", code), "credential.json"]
        case .certificateIssuer: return ["certificates", "issuer"]
        case .stripeWebhook: return ["api", "webhooks", "stripe"]
        case .dashboard: return ["dashboard"]
        case .account: return ["account"]
        case .accountTokens: return ["account", "tokens"]
        case .accountTokenRevoke(let id): return ["account", "tokens", p("tokenID", id), "revoke"]
        case .organizerApplication: return ["organizers", "apply"]
        case .mentorHome: return ["mentor"]
        case .partnerHome: return ["partner"]
        case .partnerMembers(let id): return ["partner", p("partnerID", id), "members"]
        case .partnerInvite(let id): return ["partner", p("partnerID", id), "invitations"]
        case .partnerRemoveMember(let id, let member):
            return ["partner", p("partnerID", id), "members", p("memberID", member), "remove"]
        case .partnerVouchers(let id): return ["partner", p("partnerID", id), "vouchers"]
        case .partnerNominate(let id, let voucher):
            return ["partner", p("partnerID", id), "vouchers", p("voucherID", voucher), "nominate"]
        case .partnerWithdraw(let id, let voucher):
            return ["partner", p("partnerID", id), "vouchers", p("voucherID", voucher), "withdraw"]
        case .partnerBulkNominate(let id): return ["partner", p("partnerID", id), "vouchers", "bulk"]
        case .partnerWaiting(let id): return ["partner", p("partnerID", id), "waiting"]
        case .partnerBeneficiary(let id, let person):
            return ["partner", p("partnerID", id), "beneficiaries", p("beneficiaryID", person)]
        case .partnerBeneficiaryExport(let id, let person):
            return ["partner", p("partnerID", id), "beneficiaries", p("beneficiaryID", person), "export"]
        case .partnerBeneficiaryErase(let id, let person):
            return ["partner", p("partnerID", id), "beneficiaries", p("beneficiaryID", person), "erase"]
        case .partnerWaitingRemove(let id, let entry):
            return ["partner", p("partnerID", id), "waiting", p("entryID", entry), "remove"]
        case .organizerHome: return ["organizer"]
        case .organizerMembers(let id): return ["organizer", p("organizerID", id), "members"]
        case .organizerInvite(let id): return ["organizer", p("organizerID", id), "invitations"]
        case .organizerRemoveMember(let id, let member):
            return ["organizer", p("organizerID", id), "members", p("memberID", member), "remove"]
        case .organizerDevices(let id): return ["organizer", p("organizerID", id), "devices"]
        case .organizerDeviceRevoke(let id, let device):
            return ["organizer", p("organizerID", id), "devices", p("deviceID", device), "revoke"]
        case .organizerSettlements(let id): return ["organizer", p("organizerID", id), "settlements"]
        case .organizerSettlement(let id, let settlement):
            return ["organizer", p("organizerID", id), "settlements", p("settlementID", settlement)]
        case .organizerSettlementCSV(let id, let settlement):
            return ["organizer", p("organizerID", id), "settlements", p("settlementID", settlement), "statement.csv"]
        case .doorHome: return ["door"]
        case .doorSession(let id): return ["door", "sessions", p("sessionID", id)]
        case .doorScan(let id): return ["door", "sessions", p("sessionID", id), "scan"]
        case .doorSync(let id): return ["door", "sessions", p("sessionID", id), "sync"]
        case .doorManifest: return ["door", "manifest.webmanifest"]
        case .doorVoid(let id, let redemption):
            return ["door", "sessions", p("sessionID", id), "redemptions", p("redemptionID", redemption), "void"]
        case .adminHome: return ["admin"]
        case .adminOrganizers: return ["admin", "organizers"]
        case .adminOrganizerEdit(let id): return ["admin", "organizers", p("organizerID", id), "edit"]
        case .adminOrganizerDecide(let id, let decision):
            return ["admin", "organizers", p("organizerID", id), p("decision", decision)]
        case .adminPartners: return ["admin", "partners"]
        case .adminPartnerNew: return ["admin", "partners", "new"]
        case .adminPartnerEdit(let id): return ["admin", "partners", p("partnerID", id), "edit"]
        case .adminVenues: return ["admin", "venues"]
        case .adminVenueNew: return ["admin", "venues", "new"]
        case .adminVenueEdit(let id): return ["admin", "venues", p("venueID", id), "edit"]
        case .adminEvents: return ["admin", "events"]
        case .adminEventNew: return ["admin", "events", "new"]
        case .adminEventEdit(let id): return ["admin", "events", p("eventID", id), "edit"]
        case .adminEventSessions(let id): return ["admin", "events", p("eventID", id), "sessions"]
        case .adminEventSessionDelete(let id, let session):
            return ["admin", "events", p("eventID", id), "sessions", p("sessionID", session), "delete"]
        case .adminAudit: return ["admin", "audit"]
        case .adminFunds: return ["admin", "funds"]
        case .adminFundNew: return ["admin", "funds", "new"]
        case .adminFundEdit(let id): return ["admin", "funds", p("fundID", id), "edit"]
        case .adminContributions: return ["admin", "contributions"]
        case .adminContributionTransfer(let id): return ["admin", "contributions", p("contributionID", id), "transfer"]
        case .adminContributionRefund(let id): return ["admin", "contributions", p("contributionID", id), "refund"]
        case .adminContributionVouchers(let id):
            return ["admin", "contributions", p("contributionID", id), "vouchers"]
        case .adminContributionAllocate(let id):
            return ["admin", "contributions", p("contributionID", id), "allocate"]
        case .adminVoucherCancel(let id, let voucher):
            return ["admin", "contributions", p("contributionID", id), "vouchers", p("voucherID", voucher), "cancel"]
        case .adminCircuits: return ["admin", "circuits"]
        case .adminCircuitNew: return ["admin", "circuits", "new"]
        case .adminCircuitEdit(let id): return ["admin", "circuits", p("circuitID", id), "edit"]
        case .adminCircuitSteps(let id): return ["admin", "circuits", p("circuitID", id), "steps"]
        case .adminCircuitStep(let id, let step, let move):
            return ["admin", "circuits", p("circuitID", id), "steps", p("stepID", step), p("move", move)]
        case .adminCircuitStepsOrder(let id): return ["admin", "circuits", p("circuitID", id), "steps", "order"]
        case .adminCircuitPublish(let id, let action):
            return ["admin", "circuits", p("circuitID", id), p("action", action)]
        case .adminCircuitStats(let id): return ["admin", "circuits", p("circuitID", id), "stats"]
        case .adminSettlements: return ["admin", "settlements"]
        case .adminSettlementPaid(let id): return ["admin", "settlements", p("settlementID", id), "paid"]
        case .circuits: return ["circuits"]
        case .circuit(let id): return ["circuits", p("circuitID", id)]
        case .apiOpenAPI: return ["api", "v1", "openapi.json"]
        case .apiFunds: return ["api", "v1", "funds"]
        case .apiContributions: return ["api", "v1", "contributions"]
        case .apiContribution(let id): return ["api", "v1", "contributions", p("contributionID", id)]
        case .apiContributionVouchers(let id):
            return ["api", "v1", "contributions", p("contributionID", id), "vouchers"]
        case .apiPartnerVouchers(let id): return ["api", "v1", "partners", p("partnerID", id), "vouchers"]
        case .apiPartnerNominations(let id): return ["api", "v1", "partners", p("partnerID", id), "nominations"]
        case .apiPartnerNomination(let id, let nomination):
            return ["api", "v1", "partners", p("partnerID", id), "nominations", p("nominationID", nomination)]
        case .apiReservations: return ["api", "v1", "reservations"]
        case .apiReservation(let id): return ["api", "v1", "reservations", p("reservationID", id)]
        case .apiRedemptions: return ["api", "v1", "redemptions"]
        case .apiRedemptionVoid(let id): return ["api", "v1", "redemptions", p("redemptionID", id), "void"]
        case .apiSessionCheckIn(let id): return ["api", "v1", "sessions", p("sessionID", id), "checkin"]
        case .apiDoorKeys: return ["api", "v1", "door", "keys"]
        }
    }

    /// The link to this page.
    public var path: String {
        let base = "/" + pathComponents.map(\.description).joined(separator: "/")
        if case .login(let next?) = self, let next = Self.localTarget(next) {
            return base + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")
        }
        return base
    }

    /// `target` if it is a path on this site, else nil: the one check for every `next` (no
    /// open redirects). Browsers drop tabs and line breaks from a URL and read `\` as `/`, so
    /// `/\t/evil.example` or `/\\evil.example` would lead to another host: a target is a path
    /// (one leading `/`, not two), without control characters, white space or backslashes,
    /// and no longer than a link needs to be.
    public static func localTarget(_ target: String?) -> String? {
        guard let target, target.count <= 2000, target.hasPrefix("/"), !target.hasPrefix("//") else { return nil }
        let refused = target.unicodeScalars.contains { scalar in
            scalar.value < 0x21 || scalar.value == 0x7F || scalar == "\\"
                || scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
        }
        return refused ? nil : target
    }
}

extension RoutesBuilder {
    /// Registers a handler for a page, inside the area the builder guards.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, area: Area,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, route, area: area, body: .collect, use: handler)
    }

    /// Registers a handler that reads its body as `body` says (e.g. a larger raw body).
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, area: Area, body: HTTPBodyStreamStrategy,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let registered = self.on(method, route.pathComponents, body: body, use: handler)
        registered.userInfo["area"] = area.rawValue
        return registered
    }
}
