import Foundation
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

/// Checks and fixtures that many suites use.
enum Fixtures {
    /// Expects the ledger to hold every invariant (balanced transactions, no negative account,
    /// stored balances that agree with the postings).
    static func ledgerIsSound(_ app: Application, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let breaches = try await LedgerStore.check(on: app.db)
        #expect(breaches.isEmpty, "\(breaches)", sourceLocation: sourceLocation)
    }

    /// A clock the test moves (seeding and reservations happen days before a session): the box
    /// to set, and the `now` to give the app.
    static func clock(at start: Date = Date(timeIntervalSince1970: 2_000_000_000)) -> (
        NIOLockedValueBox<Date>, @Sendable () -> Date
    ) {
        let box = NIOLockedValueBox(start)
        return (box, { box.withLockedValue { $0 } })
    }

    /// A response's body as a JSON object.
    static func json(_ page: TestBrowser.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    /// The API's error envelope `{ "error": { "code", "message", "field" } }` of a response.
    static func error(_ page: TestBrowser.Page) throws -> (code: String, message: String, field: String?) {
        let body = try json(page)
        let error = try #require(body["error"] as? [String: Any])
        return (error["code"] as? String ?? "", error["message"] as? String ?? "", error["field"] as? String)
    }
}
