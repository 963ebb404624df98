import Foundation

/// The door's rules of time: admissions happen on the session's day, and an admission may be
/// undone for a short while after it.
public enum DoorRules {
    /// How long after an admission it may be undone.
    public static let undoWindow: TimeInterval = 15 * 60

    /// Whether `now` falls on the day the session starts (in its venue's time zone), or within
    /// the session itself (one that runs past midnight).
    public static func isOnTheDay(startsAt: Date, endsAt: Date, now: Date, timeZone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.isDate(startsAt, inSameDayAs: now) || (startsAt...max(startsAt, endsAt)).contains(now)
    }

    /// Whether an admission made at `admittedAt` may still be undone at `now`.
    public static func mayUndo(admittedAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(admittedAt) <= undoWindow
    }
}
