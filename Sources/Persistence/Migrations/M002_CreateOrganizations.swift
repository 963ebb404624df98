import FluentKit

/// Organizers, Partners, their members and invitations.
struct M002CreateOrganizations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organizers")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("city", .string, .required)
            .field("description", .string, .required)
            .field("contact_email", .string, .required)
            .field("status", .string, .required)
            .field("applicant_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("partners")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("city", .string, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("organizer_members")
            .id()
            .field("organizer_id", .uuid, .required, .references("organizers", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organizer_id", "user_id")
            .create()
        try await database.schema("partner_members")
            .id()
            .field("partner_id", .uuid, .required, .references("partners", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "partner_id", "user_id")
            .create()
        try await database.schema("invitations")
            .id()
            .field("token_hash", .string, .required)
            .field("email", .string, .required)
            .field("organizer_id", .uuid, .references("organizers", "id", onDelete: .cascade))
            .field("partner_id", .uuid, .references("partners", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("invited_by", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["invitations", "partner_members", "organizer_members", "partners", "organizers"] {
            try await database.schema(table).delete()
        }
    }
}
