import Foundation
import Persistence
import Vapor

/// Removes transient rows once nobody needs them (every `PURGE_INTERVAL` seconds while
/// serving, and `mentore purge`). Each table's retention is here, once; the README lists them.
/// Several instances may run it at once.
enum Purge {
    static func rules(_ config: AppConfig) -> [PurgeStore.Rule] {
        let day: TimeInterval = 86400
        return [
            // Sessions unused (not written) for a month: the cookie's own lifetime.
            .init(table: "_fluent_sessions", column: "touched_at", retention: 30 * day),
            // Failed log-ins, counted requests and voucher look-ups: past every rate-limit window.
            .init(
                table: "login_attempts", column: "created_at", retention: max(day, 2 * config.loginWindowSeconds)),
            // Reset and sign-up links, a week after they stopped working (used or not).
            .init(table: "password_resets", column: "expires_at", retention: 7 * day),
            .init(table: "signup_requests", column: "expires_at", retention: 7 * day),
            // Invitations, a month after they expired, accepted or not.
            .init(table: "invitations", column: "expires_at", retention: 30 * day),
            // Mail delivered or given up on, after three months (pending mail is never purged).
            .init(table: "outbox", column: "created_at", retention: 90 * day, condition: "status <> 'pending'"),
            // The door's stored answers, long after any device could repeat a nonce.
            .init(table: "door_scans", column: "created_at", retention: max(30 * day, 2 * config.doorScanMaximumAge)),
            // Provider events, long after any provider retries a delivery (Stripe: 3 days).
            .init(table: "payment_events", column: "received_at", retention: 90 * day),
            // Idempotency keys: retries come within minutes.
            .init(table: "idempotency_records", column: "created_at", retention: IdempotencyStore.keptFor),
        ]
    }

    /// One run: the rows removed, by table.
    @discardableResult
    static func run(app: Application) async throws -> [String: Int] {
        try await PurgeStore.purge(rules(app.mentore.config), now: app.mentore.now(), on: app.db)
    }
}
