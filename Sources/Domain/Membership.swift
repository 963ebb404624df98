/// Who may leave an organisation.
///
/// An organisation always keeps one member who can run it (an Organizer's manager, a Partner's
/// coordinator): only such a member invites and removes colleagues, so without one nobody but
/// an admin could. The stores enforce this in the removing statement itself; this is the rule
/// they enforce and the words of a refusal.
public enum Membership {
    /// The kind of organisation a member belongs to.
    public enum Organisation: Sendable, Equatable {
        case organizer
        case partner
    }

    /// Whether a member may be removed (or lose the role that runs the organisation).
    ///
    /// - Parameters:
    ///   - runsIt: the member is a manager (Organizer) or a coordinator (Partner).
    ///   - othersWhoRunIt: how many other members of the same organisation run it.
    public static func canRemove(runsIt: Bool, othersWhoRunIt: Int) -> Bool {
        !runsIt || othersWhoRunIt > 0
    }

    /// Throws the refusal of a removal that `canRemove` forbids.
    public static func checkRemoval(from organisation: Organisation, runsIt: Bool, othersWhoRunIt: Int) throws {
        guard canRemove(runsIt: runsIt, othersWhoRunIt: othersWhoRunIt) else {
            throw DomainError(organisation == .organizer ? .lastManager : .lastCoordinator)
        }
    }
}
