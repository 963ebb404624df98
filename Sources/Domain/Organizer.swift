/// Whether an Organizer may run events on the platform.
///
/// An application starts `pending`; an admin decides it once, to `approved` or `rejected`,
/// and the decision is final (the store's update is conditional on `pending`).
public enum OrganizerStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case approved
    case rejected

    /// An admin's answer to an application.
    public enum Decision: String, Sendable, CaseIterable {
        case approve
        case reject
    }

    /// The status `decision` moves an application to, or nil when it was already decided.
    public func next(_ decision: Decision) -> OrganizerStatus? {
        guard self == .pending else { return nil }
        return switch decision {
        case .approve: .approved
        case .reject: .rejected
        }
    }
}
