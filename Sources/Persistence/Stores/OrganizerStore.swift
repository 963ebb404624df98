import Domain
import FluentKit
import Foundation
import SQLKit

/// Organizers: applications, an admin's decision on them, their details.
public enum OrganizerStore {
    /// Stores an application (`pending`) under a slug no other organizer has.
    public static func apply(_ organizer: OrganizerModel, record: ChangeRecord, on db: any Database) async throws {
        try await db.writeTransaction { db in
            let base = Slug.make(from: organizer.name)
            let taken = try await OrganizerModel.query(on: db).filter(\.$slug =~ base).all().map(\.slug)
            organizer.slug = Slug.unique(from: organizer.name, fallback: "organizer", taken: Set(taken))
            organizer.status = .pending
            try await organizer.create(on: db)
            try await record.write(on: db)
        }
    }

    /// Decides a pending application, once: the status moves by `OrganizerStatus.next` in one
    /// UPDATE conditional on `pending`, so of two decisions (two admins, two instances) one is
    /// made and the other gets `conflict`. An approved applicant becomes its first manager.
    public static func decide(
        _ id: UUID, _ decision: OrganizerStatus.Decision, applicant: UUID?, record: ChangeRecord, on db: any Database
    ) async throws {
        guard let next = OrganizerStatus.pending.next(decision) else { throw DomainError(.conflict) }
        try await db.writeTransaction { db in
            let changed = try await db.storeSQL.update(OrganizerModel.schema)
                .set("status", to: SQLBind(next.rawValue))
                .where("id", .equal, SQLBind(id))
                .where("status", .equal, SQLBind(OrganizerStatus.pending.rawValue))
                .returning("id").all()
            guard changed.count == 1 else {
                throw DomainError(try await OrganizerModel.find(id, on: db) == nil ? .notFound : .conflict)
            }
            if next == .approved, let applicant {
                try await OrganizerMemberModel(organizerID: id, userID: applicant, role: .manager).create(on: db)
            }
            try await record.write(on: db)
        }
    }

    /// Saves an organizer's edited details.
    public static func save(_ organizer: OrganizerModel, record: ChangeRecord, on db: any Database) async throws {
        try await db.writeTransaction { db in
            try await organizer.save(on: db)
            try await record.write(on: db)
        }
    }
}

/// Partners: the associations that nominate beneficiaries.
public enum PartnerStore {
    /// Creates or updates a partner; a new one gets a slug no other partner has.
    public static func save(_ partner: PartnerModel, record: ChangeRecord, on db: any Database) async throws {
        try await db.writeTransaction { db in
            if !partner.$id.exists {
                let base = Slug.make(from: partner.name)
                let taken = try await PartnerModel.query(on: db).filter(\.$slug =~ base).all().map(\.slug)
                partner.slug = Slug.unique(from: partner.name, fallback: "partner", taken: Set(taken))
            }
            try await partner.save(on: db)
            try await record.write(on: db)
        }
    }
}
