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

    /// How far a device's clock may run ahead of the server's.
    public static let scanClockSkew: TimeInterval = 5 * 60
    /// How old a scan kept offline may be when it is sent, unless configured otherwise
    /// (`DOOR_SCAN_MAX_AGE_HOURS`): a day covers a door without a network for a whole session
    /// and its evening; a device that knows a code cannot bill a no-show a week later.
    public static let scanMaximumAge: TimeInterval = 24 * 3600

    /// Whether a scan time a device reports is believable at `now`: not in the future (beyond
    /// the clock skew) and not older than `maximumAge`.
    public static func isPlausible(scannedAt: Date, now: Date, maximumAge: TimeInterval = scanMaximumAge) -> Bool {
        scannedAt <= now.addingTimeInterval(scanClockSkew) && scannedAt >= now.addingTimeInterval(-maximumAge)
    }

    /// Whether an admission made at `admittedAt` may still be undone at `now`.
    public static func mayUndo(admittedAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(admittedAt) <= undoWindow
    }
}
