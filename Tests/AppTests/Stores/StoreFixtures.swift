import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Small worlds for the stores' tests, written straight to the database.
enum StoreFixtures {
    static let now = Date(timeIntervalSince1970: 2_000_000_000)

    static func user(_ email: String, on db: any Database) async throws -> UUID {
        let user = UserModel(email: email, passwordHash: "-", displayName: email, language: "en")
        try await user.create(on: db)
        return try user.requireID()
    }

    /// An organizer in `status`, applied for by `applicant`.
    static func organizer(
        _ name: String, status: OrganizerStatus = .approved, applicant: UUID? = nil, on db: any Database
    ) async throws -> UUID {
        let organizer = OrganizerModel(
            slug: name.lowercased(), name: name, city: "Roma", description: "", contactEmail: "info@example.org",
            status: status, applicantID: applicant)
        try await organizer.create(on: db)
        return try organizer.requireID()
    }

    /// An organizer with members of these roles; returns it and the member rows' ids in order.
    static func organizer(with roles: [OrganizerRole], on db: any Database) async throws -> (UUID, [UUID]) {
        let organizer = try await organizer("Org \(UUID().uuidString.prefix(8))", on: db)
        var members: [UUID] = []
        for role in roles {
            let user = try await user("\(UUID().uuidString.prefix(8))@example.org", on: db)
            let member = OrganizerMemberModel(organizerID: organizer, userID: user, role: role)
            try await member.create(on: db)
            members.append(try member.requireID())
        }
        return (organizer, members)
    }

    /// A partner with `count` coordinators; returns it and the member rows' ids.
    static func partner(coordinators count: Int, on db: any Database) async throws -> (UUID, [UUID]) {
        let partner = PartnerModel(
            slug: "p-\(UUID().uuidString.prefix(8))".lowercased(), name: "Partner", city: "Tirana", description: "")
        try await partner.create(on: db)
        let partnerID = try partner.requireID()
        var members: [UUID] = []
        for _ in 0..<count {
            let user = try await user("\(UUID().uuidString.prefix(8))@example.org", on: db)
            let member = PartnerMemberModel(partnerID: partnerID, userID: user)
            try await member.create(on: db)
            members.append(try member.requireID())
        }
        return (partnerID, members)
    }

    static func audit(_ action: String) -> AuditEventModel {
        AuditEventModel(
            actorID: nil, actorEmail: "test", action: action, objectType: "test", objectID: "-", detail: "", ip: "-",
            at: now)
    }

    static func mail(to recipient: String) -> OutboxMessageModel {
        OutboxMessageModel(recipient: recipient, subject: "s", textBody: "b", language: "en", now: now)
    }

    static func audits(_ action: String, on db: any Database) async throws -> Int {
        try await AuditEventModel.query(on: db).filter(\.$action == action).count()
    }

    /// The DomainError code `body` throws, or nil when it returns; any other error is thrown.
    static func code(_ body: () async throws -> Void) async throws -> DomainError.Code? {
        do {
            try await body()
            return nil
        } catch let error as DomainError {
            return error.code
        }
    }
}
