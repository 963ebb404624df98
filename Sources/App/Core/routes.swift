import Domain
import Vapor

/// Registers every route inside the one Area that guards it.
func routes(_ app: Application) throws {
    let open = app.routes
    open.on(.GET, .home, area: .publicSite, use: CatalogController.home)
    open.on(.GET, .events, area: .publicSite, use: CatalogController.list)
    open.on(.GET, .event(.key), area: .publicSite, use: CatalogController.show)
    open.on(.GET, .language(.key), area: .publicSite, use: SiteController.language)
    open.on(.GET, .signUp, area: .publicSite, use: AuthController.showSignUp)
    open.on(.POST, .signUp, area: .publicSite, use: AuthController.signUp)
    open.on(.GET, .signUpConfirm(.key), area: .publicSite, use: AuthController.showConfirm)
    open.on(.POST, .signUpConfirm(.key), area: .publicSite, use: AuthController.confirm)
    open.on(.GET, .login(), area: .publicSite, use: AuthController.showLogin)
    open.on(.POST, .login(), area: .publicSite, use: AuthController.login)
    open.on(.GET, .forgotPassword, area: .publicSite, use: PasswordController.showForgot)
    open.on(.POST, .forgotPassword, area: .publicSite, use: PasswordController.forgot)
    open.on(.GET, .resetPassword(.key), area: .publicSite, use: PasswordController.showReset)
    open.on(.POST, .resetPassword(.key), area: .publicSite, use: PasswordController.reset)
    open.on(.GET, .invitation(.key), area: .publicSite, use: InvitationController.show)
    open.on(.GET, .health, area: .publicSite, use: SiteController.health)
    open.on(.GET, .metrics, area: .publicSite, use: SiteController.metrics)
    open.on(.GET, .circuits, area: .publicSite, use: CircuitsController.list)
    open.on(.GET, .circuit(.key), area: .publicSite, use: CircuitsController.show)
    open.on(.GET, .funds, area: .publicSite, use: FundsController.list)
    open.on(.GET, .fund(.key), area: .publicSite, use: FundsController.show)
    open.on(.GET, .voucherEntry, area: .publicSite, use: VoucherController.enter)
    open.on(.GET, .voucher(.key), area: .publicSite, use: VoucherController.show)
    open.on(.GET, .voucherPrint(.key, size: .key), area: .publicSite, use: VoucherController.print)
    open.on(.GET, .voucherQR(.key), area: .publicSite, use: VoucherController.qrPNG)
    open.on(.POST, .voucherReservations(.key), area: .publicSite, use: JourneyController.reserve)
    open.on(
        .POST, .voucherReservationCancel(.key, reservation: .key), area: .publicSite, use: JourneyController.cancel)
    open.on(
        .GET, .voucherReservationCalendar(.key, reservation: .key), area: .publicSite, use: JourneyController.calendar)
    open.on(.GET, .voucherCertificate(.key), area: .publicSite, use: CertificatesController.printable)
    open.on(.GET, .certificateEntry, area: .publicSite, use: CertificatesController.enter)
    open.on(.GET, .certificateIssuer, area: .publicSite, use: CertificatesController.issuer)
    open.on(.GET, .certificate(.key), area: .publicSite, use: CertificatesController.show)
    open.on(.GET, .certificateCredential(.key), area: .publicSite, use: CertificatesController.credential)
    // Stripe's deliveries: authenticated by their signature, read as raw bytes (up to 1 MB).
    open.on(
        .POST, .stripeWebhook, area: .publicSite, body: .collect(maxSize: "1mb"), use: PaymentsController.stripeWebhook)

    let account = app.routes.grouped(AreaMiddleware(area: .account))
    account.on(.POST, .logout, area: .account, use: AuthController.logout)
    account.on(.GET, .dashboard, area: .account, use: DashboardController.dashboard)
    account.on(.GET, .account, area: .account, use: SiteController.account)
    account.on(.POST, .account, area: .account, use: SiteController.account)
    account.on(.GET, .accountTokens, area: .account, use: TokensController.list)
    account.on(.POST, .accountTokens, area: .account, use: TokensController.create)
    account.on(.POST, .accountTokenRevoke(.key), area: .account, use: TokensController.revoke)
    account.on(.GET, .organizerApplication, area: .account, use: OrganizerApplicationController.show)
    account.on(.POST, .organizerApplication, area: .account, use: OrganizerApplicationController.submit)
    account.on(.POST, .invitation(.key), area: .account, use: InvitationController.accept)
    account.on(.POST, .fundContributions(.key), area: .account, use: FundsController.contribute)
    account.on(.GET, .contribution(.key), area: .account, use: FundsController.contribution)
    account.on(.GET, .contributionReceipt(.key), area: .account, use: ReceiptController.show)

    let mentor = app.routes.grouped(AreaMiddleware(area: .mentor))
    mentor.on(.GET, .mentorHome, area: .mentor, use: DashboardController.mentor)
    mentor.on(.GET, .mentorImpact, area: .mentor, use: ImpactController.show)

    let partner = app.routes.grouped(AreaMiddleware(area: .partner))
    partner.on(.GET, .partnerHome, area: .partner, use: DashboardController.partner)
    partner.on(.GET, .partnerMembers(.key), area: .partner, use: MembersController.list)
    partner.on(.POST, .partnerInvite(.key), area: .partner, use: MembersController.invite)
    partner.on(.POST, .partnerRemoveMember(.key, member: .key), area: .partner, use: MembersController.remove)
    partner.on(.GET, .partnerVouchers(.key), area: .partner, use: PartnerVouchersController.list)
    partner.on(.GET, .partnerNominate(.key, voucher: .key), area: .partner, use: PartnerVouchersController.nominate)
    partner.on(.POST, .partnerNominate(.key, voucher: .key), area: .partner, use: PartnerVouchersController.nominate)
    partner.on(.POST, .partnerWithdraw(.key, voucher: .key), area: .partner, use: PartnerVouchersController.withdraw)
    partner.on(.GET, .partnerBulkNominate(.key), area: .partner, use: PartnerVouchersController.bulk)
    partner.on(
        .POST, .partnerBulkNominate(.key), area: .partner, body: .collect(maxSize: "2mb"),
        use: PartnerVouchersController.bulk)
    partner.on(.GET, .partnerWaiting(.key), area: .partner, use: WaitingListController.list)
    partner.on(.POST, .partnerWaiting(.key), area: .partner, use: WaitingListController.list)
    partner.on(.POST, .partnerWaitingRemove(.key, entry: .key), area: .partner, use: WaitingListController.remove)
    partner.on(.GET, .partnerBeneficiary(.key, beneficiary: .key), area: .partner, use: BeneficiaryController.show)
    partner.on(
        .GET, .partnerBeneficiaryExport(.key, beneficiary: .key), area: .partner, use: BeneficiaryController.export)
    partner.on(
        .POST, .partnerBeneficiaryErase(.key, beneficiary: .key), area: .partner, use: BeneficiaryController.erase)

    let organizer = app.routes.grouped(AreaMiddleware(area: .organizer))
    organizer.on(.GET, .organizerHome, area: .organizer, use: DashboardController.organizer)
    organizer.on(.GET, .organizerMembers(.key), area: .organizer, use: MembersController.list)
    organizer.on(.POST, .organizerInvite(.key), area: .organizer, use: MembersController.invite)
    organizer.on(.POST, .organizerRemoveMember(.key, member: .key), area: .organizer, use: MembersController.remove)
    organizer.on(.GET, .organizerDevices(.key), area: .organizer, use: DevicesController.list)
    organizer.on(.POST, .organizerDevices(.key), area: .organizer, use: DevicesController.create)
    organizer.on(
        .POST, .organizerDeviceRevoke(.key, device: .key), area: .organizer, use: DevicesController.revoke)
    organizer.on(.GET, .organizerSettlements(.key), area: .organizer, use: SettlementsController.organizer)
    organizer.on(
        .GET, .organizerSettlement(.key, settlement: .key), area: .organizer, use: SettlementsController.statement)
    organizer.on(
        .GET, .organizerSettlementCSV(.key, settlement: .key), area: .organizer, use: SettlementsController.csv)

    let door = app.routes.grouped(AreaMiddleware(area: .door))
    door.on(.GET, .doorHome, area: .door, use: DashboardController.door)
    door.on(.GET, .doorSession(.key), area: .door, use: DoorController.expected)
    door.on(.GET, .doorScan(.key), area: .door, use: DoorController.scanPage)
    door.on(.POST, .doorScan(.key), area: .door, use: DoorController.scan)
    door.on(.POST, .doorVoid(.key, redemption: .key), area: .door, use: DoorController.void)
    // A sync carries up to `DoorOfflineController.maximumScans` scans of up to ~600 bytes each
    // (a signed token is the longest): the default 16 KB would refuse ~130 of them.
    door.on(.POST, .doorSync(.key), area: .door, body: .collect(maxSize: "1mb"), use: DoorController.sync)
    // Public: browsers fetch a manifest without cookies.
    app.routes.on(.GET, .doorManifest, area: .publicSite, use: DoorController.manifest)

    let admin = app.routes.grouped(AreaMiddleware(area: .admin))
    admin.on(.GET, .adminHome, area: .admin, use: DashboardController.admin)
    admin.on(.GET, .adminOrganizers, area: .admin, use: AdminOrganizationsController.organizers)
    admin.on(.GET, .adminOrganizerEdit(.key), area: .admin, use: AdminOrganizationsController.editOrganizer)
    admin.on(.POST, .adminOrganizerEdit(.key), area: .admin, use: AdminOrganizationsController.editOrganizer)
    admin.on(.POST, .adminOrganizerDecide(.key, decision: .key), area: .admin, use: AdminOrganizationsController.decide)
    admin.on(.GET, .adminPartners, area: .admin, use: AdminOrganizationsController.partners)
    admin.on(.GET, .adminPartnerNew, area: .admin, use: AdminOrganizationsController.savePartner)
    admin.on(.POST, .adminPartnerNew, area: .admin, use: AdminOrganizationsController.savePartner)
    admin.on(.GET, .adminPartnerEdit(.key), area: .admin, use: AdminOrganizationsController.savePartner)
    admin.on(.POST, .adminPartnerEdit(.key), area: .admin, use: AdminOrganizationsController.savePartner)
    admin.on(.GET, .adminVenues, area: .admin, use: AdminVenuesController.venues)
    admin.on(.GET, .adminVenueNew, area: .admin, use: AdminVenuesController.saveVenue)
    admin.on(.POST, .adminVenueNew, area: .admin, use: AdminVenuesController.saveVenue)
    admin.on(.GET, .adminVenueEdit(.key), area: .admin, use: AdminVenuesController.saveVenue)
    admin.on(.POST, .adminVenueEdit(.key), area: .admin, use: AdminVenuesController.saveVenue)
    admin.on(.GET, .adminEvents, area: .admin, use: AdminEventsController.events)
    admin.on(.GET, .adminEventNew, area: .admin, use: AdminEventsController.saveEvent)
    admin.on(.POST, .adminEventNew, area: .admin, use: AdminEventsController.saveEvent)
    admin.on(.GET, .adminEventEdit(.key), area: .admin, use: AdminEventsController.saveEvent)
    admin.on(.POST, .adminEventEdit(.key), area: .admin, use: AdminEventsController.saveEvent)
    admin.on(.GET, .adminEventSessions(.key), area: .admin, use: AdminSessionsController.sessions)
    admin.on(.POST, .adminEventSessions(.key), area: .admin, use: AdminSessionsController.addSession)
    admin.on(
        .POST, .adminEventSessionDelete(.key, session: .key), area: .admin, use: AdminSessionsController.deleteSession)
    admin.on(.GET, .adminAudit, area: .admin, use: AdminOrganizationsController.audit)
    admin.on(.GET, .adminFunds, area: .admin, use: AdminFundsController.funds)
    admin.on(.GET, .adminFundNew, area: .admin, use: AdminFundsController.saveFund)
    admin.on(.POST, .adminFundNew, area: .admin, use: AdminFundsController.saveFund)
    admin.on(.GET, .adminFundEdit(.key), area: .admin, use: AdminFundsController.saveFund)
    admin.on(.POST, .adminFundEdit(.key), area: .admin, use: AdminFundsController.saveFund)
    admin.on(.GET, .adminContributions, area: .admin, use: AdminFundsController.contributions)
    admin.on(.GET, .adminContributionTransfer(.key), area: .admin, use: AdminFundsController.transfer)
    admin.on(.POST, .adminContributionTransfer(.key), area: .admin, use: AdminFundsController.transfer)
    admin.on(.GET, .adminContributionRefund(.key), area: .admin, use: PaymentsController.refund)
    admin.on(.POST, .adminContributionRefund(.key), area: .admin, use: PaymentsController.refund)
    admin.on(.GET, .adminContributionVouchers(.key), area: .admin, use: PaymentsController.vouchers)
    admin.on(.POST, .adminContributionAllocate(.key), area: .admin, use: PaymentsController.allocate)
    admin.on(.POST, .adminVoucherCancel(.key, voucher: .key), area: .admin, use: PaymentsController.cancelVoucher)
    admin.on(.GET, .adminCircuits, area: .admin, use: AdminCircuitsController.list)
    admin.on(.GET, .adminCircuitNew, area: .admin, use: AdminCircuitsController.save)
    admin.on(.POST, .adminCircuitNew, area: .admin, use: AdminCircuitsController.save)
    admin.on(.GET, .adminCircuitEdit(.key), area: .admin, use: AdminCircuitsController.save)
    admin.on(.POST, .adminCircuitEdit(.key), area: .admin, use: AdminCircuitsController.save)
    admin.on(.GET, .adminCircuitSteps(.key), area: .admin, use: AdminCircuitsController.steps)
    admin.on(.POST, .adminCircuitSteps(.key), area: .admin, use: AdminCircuitsController.addStep)
    admin.on(
        .POST, .adminCircuitStep(.key, step: .key, move: .key), area: .admin, use: AdminCircuitsController.moveStep)
    admin.on(.POST, .adminCircuitStepsOrder(.key), area: .admin, use: AdminCircuitsController.reorder)
    admin.on(.POST, .adminCircuitPublish(.key, action: .key), area: .admin, use: AdminCircuitsController.publish)
    admin.on(.GET, .adminCircuitStats(.key), area: .admin, use: AdminCircuitsController.stats)
    admin.on(.GET, .adminSettlements, area: .admin, use: SettlementsController.admin)
    admin.on(.POST, .adminSettlements, area: .admin, use: SettlementsController.create)
    admin.on(.POST, .adminSettlementPaid(.key), area: .admin, use: SettlementsController.markPaid)

    apiRoutes(app)
    programmeRoutes(app)
}

/// The JSON API, `/api/v1`: personal bearer tokens instead of sessions (`UserMiddleware`), and
/// every POST protected by an `Idempotency-Key` (DELETEs may carry one). Its OpenAPI document
/// lists exactly these routes (a test compares them).
func apiRoutes(_ app: Application) {
    let open = app.routes
    open.on(.GET, .apiOpenAPI, area: .publicSite, use: OpenAPIController.document)
    open.on(.GET, .apiFunds, area: .publicSite, use: ContributionsAPIController.funds)
    // Authenticated by the voucher code itself, not by an account.
    open.on(.POST, .apiReservations, area: .publicSite, use: ReservationsAPIController.create)
    open.on(.DELETE, .apiReservation(.key), area: .publicSite, use: ReservationsAPIController.delete)
    // Authenticated by a device token (`DoorDevices`), not by an account.
    open.on(.POST, .apiRedemptions, area: .publicSite, use: RedemptionsAPIController.create)
    open.on(.POST, .apiRedemptionVoid(.key), area: .publicSite, use: RedemptionsAPIController.void)
    open.on(.GET, .apiSessionCheckIn(.key), area: .publicSite, use: RedemptionsAPIController.checkIn)
    open.on(.GET, .apiDoorKeys, area: .publicSite, use: RedemptionsAPIController.keys)

    let account = app.routes.grouped(AreaMiddleware(area: .account))
    let accountWrites = account.grouped(IdempotencyMiddleware(required: true))
    account.on(.GET, .apiContributions, area: .account, use: ContributionsAPIController.list)
    accountWrites.on(.POST, .apiContributions, area: .account, use: ContributionsAPIController.create)
    account.on(.GET, .apiContribution(.key), area: .account, use: ContributionsAPIController.show)
    account.on(.GET, .apiContributionVouchers(.key), area: .account, use: ContributionsAPIController.vouchers)

    let partner = app.routes.grouped(AreaMiddleware(area: .partner))
    partner.on(.GET, .apiPartnerVouchers(.key), area: .partner, use: PartnersAPIController.vouchers)
    partner.grouped(IdempotencyMiddleware(required: true))
        .on(.POST, .apiPartnerNominations(.key), area: .partner, use: PartnersAPIController.nominate)
    partner.grouped(IdempotencyMiddleware(required: false))
        .on(.DELETE, .apiPartnerNomination(.key, nomination: .key), area: .partner, use: PartnersAPIController.withdraw)
}
