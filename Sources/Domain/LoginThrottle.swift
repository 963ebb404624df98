import Foundation

/// Growing delays after failed log-ins, instead of a lock-out: a lock-out let anyone lock any
/// account by typing a wrong password a few times; a delay only slows guessing, and the owner
/// gets in as soon as it has passed.
public enum LoginThrottle {
    /// The longest wait after a failure, however many came before.
    public static let ceiling: TimeInterval = 300

    /// How long after the latest failure the next attempt waits, when the account has
    /// `failures` recent failures: nothing below `free`, then 1, 2, 4, 8 … seconds, at most
    /// `ceiling`.
    public static func delay(failures: Int, free: Int) -> TimeInterval {
        guard failures >= free else { return 0 }
        let doublings = min(failures - free, 16)
        return min(ceiling, Double(1 << doublings))
    }

    /// How many seconds an attempt at `now` must still wait (0: it may go ahead).
    public static func wait(failures: Int, latest: Date?, free: Int, now: Date) -> TimeInterval {
        guard let latest else { return 0 }
        return max(0, latest.addingTimeInterval(delay(failures: failures, free: free)).timeIntervalSince(now))
    }
}
