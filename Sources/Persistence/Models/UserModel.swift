import Domain
import FluentKit
import Foundation

/// A person with an account. Roles come from the flags here and from memberships.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "language") public var language: String
    @Field(key: "is_admin") public var isAdmin: Bool
    @Field(key: "is_mentor") public var isMentor: Bool
    /// Sessions signed in under another epoch are signed out (a password reset moves it on).
    @Field(key: "session_epoch") public var sessionEpoch: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, email: String, passwordHash: String, displayName: String, language: String,
        isAdmin: Bool = false, isMentor: Bool = false
    ) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.language = language
        self.isAdmin = isAdmin
        self.isMentor = isMentor
        self.sessionEpoch = 0
    }
}

/// One failed log-in, counted per account and per address to slow down guessing.
public final class LoginAttemptModel: Model, @unchecked Sendable {
    public static let schema = "login_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "scope") public var scope: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(scope: String, at date: Date) {
        self.scope = scope
        self.createdAt = date
    }
}

/// A single-use password reset; only the SHA-256 of the token is stored.
public final class PasswordResetModel: Model, @unchecked Sendable {
    public static let schema = "password_resets"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(userID: UUID, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}

/// A sign-up waiting for its address to be confirmed: the account is made from the e-mailed
/// link only, so the form says the same whether or not the address already has an account.
public final class SignUpRequestModel: Model, @unchecked Sendable {
    public static let schema = "signup_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "language") public var language: String
    @OptionalField(key: "next") public var next: String?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        email: String, displayName: String, passwordHash: String, language: String, next: String?,
        tokenHash: String, expiresAt: Date, at date: Date
    ) {
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.language = language
        self.next = next
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.createdAt = date
    }
}
