import Domain
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Bcrypt on threads of its own. Hashing at cost 12 takes a quarter of a second of one core:
/// on the app's thread pool, which also runs SQLite's statements, a burst of sign-ups held
/// every database thread and stalled the whole site for seconds. Here it waits on a pool of
/// `PASSWORD_HASH_THREADS` threads, and at most `maximumWaiting` hashes wait at once: more are
/// refused at once (`rateLimited`), so a flood cannot queue minutes of work.
final class PasswordHasher: Sendable {
    let cost: Int
    let maximumWaiting: Int
    private let pool: NIOThreadPool
    private let state = NIOLockedValueBox(State())

    private struct State {
        var waiting = 0
        var performed = 0
    }

    init(threads: Int, cost: Int) {
        self.cost = cost
        self.maximumWaiting = threads * 16
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// How many hashes or verifications were computed (tests count them).
    var performed: Int { state.withLockedValue { $0.performed } }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await run { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await run { try Bcrypt.verify(password, created: hash) }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = state.withLockedValue { state -> Bool in
            guard state.waiting < maximumWaiting else { return false }
            state.waiting += 1
            return true
        }
        guard admitted else { throw DomainError(.rateLimited) }
        defer { state.withLockedValue { $0.waiting -= 1 } }
        let result = try await pool.runIfActive(work)
        state.withLockedValue { $0.performed += 1 }
        return result
    }

    func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}

/// Stops the hashing pool with the app.
struct PasswordHasherShutdown: LifecycleHandler {
    func shutdownAsync(_ app: Application) async {
        await app.mentore.passwordHasher.shutdown()
    }
}

/// Passwords hashed and checked on the app's `PasswordHasher`, at the configured cost.
enum Passwords {
    static func hash(_ password: String, app: Application) async throws -> String {
        try await app.mentore.passwordHasher.hash(password)
    }

    static func verify(_ password: String, hash: String, app: Application) async throws -> Bool {
        try await app.mentore.passwordHasher.verify(password, hash: hash)
    }
}
