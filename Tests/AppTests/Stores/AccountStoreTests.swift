import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Accounts: failed log-ins counted, password resets used once")
struct AccountStoreTests {
    typealias F = StoreFixtures

    @Test("a log-in attempt counts against the account, the address and everyone; a success forgets the account's")
    func attempts() async throws {
        try await withApp { app in
            let since = F.now.addingTimeInterval(-60)
            for _ in 0..<2 {
                _ = try await AccountStore.beginLogin(
                    email: "a@example.org", address: "10.0.0.1", at: F.now, since: since, on: app.db)
            }
            _ = try await AccountStore.beginLogin(
                email: "b@example.org", address: "10.0.0.1", at: F.now, since: since, on: app.db)
            var attempt = try await AccountStore.beginLogin(
                email: "a@example.org", address: "10.0.0.1", at: F.now, since: since, on: app.db)
            #expect(attempt.accountFailures == 2 && attempt.fromAddress == 4 && attempt.overall == 4)
            #expect(attempt.latestAccountFailure == F.now)
            try await AccountStore.loginSucceeded(attempt, email: "a@example.org", on: app.db)
            attempt = try await AccountStore.beginLogin(
                email: "a@example.org", address: "10.0.0.2", at: F.now, since: since, on: app.db)
            #expect(attempt.accountFailures == 0 && attempt.fromAddress == 1 && attempt.overall == 4)
            #expect(attempt.latestAccountFailure == nil)
            // A deferred attempt is not a failure of the account, but the address counted it.
            try await AccountStore.loginDeferred(attempt, on: app.db)
            let next = try await AccountStore.beginLogin(
                email: "a@example.org", address: "10.0.0.2", at: F.now, since: since, on: app.db)
            #expect(next.accountFailures == 0 && next.fromAddress == 2)
            let later = try await AccountStore.beginLogin(
                email: "b@example.org", address: "10.0.0.3", at: F.now.addingTimeInterval(120),
                since: F.now.addingTimeInterval(60), on: app.db)
            #expect(later.accountFailures == 0 && later.overall == 1, "only the window counts")
        }
    }

    @Test("concurrent attempts on two instances each see the ones before them: no two see the same count")
    func attemptsCountedInTurn() async throws {
        try await withTwoApps { first, second in
            let since = F.now.addingTimeInterval(-60)
            let seen = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<12 {
                    let db = (index.isMultiple(of: 2) ? first : second).db
                    group.addTask {
                        try await AccountStore.beginLogin(
                            email: "burst@example.org", address: "10.0.0.9", at: F.now, since: since, on: db
                        ).accountFailures
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(seen.sorted() == Array(0..<12))
        }
    }

    @Test("a reset submitted twice at once on two instances sets the password once; the other is token-invalid")
    func resetOnce() async throws {
        try await withTwoApps { first, second in
            let user = try await F.user("reset@example.org", on: first.db)
            _ = try await AccountStore.beginLogin(
                email: "reset@example.org", address: "10.0.0.2", at: F.now, since: F.now.addingTimeInterval(-60),
                on: first.db)
            let reset = PasswordResetModel(userID: user, tokenHash: "h", expiresAt: F.now.addingTimeInterval(3600))
            try await AccountStore.requestReset(
                reset, record: .init(mail: [F.mail(to: "reset@example.org")]), on: first.db)
            #expect(try await OutboxMessageModel.query(on: first.db).count() == 1)
            let id = try reset.requireID()
            async let a = F.code {
                try await AccountStore.resetPassword(id, userID: user, passwordHash: "first", at: F.now, on: first.db)
            }
            async let b = F.code {
                try await AccountStore.resetPassword(id, userID: user, passwordHash: "second", at: F.now, on: second.db)
            }
            let outcomes = [try await a, try await b]
            #expect(outcomes.filter { $0 == nil }.count == 1, "\(outcomes)")
            #expect(outcomes.contains(.tokenInvalid), "\(outcomes)")
            let hash = try await UserModel.find(user, on: first.db)?.passwordHash
            #expect(hash == (outcomes[0] == nil ? "first" : "second"))
            let counts = try await AccountStore.beginLogin(
                email: "reset@example.org", address: "10.0.0.2", at: F.now, since: F.now.addingTimeInterval(-60),
                on: first.db)
            #expect(counts.accountFailures == 0 && counts.fromAddress == 2)
        }
    }
}
