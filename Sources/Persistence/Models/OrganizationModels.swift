import Domain
import FluentKit
import Foundation

/// An organisation that runs Venues and Events and is paid in Settlements.
public final class OrganizerModel: Model, @unchecked Sendable {
    public static let schema = "organizers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "city") public var city: String
    @Field(key: "description") public var description: String
    @Field(key: "contact_email") public var contactEmail: String
    @Field(key: "status") public var status: OrganizerStatus
    @OptionalParent(key: "applicant_id") public var applicant: UserModel?
    /// The language of its settlement statements (`it`, `sq` or `en`).
    @Field(key: "language") public var language: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, slug: String, name: String, city: String, description: String,
        contactEmail: String, status: OrganizerStatus, applicantID: UUID?, language: String = "it"
    ) {
        self.language = language
        self.id = id
        self.slug = slug
        self.name = name
        self.city = city
        self.description = description
        self.contactEmail = contactEmail
        self.status = status
        self.$applicant.id = applicantID
    }
}

/// An association that nominates Beneficiaries.
public final class PartnerModel: Model, @unchecked Sendable {
    public static let schema = "partners"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "city") public var city: String
    @Field(key: "description") public var description: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, slug: String, name: String, city: String, description: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.city = city
        self.description = description
    }
}

/// A user's membership of an Organizer, as manager or door staff.
public final class OrganizerMemberModel: Model, @unchecked Sendable {
    public static let schema = "organizer_members"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organizer_id") public var organizer: OrganizerModel
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "role") public var role: OrganizerRole
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organizerID: UUID, userID: UUID, role: OrganizerRole) {
        self.$organizer.id = organizerID
        self.$user.id = userID
        self.role = role
    }
}

/// A user's membership of a Partner, as coordinator.
public final class PartnerMemberModel: Model, @unchecked Sendable {
    public static let schema = "partner_members"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "partner_id") public var partner: PartnerModel
    @Parent(key: "user_id") public var user: UserModel
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(partnerID: UUID, userID: UUID) {
        self.$partner.id = partnerID
        self.$user.id = userID
    }
}

/// An e-mailed invitation to join a Partner or an Organizer; only the token's SHA-256 is stored.
public final class InvitationModel: Model, @unchecked Sendable {
    public static let schema = "invitations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "email") public var email: String
    @OptionalParent(key: "organizer_id") public var organizer: OrganizerModel?
    @OptionalParent(key: "partner_id") public var partner: PartnerModel?
    /// `manager` or `door` for an Organizer, `coordinator` for a Partner.
    @Field(key: "role") public var role: String
    @Parent(key: "invited_by") public var invitedBy: UserModel
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "accepted_at") public var acceptedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        tokenHash: String, email: String, organizerID: UUID?, partnerID: UUID?, role: String,
        invitedBy: UUID, expiresAt: Date
    ) {
        self.tokenHash = tokenHash
        self.email = email
        self.$organizer.id = organizerID
        self.$partner.id = partnerID
        self.role = role
        self.$invitedBy.id = invitedBy
        self.expiresAt = expiresAt
    }
}
