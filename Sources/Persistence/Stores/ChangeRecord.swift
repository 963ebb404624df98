import FluentKit
import SQLKit

/// What is written beside a change, in the change's own transaction: the audit event that says
/// who made it and the mail it sends. The caller builds them (it knows the request, the words
/// and the recipient's language); the store writes them only if the change itself is made, so a
/// refused or rolled-back change leaves neither an audit line nor a message.
public struct ChangeRecord: Sendable {
    public var audit: AuditEventModel?
    public var mail: [OutboxMessageModel]

    public init(audit: AuditEventModel? = nil, mail: [OutboxMessageModel] = []) {
        self.audit = audit
        self.mail = mail
    }

    func write(on db: any Database) async throws {
        try await audit?.create(on: db)
        for message in mail { try await message.create(on: db) }
    }
}

extension Database {
    /// This database as SQL: the stores' guarded statements are SQL, and Mentore runs on SQLite
    /// and PostgreSQL only, so anything else is a programming error, not a state to skip.
    var storeSQL: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { preconditionFailure("Mentore runs on SQL databases only") }
        return sql
    }

    /// Whether this is PostgreSQL, where a guarded statement that counts other rows needs a row
    /// lock to serialize against another instance (on SQLite the write transaction holds the
    /// database's one write lock).
    var isPostgres: Bool { storeSQL.dialect.name == "postgresql" }
}
