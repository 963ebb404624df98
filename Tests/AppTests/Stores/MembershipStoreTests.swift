import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Memberships: invitations, and removals that keep one member who runs the organisation")
struct MembershipStoreTests {
    typealias F = StoreFixtures

    @Test("door staff are removed, with the audit line, and the managers stay")
    func removeDoorStaff() async throws {
        try await withApp { app in
            let (organizer, members) = try await F.organizer(with: [.manager, .door], on: app.db)
            try await MembershipStore.removeOrganizerMember(
                members[1], of: organizer, record: .init(audit: F.audit("remove-member")), on: app.db)
            #expect(try await OrganizerMemberModel.query(on: app.db).filter(\.$organizer.$id == organizer).count() == 1)
            #expect(try await F.audits("remove-member", on: app.db) == 1)
        }
    }

    @Test("the last manager is not removed and nothing is audited; one of two managers is")
    func lastManager() async throws {
        try await withApp { app in
            let (organizer, members) = try await F.organizer(with: [.manager, .door, .manager], on: app.db)
            try await MembershipStore.removeOrganizerMember(
                members[2], of: organizer, record: .init(audit: F.audit("remove-member")), on: app.db)
            let refused = try await F.code {
                try await MembershipStore.removeOrganizerMember(
                    members[0], of: organizer, record: .init(audit: F.audit("remove-member")), on: app.db)
            }
            #expect(refused == .lastManager)
            #expect(try await OrganizerMemberModel.find(members[0], on: app.db) != nil)
            #expect(try await F.audits("remove-member", on: app.db) == 1)
        }
    }

    @Test("a partner's last coordinator is not removed; one of two is")
    func lastCoordinator() async throws {
        try await withApp { app in
            let (partner, members) = try await F.partner(coordinators: 2, on: app.db)
            try await MembershipStore.removePartnerMember(members[0], of: partner, record: .init(), on: app.db)
            let refused = try await F.code {
                try await MembershipStore.removePartnerMember(members[1], of: partner, record: .init(), on: app.db)
            }
            #expect(refused == .lastCoordinator)
            #expect(try await PartnerMemberModel.query(on: app.db).filter(\.$partner.$id == partner).count() == 1)
        }
    }

    @Test("a member of another organisation, or one already removed, is not found")
    func notFound() async throws {
        try await withApp { app in
            let (first, members) = try await F.organizer(with: [.manager, .door], on: app.db)
            let (second, _) = try await F.organizer(with: [.manager], on: app.db)
            let elsewhere = try await F.code {
                try await MembershipStore.removeOrganizerMember(members[1], of: second, record: .init(), on: app.db)
            }
            #expect(elsewhere == .notFound)
            try await MembershipStore.removeOrganizerMember(members[1], of: first, record: .init(), on: app.db)
            let again = try await F.code {
                try await MembershipStore.removeOrganizerMember(members[1], of: first, record: .init(), on: app.db)
            }
            #expect(again == .notFound)
        }
    }

    @Test("two instances removing the last two managers at the same moment leave one of them, every time")
    func concurrentManagers() async throws {
        try await withTwoApps { first, second in
            for _ in 0..<8 {
                let (organizer, members) = try await F.organizer(with: [.manager, .manager, .door], on: first.db)
                async let a = F.code {
                    try await MembershipStore.removeOrganizerMember(
                        members[0], of: organizer, record: .init(audit: F.audit("remove-member")), on: first.db)
                }
                async let b = F.code {
                    try await MembershipStore.removeOrganizerMember(
                        members[1], of: organizer, record: .init(audit: F.audit("remove-member")), on: second.db)
                }
                let outcomes = [try await a, try await b]
                #expect(outcomes.filter { $0 == nil }.count == 1, "\(outcomes)")
                #expect(outcomes.contains(.lastManager), "\(outcomes)")
                let managers = try await OrganizerMemberModel.query(on: first.db)
                    .filter(\.$organizer.$id == organizer).filter(\.$role == .manager).count()
                #expect(managers == 1)
            }
            #expect(try await F.audits("remove-member", on: first.db) == 8)
        }
    }

    @Test("two instances removing a partner's last two coordinators at the same moment leave one")
    func concurrentCoordinators() async throws {
        try await withTwoApps { first, second in
            for _ in 0..<8 {
                let (partner, members) = try await F.partner(coordinators: 2, on: first.db)
                async let a = F.code {
                    try await MembershipStore.removePartnerMember(
                        members[0], of: partner, record: .init(), on: first.db)
                }
                async let b = F.code {
                    try await MembershipStore.removePartnerMember(
                        members[1], of: partner, record: .init(), on: second.db)
                }
                let outcomes = [try await a, try await b]
                #expect(outcomes.filter { $0 == nil }.count == 1, "\(outcomes)")
                #expect(try await PartnerMemberModel.query(on: first.db).filter(\.$partner.$id == partner).count() == 1)
            }
        }
    }

    @Test("an invitation accepted twice at once makes one member; its mail and audit are written with it")
    func acceptOnce() async throws {
        try await withTwoApps { first, second in
            let (organizer, _) = try await F.organizer(with: [.manager], on: first.db)
            let inviter = try await F.user("inviter@example.org", on: first.db)
            let invitee = try await F.user("invitee@example.org", on: first.db)
            let invitation = InvitationModel(
                tokenHash: "h", email: "invitee@example.org", organizerID: organizer, partnerID: nil, role: "door",
                invitedBy: inviter, expiresAt: F.now.addingTimeInterval(3600))
            try await MembershipStore.invite(
                invitation, record: .init(audit: F.audit("invite"), mail: [F.mail(to: "invitee@example.org")]),
                on: first.db)
            #expect(try await OutboxMessageModel.query(on: first.db).count() == 1)
            let id = try invitation.requireID()
            async let a = F.code {
                try await MembershipStore.accept(
                    id, as: .organizer(organizer, role: .door), userID: invitee, at: F.now,
                    record: .init(audit: F.audit("join")), on: first.db)
            }
            async let b = F.code {
                try await MembershipStore.accept(
                    id, as: .organizer(organizer, role: .door), userID: invitee, at: F.now,
                    record: .init(audit: F.audit("join")), on: second.db)
            }
            let outcomes = [try await a, try await b]
            #expect(outcomes.filter { $0 == nil }.count == 1, "\(outcomes)")
            #expect(outcomes.contains(.tokenInvalid), "\(outcomes)")
            #expect(try await OrganizerMemberModel.query(on: first.db).filter(\.$user.$id == invitee).count() == 1)
            #expect(try await F.audits("join", on: first.db) == 1)
        }
    }

    @Test("someone who already belongs cannot accept a second invitation, which stays open")
    func alreadyMember() async throws {
        try await withApp { app in
            let (organizer, _) = try await F.organizer(with: [.manager], on: app.db)
            let user = try await F.user("twice@example.org", on: app.db)
            try await OrganizerMemberModel(organizerID: organizer, userID: user, role: .door).create(on: app.db)
            let invitation = InvitationModel(
                tokenHash: "h2", email: "twice@example.org", organizerID: organizer, partnerID: nil, role: "manager",
                invitedBy: user, expiresAt: F.now.addingTimeInterval(3600))
            try await MembershipStore.invite(invitation, record: .init(), on: app.db)
            let refused = try await F.code {
                try await MembershipStore.accept(
                    invitation.requireID(), as: .organizer(organizer, role: .manager), userID: user, at: F.now,
                    record: .init(audit: F.audit("join")), on: app.db)
            }
            #expect(refused == .alreadyMember)
            #expect(try await InvitationModel.find(invitation.requireID(), on: app.db)?.acceptedAt == nil)
            #expect(try await F.audits("join", on: app.db) == 0)
        }
    }
}
