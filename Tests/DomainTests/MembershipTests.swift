import Testing

@testable import Domain

@Suite("Who may leave an organisation")
struct MembershipTests {
    @Test("a member who does not run the organisation may always be removed")
    func doorStaffLeaves() {
        #expect(Membership.canRemove(runsIt: false, othersWhoRunIt: 0))
        #expect(Membership.canRemove(runsIt: false, othersWhoRunIt: 3))
    }

    @Test("a manager or coordinator may be removed while another one stays")
    func oneOfSeveral() {
        #expect(Membership.canRemove(runsIt: true, othersWhoRunIt: 1))
        #expect(Membership.canRemove(runsIt: true, othersWhoRunIt: 2))
    }

    @Test("the last one who runs the organisation may not be removed")
    func lastOne() {
        #expect(!Membership.canRemove(runsIt: true, othersWhoRunIt: 0))
    }

    @Test("an Organizer's last manager is refused as last-manager, a Partner's last coordinator as last-coordinator")
    func refusals() {
        #expect(throws: DomainError(.lastManager)) {
            try Membership.checkRemoval(from: .organizer, runsIt: true, othersWhoRunIt: 0)
        }
        #expect(throws: DomainError(.lastCoordinator)) {
            try Membership.checkRemoval(from: .partner, runsIt: true, othersWhoRunIt: 0)
        }
        #expect(throws: Never.self) {
            try Membership.checkRemoval(from: .partner, runsIt: true, othersWhoRunIt: 1)
        }
    }
}
