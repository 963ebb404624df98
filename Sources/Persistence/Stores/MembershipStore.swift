import Domain
import FluentKit
import Foundation
import SQLKit

/// Invitations and the members of Organizers and Partners.
public enum MembershipStore {
    /// Whom an accepted invitation makes a member, and of what.
    public enum Joining: Sendable {
        case organizer(UUID, role: OrganizerRole)
        case partner(UUID)
    }

    /// Stores an invitation with the mail that carries its link.
    public static func invite(_ invitation: InvitationModel, record: ChangeRecord, on db: any Database) async throws {
        try await db.writeTransaction { db in
            try await invitation.create(on: db)
            try await record.write(on: db)
        }
    }

    /// Accepts an invitation, once, and makes `userID` a member.
    ///
    /// Of two acceptances of the same invitation one wins (`tokenInvalid` for the other); a user
    /// who already belongs gets `alreadyMember` and the invitation stays open.
    public static func accept(
        _ invitationID: UUID, as joining: Joining, userID: UUID, at date: Date, record: ChangeRecord,
        on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            guard try await db.setOnce(InvitationModel.schema, id: invitationID, column: "accepted_at", to: date) else {
                throw DomainError(.tokenInvalid)
            }
            do {
                switch joining {
                case .organizer(let organizerID, let role):
                    try await OrganizerMemberModel(organizerID: organizerID, userID: userID, role: role).create(on: db)
                case .partner(let partnerID):
                    try await PartnerMemberModel(partnerID: partnerID, userID: userID).create(on: db)
                }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw DomainError(.alreadyMember)
            }
            try await record.write(on: db)
        }
    }

    /// Removes a member of an Organizer unless they are its last manager (`lastManager`), in one
    /// guarded DELETE; `notFound` when the organizer has no such member.
    public static func removeOrganizerMember(
        _ memberID: UUID, of organizerID: UUID, record: ChangeRecord, on db: any Database
    ) async throws {
        try await remove(memberID, of: organizerID, in: .organizer, record: record, on: db)
    }

    /// Removes a member of a Partner unless they are its last coordinator (`lastCoordinator`),
    /// in one guarded DELETE; `notFound` when the partner has no such member.
    public static func removePartnerMember(
        _ memberID: UUID, of partnerID: UUID, record: ChangeRecord, on db: any Database
    ) async throws {
        try await remove(memberID, of: partnerID, in: .partner, record: record, on: db)
    }

    /// The tables of one kind of organisation, and which of its members run it.
    struct Tables: Sendable {
        let members: String
        let parent: String
        let parentColumn: String
        let organisation: Membership.Organisation

        init(_ organisation: Membership.Organisation) {
            self.organisation = organisation
            switch organisation {
            case .organizer:
                (members, parent, parentColumn) = (OrganizerMemberModel.schema, OrganizerModel.schema, "organizer_id")
            case .partner:
                (members, parent, parentColumn) = (PartnerMemberModel.schema, PartnerModel.schema, "partner_id")
            }
        }

        /// SQL that is true for a row of `table` (a member) who runs the organisation: an
        /// Organizer's manager, any of a Partner's coordinators.
        func runsIt(_ table: String) -> any SQLExpression {
            switch organisation {
            case .organizer:
                SQLBinaryExpression(
                    SQLColumn("role", table: table), .equal, SQLLiteral.string(OrganizerRole.manager.rawValue))
            case .partner:
                SQLLiteral.boolean(true)
            }
        }
    }

    static func remove(
        _ memberID: UUID, of parentID: UUID, in organisation: Membership.Organisation, record: ChangeRecord,
        on db: any Database
    ) async throws {
        let tables = Tables(organisation)
        try await db.writeTransaction { db in
            let sql = db.storeSQL
            if db.isPostgres {
                // The organisation's row is where removals from it queue, across instances: the
                // statement below counts the others who run it, and two removals that each saw
                // the other's member still there would otherwise both succeed.
                try await sql.raw(
                    """
                    SELECT id FROM \(ident: tables.parent) WHERE id = \(bind: parentID) FOR NO KEY UPDATE
                    """
                ).run()
            }
            let removed = try await sql.raw(
                """
                DELETE FROM \(ident: tables.members)
                WHERE id = \(bind: memberID) AND \(ident: tables.parentColumn) = \(bind: parentID)
                AND (NOT (\(tables.runsIt(tables.members))) OR EXISTS (
                    SELECT 1 FROM \(ident: tables.members) AS other
                    WHERE other.\(ident: tables.parentColumn) = \(bind: parentID) AND other.id <> \(bind: memberID)
                    AND \(tables.runsIt("other"))))
                RETURNING id
                """
            ).all()
            guard removed.isEmpty else { return try await record.write(on: db) }
            try await explainRefusal(memberID, of: parentID, in: organisation, tables: tables, on: sql)
        }
    }

    /// Why nothing was removed: no such member, or the rule (read again in the same transaction).
    static func explainRefusal(
        _ memberID: UUID, of parentID: UUID, in organisation: Membership.Organisation, tables: Tables,
        on sql: any SQLDatabase
    ) async throws {
        let rows = try await sql.raw(
            """
            SELECT m.id AS id, \(tables.runsIt("m")) AS runs_it FROM \(ident: tables.members) AS m
            WHERE m.\(ident: tables.parentColumn) = \(bind: parentID)
            """
        ).all()
        var member: Bool?
        var others = 0
        for row in rows {
            let runsIt = try row.decode(column: "runs_it", as: Bool.self)
            if try row.decode(column: "id", as: UUID.self) == memberID {
                member = runsIt
            } else if runsIt {
                others += 1
            }
        }
        guard let runsIt = member else { throw DomainError(.notFound) }
        try Membership.checkRemoval(from: organisation, runsIt: runsIt, othersWhoRunIt: others)
        throw DomainError(.conflict)
    }
}
