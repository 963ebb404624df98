import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Organizers: applications and an admin's decision, once")
struct OrganizerStoreTests {
    typealias F = StoreFixtures

    @Test("an application is stored pending under a slug of its own")
    func apply() async throws {
        try await withApp { app in
            let applicant = try await F.user("applicant@example.org", on: app.db)
            for _ in 0..<2 {
                let organizer = OrganizerModel(
                    slug: "", name: "Cantiere Aperto", city: "Roma", description: "", contactEmail: "c@example.org",
                    status: .approved, applicantID: applicant)
                try await OrganizerStore.apply(organizer, record: .init(audit: F.audit("apply")), on: app.db)
            }
            let stored = try await OrganizerModel.query(on: app.db).sort(\.$slug).all()
            #expect(stored.map(\.slug) == ["cantiere-aperto", "cantiere-aperto-2"])
            #expect(stored.allSatisfy { $0.status == .pending })
            #expect(try await F.audits("apply", on: app.db) == 2)
        }
    }

    @Test("approving makes the applicant the first manager and writes the mail and the audit line")
    func approve() async throws {
        try await withApp { app in
            let applicant = try await F.user("applicant@example.org", on: app.db)
            let organizer = try await F.organizer("Mulino", status: .pending, applicant: applicant, on: app.db)
            try await OrganizerStore.decide(
                organizer, .approve, applicant: applicant,
                record: .init(audit: F.audit("approve"), mail: [F.mail(to: "applicant@example.org")]), on: app.db)
            #expect(try await OrganizerModel.find(organizer, on: app.db)?.status == .approved)
            let members = try await OrganizerMemberModel.query(on: app.db).filter(\.$organizer.$id == organizer).all()
            #expect(members.map(\.role) == [.manager])
            #expect(members.map(\.$user.id) == [applicant])
            #expect(try await OutboxMessageModel.query(on: app.db).count() == 1)
            #expect(try await F.audits("approve", on: app.db) == 1)
        }
    }

    @Test("a decided application is not decided again: conflict, and nothing written")
    func decidedOnce() async throws {
        try await withApp { app in
            let applicant = try await F.user("applicant@example.org", on: app.db)
            let organizer = try await F.organizer("Mulino", status: .pending, applicant: applicant, on: app.db)
            try await OrganizerStore.decide(organizer, .reject, applicant: applicant, record: .init(), on: app.db)
            let again = try await F.code {
                try await OrganizerStore.decide(
                    organizer, .approve, applicant: applicant,
                    record: .init(audit: F.audit("approve"), mail: [F.mail(to: "applicant@example.org")]), on: app.db)
            }
            #expect(again == .conflict)
            #expect(try await OrganizerModel.find(organizer, on: app.db)?.status == .rejected)
            #expect(try await OrganizerMemberModel.query(on: app.db).count() == 0)
            #expect(try await OutboxMessageModel.query(on: app.db).count() == 0)
            #expect(try await F.audits("approve", on: app.db) == 0)
        }
    }

    @Test("an unknown organizer is not found")
    func unknown() async throws {
        try await withApp { app in
            let missing = try await F.code {
                try await OrganizerStore.decide(UUID(), .approve, applicant: nil, record: .init(), on: app.db)
            }
            #expect(missing == .notFound)
        }
    }

    @Test("two admins deciding at once on two instances: one decision is made, the other is a conflict")
    func concurrentDecisions() async throws {
        try await withTwoApps { first, second in
            for _ in 0..<8 {
                let applicant = try await F.user("\(UUID().uuidString.prefix(8))@example.org", on: first.db)
                let organizer = try await F.organizer(
                    "Org \(UUID().uuidString.prefix(8))", status: .pending, applicant: applicant, on: first.db)
                async let a = F.code {
                    try await OrganizerStore.decide(
                        organizer, .approve, applicant: applicant, record: .init(audit: F.audit("decide")),
                        on: first.db)
                }
                async let b = F.code {
                    try await OrganizerStore.decide(
                        organizer, .reject, applicant: applicant, record: .init(audit: F.audit("decide")),
                        on: second.db)
                }
                let outcomes = [try await a, try await b]
                #expect(outcomes.filter { $0 == nil }.count == 1, "\(outcomes)")
                #expect(outcomes.contains(.conflict), "\(outcomes)")
                let status = try await OrganizerModel.find(organizer, on: first.db)?.status
                let managers = try await OrganizerMemberModel.query(on: first.db)
                    .filter(\.$organizer.$id == organizer).count()
                #expect(managers == (status == .approved ? 1 : 0))
            }
            #expect(try await F.audits("decide", on: first.db) == 8)
        }
    }
}
