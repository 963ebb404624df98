import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Vapor

@testable import App

/// Admissions in tests, through the one way in (`Admissions.admit`, the door's group commit)
/// with every check the door makes.
enum TestDoor {
    /// One scan of `code` at `sessionID`, as `scanner` makes it: the outcome.
    static func admit(
        code: String, sessionID: UUID, scanner: Door.Scanner, scannedAt: Date? = nil, app: Application
    ) async throws -> Door.Outcome {
        let scan = Door.Scan(input: code, sessionID: sessionID, scanner: scanner, scannedAt: scannedAt)
        let item = Door.NoncedScan(scan, nonce: UUID().uuidString) { outcome, _ in #"{"result":"\#(outcome.result)"}"# }
        guard let outcome = try await Admissions.admit([item], app: app)[0].get().outcome else {
            throw DomainError(.conflict)
        }
        return outcome
    }

    /// A scanner for the session's organizer, recorded as `actor`.
    static func scanner(for session: EventSessionModel, actor: String = "test", on db: any Database) async throws
        -> Door.Scanner
    {
        let event = try await EventModel.find(session.$event.id, on: db).orNotFound()
        return Door.Scanner(
            key: "user:\(actor)", organizers: [event.$organizer.id], actor: actor, door: actor, deviceID: nil)
    }

    /// Admits the voucher's holder at `session` on the session's day (`clock` moved to its
    /// start): what a door would answer, a refusal thrown.
    static func admit(
        _ voucher: VoucherModel, at session: EventSessionModel, clock: NIOLockedValueBox<Date>, app: Application
    ) async throws -> Admissions.Admission {
        clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(60) }
        switch try await admit(
            code: voucher.code, sessionID: session.requireID(), scanner: scanner(for: session, on: app.db), app: app)
        {
        case .admitted(let redemption, let certificate): return .admitted(redemption, certificate: certificate)
        case .alreadyUsed(let first): return .alreadyUsed(first)
        case .refused(let error): throw error
        }
    }
}
