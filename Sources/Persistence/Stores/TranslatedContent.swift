import FluentKit
import Foundation
import SQLKit

/// Content whose texts are stored a row per language beside it (venues, events, funds).
enum TranslatedContent {
    /// Saves `owner` and replaces its texts (the rows of `Text` whose `ownerColumn` is the
    /// owner's id) with `texts`, with `record`, in one write transaction.
    static func save<Owner: Model, Text: Model>(
        _ owner: Owner, texts: [Text], ownerColumn: String, record: ChangeRecord, on db: any Database
    ) async throws where Owner.IDValue == UUID {
        try await db.writeTransaction { db in
            try await owner.save(on: db)
            try await db.storeSQL.delete(from: Text.schema).where(ownerColumn, .equal, SQLBind(owner.requireID()))
                .run()
            for text in texts { try await text.create(on: db) }
            try await record.write(on: db)
        }
    }
}
