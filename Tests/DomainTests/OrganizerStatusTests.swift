import Testing

@testable import Domain

@Suite("An organizer's application and its decision")
struct OrganizerStatusTests {
    @Test("a pending application is approved or rejected")
    func pendingIsDecided() {
        #expect(OrganizerStatus.pending.next(.approve) == .approved)
        #expect(OrganizerStatus.pending.next(.reject) == .rejected)
    }

    @Test("a decided application cannot be decided again, either way")
    func decidedIsFinal() {
        for status in [OrganizerStatus.approved, .rejected] {
            for decision in OrganizerStatus.Decision.allCases {
                #expect(status.next(decision) == nil)
            }
        }
    }

    @Test("the decisions are spelled as the admin page's addresses spell them")
    func decisionNames() {
        #expect(OrganizerStatus.Decision(rawValue: "approve") == .approve)
        #expect(OrganizerStatus.Decision(rawValue: "reject") == .reject)
        #expect(OrganizerStatus.Decision(rawValue: "maybe") == nil)
    }
}
