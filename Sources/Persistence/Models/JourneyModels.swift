import Domain
import FluentKit
import Foundation

/// A seat held at one session for one voucher: for a step of its circuit, or for its event.
public final class ReservationModel: Model, @unchecked Sendable {
    public static let schema = "reservations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "voucher_id") public var voucher: VoucherModel
    @Parent(key: "session_id") public var session: EventSessionModel
    @Parent(key: "event_id") public var event: EventModel
    /// The circuit step, or the event of an event voucher.
    @Field(key: "slot") public var slot: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// An admission at the door: one standing admission per voucher and slot.
public final class RedemptionModel: Model, @unchecked Sendable {
    public static let schema = "redemptions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "voucher_id") public var voucher: VoucherModel
    @Parent(key: "session_id") public var session: EventSessionModel
    @Parent(key: "event_id") public var event: EventModel
    @Field(key: "slot") public var slot: UUID
    @OptionalField(key: "active_slot") public var activeSlot: UUID?
    @Field(key: "amount_minor") public var amountMinor: Int
    @Field(key: "currency") public var currency: Currency
    @Parent(key: "organizer_id") public var organizer: OrganizerModel
    /// Who admitted: a user's e-mail, a device, or `command-line`.
    @Field(key: "admitted_by") public var admittedBy: String
    @Field(key: "admitted_at") public var admittedAt: Date
    @OptionalField(key: "voided_at") public var voidedAt: Date?
    /// The scanning device, when a device admitted.
    @OptionalField(key: "device_id") public var deviceID: UUID?
    /// The door or device's label, as shown on an *already used* answer.
    @OptionalField(key: "door") public var door: String?
    @OptionalField(key: "voided_by") public var voidedBy: String?
    @OptionalField(key: "void_reason") public var voidReason: String?
    /// When the device scanned the voucher, if it sent that (an offline scan synced later).
    @OptionalField(key: "scanned_at") public var scannedAt: Date?
    /// The settlement that paid this admission.
    @OptionalField(key: "settlement_id") public var settlementID: UUID?
    /// The settlement that deducted this admission, undone after it was settled.
    @OptionalField(key: "void_settlement_id") public var voidSettlementID: UUID?

    public init() {}

    public var amount: Money { Money(minor: amountMinor, currency: currency) }
}

/// A scanning device of one organizer: a bearer token (kept as its SHA-256 hash) that admits
/// at that organizer's sessions only, until revoked.
public final class DoorDeviceModel: Model, @unchecked Sendable {
    public static let schema = "door_devices"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organizer_id") public var organizer: OrganizerModel
    @Field(key: "label") public var label: String
    @Field(key: "token_hash") public var tokenHash: String
    /// The token's last characters, to tell tokens apart in the list.
    @Field(key: "hint") public var hint: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(organizerID: UUID, label: String, tokenHash: String, hint: String, createdBy: String, at date: Date) {
        self.$organizer.id = organizerID
        self.label = label
        self.tokenHash = tokenHash
        self.hint = hint
        self.createdBy = createdBy
        self.createdAt = date
    }
}

/// A scan's answer, kept under its nonce: the same nonce from the same scanner gets the same
/// answer; with a different request it is refused.
public final class DoorScanModel: Model, @unchecked Sendable {
    public static let schema = "door_scans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "scanner") public var scanner: String
    @Field(key: "nonce") public var nonce: String
    @Field(key: "request_hash") public var requestHash: String
    @Field(key: "status") public var status: Int
    @Field(key: "response") public var response: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A circuit completed: what the printable page, the public check and the credential show.
public final class CertificateModel: Model, @unchecked Sendable {
    public static let schema = "certificates"

    @ID(key: .id) public var id: UUID?
    /// Typed or scanned to check it (the voucher code's format): not a secret, but unguessable.
    @Field(key: "code") public var code: String
    @Parent(key: "voucher_id") public var voucher: VoucherModel
    @Parent(key: "circuit_version_id") public var circuitVersion: CircuitVersionModel
    /// The name as nominated.
    @Field(key: "holder_name") public var holderName: String
    /// The beneficiary's language: the certificate is printed in it.
    @Field(key: "language") public var language: String
    @Field(key: "steps") public var stepsJSON: String
    @Field(key: "issued_at") public var issuedAt: Date
    /// Set while the admission that completed the circuit is undone (`Certificates.withdraw`).
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?

    public init() {}

    /// One step attended, as the certificate states it.
    public struct Step: Codable, Sendable, Hashable {
        public var event: UUID
        public var startsAt: Date
        public var endsAt: Date
        public var venue: String
        public var city: String
        public var organizer: String

        public init(event: UUID, startsAt: Date, endsAt: Date, venue: String, city: String, organizer: String) {
            (self.event, self.startsAt, self.endsAt) = (event, startsAt, endsAt)
            (self.venue, self.city, self.organizer) = (venue, city, organizer)
        }

        public var hours: Double { endsAt.timeIntervalSince(startsAt) / 3600 }
    }

    public func steps() throws -> [Step] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode([Step].self, from: Data(stepsJSON.utf8))
    }

    public static func encode(_ steps: [Step]) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(steps), as: UTF8.self)
    }
}

/// A private key the platform signs with (Ed25519, raw, base64), created once and shared by
/// every instance through the database.
public final class SigningKeyModel: Model, @unchecked Sendable {
    public static let schema = "signing_keys"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "private_key") public var privateKey: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// An organizer's admissions in a period, settled once: the amount due, and whether and how
/// it was paid.
public final class SettlementModel: Model, @unchecked Sendable {
    public static let schema = "settlements"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organizer_id") public var organizer: OrganizerModel
    @Field(key: "currency") public var currency: Currency
    @Field(key: "first_day") public var firstDay: String
    @Field(key: "last_day") public var lastDay: String
    @Field(key: "admissions") public var admissions: Int
    @Field(key: "admitted_minor") public var admittedMinor: Int
    @Field(key: "carried_voids") public var carriedVoids: Int
    @Field(key: "carried_minor") public var carriedMinor: Int
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "paid_at") public var paidAt: Date?
    @OptionalField(key: "paid_by") public var paidBy: String?
    @OptionalField(key: "paid_reference") public var paidReference: String?

    public init() {}

    public var totals: SettlementTotals {
        SettlementTotals(
            admissions: admissions, admittedMinor: admittedMinor, carriedVoids: carriedVoids,
            carriedMinor: carriedMinor)
    }

    /// A short number for statements and bank transfers: `S-` and the id's first eight characters.
    public var number: String { "S-" + (id?.uuidString.prefix(8).uppercased() ?? "") }
}

/// A voucher admitted by two devices while both were offline, found at the second one's sync.
public final class DoorConflictModel: Model, @unchecked Sendable {
    public static let schema = "door_conflicts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "session_id") public var session: EventSessionModel
    /// The admission that stands (the first to reach the server).
    @Parent(key: "redemption_id") public var redemption: RedemptionModel
    /// Who admitted it a second time, offline: `Door.Scanner.key`.
    @Field(key: "scanner") public var scanner: String
    @Field(key: "nonce") public var nonce: String
    @OptionalField(key: "scanned_at") public var scannedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
