import Domain
import FluentKit
import Foundation

/// What a Fund pays for: anything, one Event, one Circuit, or the vouchers of one Partner.
public enum FundScope: String, Codable, Sendable, CaseIterable {
    case general, event, circuit, partner
}

/// A pot of money with a purpose, in one currency, that contributions fill and vouchers draw on.
public final class FundModel: Model, @unchecked Sendable {
    public static let schema = "funds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "currency") public var currency: Currency
    @Field(key: "scope") public var scope: FundScope
    @OptionalField(key: "scope_id") public var scopeID: UUID?
    /// Whether the public page shows what the fund made possible.
    @Field(key: "is_public") public var isPublic: Bool
    /// Whether it accepts contributions.
    @Field(key: "is_open") public var isOpen: Bool
    /// The value of one open-credit voucher (minor units); nil when amounts stay in the fund.
    @OptionalField(key: "face_value_minor") public var faceValueMinor: Int?
    @Field(key: "original_language") public var originalLanguage: String
    @Children(for: \.$fund) public var texts: [FundTextModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, currency: Currency, scope: FundScope, scopeID: UUID?, isPublic: Bool, isOpen: Bool,
        originalLanguage: String
    ) {
        self.id = id
        self.currency = currency
        self.scope = scope
        self.scopeID = scopeID
        self.isPublic = isPublic
        self.isOpen = isOpen
        self.originalLanguage = originalLanguage
    }
}

/// A Fund's name and purpose in one language.
public final class FundTextModel: Model, @unchecked Sendable {
    public static let schema = "fund_texts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "fund_id") public var fund: FundModel
    @Field(key: "language") public var language: String
    @Field(key: "name") public var name: String
    @Field(key: "purpose") public var purpose: String
    @Field(key: "origin") public var origin: TextOrigin
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(fundID: UUID, language: String, name: String, purpose: String, origin: TextOrigin) {
        self.$fund.id = fundID
        self.language = language
        self.name = name
        self.purpose = purpose
        self.origin = origin
    }
}

public enum ContributionKind: String, Codable, Sendable, CaseIterable {
    /// N places at the price locked when contributing.
    case places
    /// An amount of open credit for the fund.
    case amount
}

public enum ContributionStatus: String, Codable, Sendable, CaseIterable {
    case pending, paid, refunded, failed, cancelled
}

/// A mentor's payment into a Fund.
public final class ContributionModel: Model, @unchecked Sendable {
    public static let schema = "contributions"

    @ID(key: .id) public var id: UUID?
    /// The receipt number, sequential.
    @Field(key: "number") public var number: Int
    @Parent(key: "mentor_id") public var mentor: UserModel
    @Parent(key: "fund_id") public var fund: FundModel
    @Field(key: "kind") public var kind: ContributionKind
    @OptionalParent(key: "event_id") public var event: EventModel?
    /// For places in a circuit: the version paid for (its steps and prices stay with the vouchers).
    @OptionalField(key: "circuit_version_id") public var circuitVersionID: UUID?
    @OptionalField(key: "places") public var places: Int?
    @OptionalField(key: "unit_price_minor") public var unitPriceMinor: Int?
    @Field(key: "amount_minor") public var amountMinor: Int
    @Field(key: "currency") public var currency: Currency
    @Field(key: "provider") public var provider: String
    @Field(key: "status") public var status: ContributionStatus
    /// With the mentor, unique: a retried form or API call finds the first contribution.
    @Field(key: "idempotency_key") public var idempotencyKey: String
    /// A digest of what was asked, to refuse the same key with a different request.
    @Field(key: "request_hash") public var requestHash: String
    /// What a bank transfer's description must carry (`MNT-…`).
    @Field(key: "payment_reference") public var paymentReference: String
    @OptionalField(key: "provider_reference") public var providerReference: String?
    @Field(key: "anonymous") public var anonymous: Bool
    @OptionalField(key: "dedication") public var dedication: String?
    @Field(key: "unused_rule") public var unusedRule: UnusedValueRule
    /// The mentor's language when contributing (receipts and bank details use it).
    @Field(key: "language") public var language: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "paid_at") public var paidAt: Date?
    /// The card provider's checkout (session id and the page the mentor pays on), once created.
    @OptionalField(key: "checkout_id") public var checkoutID: String?
    @OptionalField(key: "checkout_url") public var checkoutURL: String?
    /// How much of the amount went back to the mentor, in total.
    @Field(key: "refunded_minor") public var refundedMinor: Int
    /// A refund under way: taken from what may be refunded before the provider was asked, and
    /// booked or released when it answers. Another refund waits until then (or until
    /// the reservation is too old to be alive: a process that stopped in between).
    @Field(key: "refund_reserved_minor") public var refundReservedMinor: Int
    @OptionalField(key: "refund_reserved_at") public var refundReservedAt: Date?

    public init() {
        refundedMinor = 0
        refundReservedMinor = 0
    }

    public var amount: Money { Money(minor: amountMinor, currency: currency) }
}

/// A provider's webhook event, kept so that each is processed once.
public final class PaymentEventModel: Model, @unchecked Sendable {
    public static let schema = "payment_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "provider") public var provider: String
    @Field(key: "event_id") public var eventID: String
    @Field(key: "type") public var type: String
    @Field(key: "outcome") public var outcome: String
    @Field(key: "received_at") public var receivedAt: Date

    public init() {}
}

/// Value given back to a mentor.
public final class RefundModel: Model, @unchecked Sendable {
    public static let schema = "refunds"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "contribution_id") public var contribution: ContributionModel
    @Field(key: "amount_minor") public var amountMinor: Int
    @Field(key: "currency") public var currency: Currency
    @Field(key: "provider") public var provider: String
    @Field(key: "reference") public var reference: String
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// What a voucher pays for; its `scope_id` names the event, or the circuit *version* (whose
/// plan never changes, so a voucher keeps the steps and prices it was issued with).
public enum VoucherScope: String, Codable, Sendable, CaseIterable {
    case event, circuit, credit
}

/// A bearer voucher: one place at an Event or Circuit, or open credit, paid by a Fund.
public final class VoucherModel: Model, @unchecked Sendable {
    public static let schema = "vouchers"

    @ID(key: .id) public var id: UUID?
    /// The canonical code (see `VoucherCode`): a bearer secret, never logged in full.
    @Field(key: "code") public var code: String
    @Parent(key: "fund_id") public var fund: FundModel
    @OptionalParent(key: "contribution_id") public var contribution: ContributionModel?
    @Field(key: "scope") public var scope: VoucherScope
    @OptionalField(key: "scope_id") public var scopeID: UUID?
    @Field(key: "value_minor") public var valueMinor: Int
    @Field(key: "currency") public var currency: Currency
    @Field(key: "status") public var status: VoucherStatus
    /// The Partner the voucher is allocated to, who nominates its beneficiary.
    @OptionalParent(key: "partner_id") public var partner: PartnerModel?
    /// Who the voucher is bound to, once nominated.
    @OptionalParent(key: "beneficiary_id") public var beneficiary: BeneficiaryModel?
    @Field(key: "expires_at") public var expiresAt: Date
    /// The expired voucher whose value this one carries on, when it was reallocated.
    @OptionalField(key: "reallocated_from") public var reallocatedFrom: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var value: Money { Money(minor: valueMinor, currency: currency) }
}

/// A person a Partner gives vouchers to: the least data that does the job.
public final class BeneficiaryModel: Model, @unchecked Sendable {
    public static let schema = "beneficiaries"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "partner_id") public var partner: PartnerModel
    @Field(key: "name") public var name: String
    @OptionalField(key: "email") public var email: String?
    @Field(key: "language") public var language: String
    @OptionalField(key: "note") public var note: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "erased_at") public var erasedAt: Date?

    public init() {}

    public init(partnerID: UUID, draft: NominationDraft) {
        self.$partner.id = partnerID
        self.name = draft.name
        self.email = draft.email
        self.language = draft.language.rawValue
        self.note = draft.note
    }
}

/// A Partner gave a voucher to a Beneficiary (withdrawn while unused, if need be).
public final class NominationModel: Model, @unchecked Sendable {
    public static let schema = "nominations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "voucher_id") public var voucher: VoucherModel
    @Parent(key: "beneficiary_id") public var beneficiary: BeneficiaryModel
    @Parent(key: "partner_id") public var partner: PartnerModel
    @OptionalField(key: "nominated_by") public var nominatedBy: UUID?
    @Field(key: "delivery") public var delivery: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?

    public init() {}
}

public enum WaitingStatus: String, Codable, Sendable, CaseIterable {
    case waiting, served, removed
}

/// A person on a Partner's waiting list for a Fund: the next voucher that fund's value frees
/// up (an expired voucher whose mentor chose reallocation) is made for them.
public final class WaitingEntryModel: Model, @unchecked Sendable {
    public static let schema = "waiting_entries"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "partner_id") public var partner: PartnerModel
    @Parent(key: "fund_id") public var fund: FundModel
    @Field(key: "name") public var name: String
    @OptionalField(key: "email") public var email: String?
    @Field(key: "language") public var language: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "delivery") public var delivery: String
    @Field(key: "status") public var status: WaitingStatus
    @OptionalParent(key: "voucher_id") public var voucher: VoucherModel?
    @OptionalField(key: "added_by") public var addedBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(partnerID: UUID, fundID: UUID, draft: NominationDraft, addedBy: UUID?, at now: Date) {
        self.$partner.id = partnerID
        self.$fund.id = fundID
        self.name = draft.name
        self.email = draft.email
        self.language = draft.language.rawValue
        self.note = draft.note
        self.delivery = draft.delivery.rawValue
        self.status = .waiting
        self.addedBy = addedBy
        self.createdAt = now
    }

    /// The person as a nomination draft.
    public var draft: NominationDraft? {
        try? NominationDraft(name: name, email: email, language: language, note: note, delivery: delivery)
    }
}
