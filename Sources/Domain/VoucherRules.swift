import Foundation

/// When a voucher may be used, once for every caller (voucher page, reservations, the door).
public enum VoucherRules {
    /// Whether a voucher in `status`, valid until `expiresAt`, may be used at `now`: given to
    /// someone, not expired, cancelled or used up. Throws the reason it may not.
    public static func checkUsable(status: VoucherStatus, expiresAt: Date, now: Date) throws(DomainError) {
        switch status {
        case .issued: throw DomainError(.voucherNotNominated)
        case .expired: throw DomainError(.voucherExpired)
        case .cancelled: throw DomainError(.voucherCancelled)
        case .completed: throw DomainError(.voucherCompleted)
        case .nominated, .inUse:
            if expiresAt <= now { throw DomainError(.voucherExpired) }
        }
    }

    /// Whether a session starting at `start` lies within the voucher's validity and the
    /// circuit's window (either end may be open).
    public static func checkWindow(
        start: Date, voucherExpiresAt: Date, circuitFrom: Date?, circuitUntil: Date?
    ) throws(DomainError) {
        if start > voucherExpiresAt { throw DomainError(.outsideValidity) }
        if let circuitFrom, start < circuitFrom { throw DomainError(.outsideValidity) }
        if let circuitUntil, start > circuitUntil { throw DomainError(.outsideValidity) }
    }
}

/// Until when a reservation may be made, moved or cancelled.
public struct ReservationRules: Sendable, Equatable {
    /// How long before a session's start reservations for it close.
    public var cutoff: TimeInterval

    public init(cutoffHours: Int) {
        self.cutoff = TimeInterval(cutoffHours) * 3600
    }

    /// The moment reservations for a session starting at `start` close.
    public func closes(sessionStart start: Date) -> Date { start.addingTimeInterval(-cutoff) }

    /// Whether a reservation for a session starting at `start` may still be made, moved or
    /// cancelled at `now`.
    public func isOpen(sessionStart start: Date, now: Date) -> Bool { closes(sessionStart: start) > now }

    /// The rules of an event with its own cut-off (`cutoffHours`), else these.
    public func forEvent(cutoffHours: Int?) -> ReservationRules {
        cutoffHours.map(ReservationRules.init(cutoffHours:)) ?? self
    }

    /// The earliest start a session may have to be booked at `now`.
    public func earliestStart(now: Date) -> Date { now.addingTimeInterval(cutoff) }
}
