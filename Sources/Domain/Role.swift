/// What a signed-in person may act as. One user can hold several roles.
public enum Role: String, Sendable, CaseIterable, Codable, Hashable {
    case admin
    case mentor
    /// A member of a Partner association who nominates beneficiaries.
    case partnerCoordinator = "partner-coordinator"
    /// A member of an Organizer who manages its venues, events and staff.
    case organizerManager = "organizer-manager"
    /// A member of an Organizer who may only scan vouchers at the door.
    case doorStaff = "door-staff"
}

/// The areas of the site, each guarded by the roles allowed in it.
///
/// Every route belongs to exactly one area; the server checks the area on every
/// request, and a test walks the whole route table against every role.
public enum Area: String, Sendable, CaseIterable, Codable {
    /// Anyone, signed in or not.
    case publicSite = "public"
    /// Any signed-in user.
    case account
    case mentor
    case partner
    case organizer
    case door
    case admin

    /// The roles admitted to this area. Admins are admitted everywhere so that
    /// they can support every other role.
    public var allowedRoles: Set<Role> {
        switch self {
        case .publicSite, .account: Set(Role.allCases)
        case .mentor: [.admin, .mentor]
        case .partner: [.admin, .partnerCoordinator]
        case .organizer: [.admin, .organizerManager]
        case .door: [.admin, .organizerManager, .doorStaff]
        case .admin: [.admin]
        }
    }

    public var requiresSignIn: Bool { self != .publicSite }

    /// Whether someone holding `roles` may enter.
    public func admits(_ roles: Set<Role>) -> Bool {
        !allowedRoles.isDisjoint(with: roles)
    }
}

/// A user's place in an Organizer.
public enum OrganizerRole: String, Sendable, CaseIterable, Codable {
    case manager
    case door

    public var role: Role {
        switch self {
        case .manager: .organizerManager
        case .door: .doorStaff
        }
    }
}
