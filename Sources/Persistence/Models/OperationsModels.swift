import FluentKit
import Foundation

/// Where an outgoing message stands.
public enum OutboxStatus: String, Codable, Sendable {
    case pending
    case sent
    case failed
}

/// An e-mail waiting to be delivered. It is written in the same transaction as the change
/// that causes it, so a rolled-back change sends nothing.
public final class OutboxMessageModel: Model, @unchecked Sendable {
    public static let schema = "outbox"

    @ID(key: .id) public var id: UUID?
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "text_body") public var textBody: String
    @Field(key: "language") public var language: String
    @Field(key: "status") public var status: OutboxStatus
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    /// Text to attach as a QR code image (a voucher's address), if any.
    @OptionalField(key: "qr_content") public var qrContent: String?
    /// The body carries a secret (a link that signs in or resets, a voucher code): emptied,
    /// with the QR, once the message is delivered.
    @Field(key: "holds_secret") public var holdsSecret: Bool
    /// The beneficiary the message is about (their voucher, a notice naming them): their
    /// export and erasure reach it.
    @OptionalField(key: "beneficiary_id") public var beneficiaryID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(recipient: String, subject: String, textBody: String, language: String, now: Date) {
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
        self.language = language
        self.status = .pending
        self.attempts = 0
        self.nextAttemptAt = now
        self.holdsSecret = false
    }
}

/// Who did what to which object, when, from where.
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_email") public var actorEmail: String
    @Field(key: "action") public var action: String
    @Field(key: "object_type") public var objectType: String
    @Field(key: "object_id") public var objectID: String
    @Field(key: "detail") public var detail: String
    @Field(key: "ip") public var ip: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        actorID: UUID?, actorEmail: String, action: String, objectType: String, objectID: String,
        detail: String, ip: String, at date: Date
    ) {
        self.actorID = actorID
        self.actorEmail = actorEmail
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.detail = detail
        self.ip = ip
        self.createdAt = date
    }
}

/// A personal bearer token for the JSON API. Only its SHA-256 is kept.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "label") public var label: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "hint") public var hint: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(userID: UUID, label: String, tokenHash: String, hint: String, at date: Date) {
        self.$user.id = userID
        self.label = label
        self.tokenHash = tokenHash
        self.hint = hint
        self.createdAt = date
    }
}

/// The first answer to one user's `Idempotency-Key`.
public final class IdempotencyRecordModel: Model, @unchecked Sendable {
    public static let schema = "idempotency_records"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "key") public var key: String
    @Field(key: "request_hash") public var requestHash: String
    @OptionalField(key: "status_code") public var statusCode: Int?
    @OptionalField(key: "response_body") public var responseBody: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
