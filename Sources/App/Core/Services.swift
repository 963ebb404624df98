import Foundation
import Localization
import NIOConcurrencyHelpers
import Persistence
import Vapor

/// The dependencies of the running app, replaceable in tests (clock, mail transport).
public struct AppServices: Sendable {
    public var config: AppConfig
    public var localizer: Localizer
    public var negotiator: LanguageNegotiator
    public var now: @Sendable () -> Date
    public var mailTransport: any MailTransport
    public var metrics: AppMetrics
    /// A hash to verify against when an account does not exist, so timing does not reveal which exist.
    public let decoyHash: String
    /// Bcrypt on threads of its own (`PASSWORD_HASH_THREADS`), never the database's.
    let passwordHasher: PasswordHasher
    /// When `/healthz` last wrote to the database.
    let healthProbe = HealthProbe()
    /// The door's group commit (`DoorQueue`): one per app instance.
    let doorQueue = DoorQueue()
    /// The SQLite database's write gate, shared by every writer of its file in this process
    /// (`writeTransaction` and the door's connection); none on PostgreSQL.
    let sqliteGate: SQLiteWriteGate?
    /// The door's own SQLite write connection (`SQLiteWriter`); none on PostgreSQL.
    let sqliteWriter: SQLiteWriter?

    public init(
        config: AppConfig, localizer: Localizer, now: @escaping @Sendable () -> Date = Date.init,
        mailTransport: any MailTransport, metrics: AppMetrics = AppMetrics(), sqliteGate: SQLiteWriteGate? = nil
    ) {
        self.config = config
        self.localizer = localizer
        self.negotiator = LanguageNegotiator(supported: localizer.languages, defaultLanguage: "it")
        self.now = now
        self.mailTransport = mailTransport
        self.metrics = metrics
        self.sqliteGate = sqliteGate
        self.sqliteWriter = sqliteGate.map(SQLiteWriter.init(gate:))
        self.decoyHash = (try? Bcrypt.hash(SecureToken.make(), cost: config.bcryptCost)) ?? ""
        self.passwordHasher = PasswordHasher(threads: config.passwordHashThreads, cost: config.bcryptCost)
    }
}

/// Where the app keeps its `AppServices`.
public struct AppServicesKey: StorageKey {
    public typealias Value = AppServices
}

extension Application {
    /// The platform's own dependencies (not Vapor's `services`).
    public var mentore: AppServices {
        get {
            guard let services = storage[AppServicesKey.self] else {
                fatalError("configure(_:) sets the services before anything uses them")
            }
            return services
        }
        set { storage[AppServicesKey.self] = newValue }
    }
}

/// `/healthz`'s write to the database, made at most every `interval` seconds: often enough to
/// notice a database that cannot be written, rarely enough to cost the door's writers nothing.
final class HealthProbe: Sendable {
    static let interval: TimeInterval = 5
    private let lastWrite = NIOLockedValueBox<Date?>(nil)

    func isDue(at now: Date) -> Bool {
        lastWrite.withLockedValue { last in
            guard let last else { return true }
            return now.timeIntervalSince(last) >= Self.interval || now < last
        }
    }

    func passed(at now: Date) {
        lastWrite.withLockedValue { $0 = now }
    }
}
