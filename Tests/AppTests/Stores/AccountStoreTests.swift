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

    @Test("a failed log-in counts against the account and the address; a success forgets the account's")
    func failures() async throws {
        try await withApp { app in
            let since = F.now.addingTimeInterval(-60)
            for _ in 0..<2 {
                try await AccountStore.failedLogin(email: "a@example.org", address: "10.0.0.1", at: F.now, on: app.db)
            }
            try await AccountStore.failedLogin(email: "b@example.org", address: "10.0.0.1", at: F.now, on: app.db)
            var counts = try await AccountStore.recentFailures(
                email: "a@example.org", address: "10.0.0.1", since: since, on: app.db)
            #expect(counts.account == 2 && counts.address == 3)
            try await AccountStore.clearFailures(email: "a@example.org", on: app.db)
            counts = try await AccountStore.recentFailures(
                email: "a@example.org", address: "10.0.0.1", since: since, on: app.db)
            #expect(counts.account == 0 && counts.address == 3)
            let old = try await AccountStore.recentFailures(
                email: "b@example.org", address: "10.0.0.1", since: F.now, on: app.db)
            #expect(old.account == 0)
        }
    }

    @Test("a reset submitted twice at once on two instances sets the password once; the other is token-invalid")
    func resetOnce() async throws {
        try await withTwoApps { first, second in
            let user = try await F.user("reset@example.org", on: first.db)
            try await AccountStore.failedLogin(email: "reset@example.org", address: "10.0.0.2", at: F.now, on: first.db)
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
            let counts = try await AccountStore.recentFailures(
                email: "reset@example.org", address: "10.0.0.2", since: F.now.addingTimeInterval(-60), on: first.db)
            #expect(counts.account == 0 && counts.address == 1)
        }
    }
}
