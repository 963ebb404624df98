import Foundation

/// What a Venue offers people with a disability, ticked on its form and shown to visitors.
public enum Accessibility: String, Sendable, CaseIterable, Codable, Hashable {
    case stepFree = "step-free"
    case hearingLoop = "hearing-loop"
    case accessibleToilet = "accessible-toilet"

    /// The features named in `values`; an unknown one is reported on `accessibility`.
    public static func parse(_ values: [String], into v: inout Validator) -> Set<Accessibility> {
        let known = values.compactMap(Accessibility.init(rawValue:))
        if known.count != values.count { v.add(.invalidValue, field: "accessibility") }
        return Set(known)
    }
}

/// The cut-off an Event sets for changes: until how many hours before a session its
/// reservations may be made, moved or cancelled.
public enum BookingCutoff {
    /// At most a month ahead.
    public static let maximumHours = 720

    /// Empty: the platform's default (nil). Else whole hours, 0…720, reported on `changeCutoffHours`.
    public static func parse(_ text: String?, into v: inout Validator) -> Int? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let hours = Int(trimmed) else {
            v.add(.invalidValue, field: "changeCutoffHours")
            return nil
        }
        if hours < 0 {
            v.add(.negative, field: "changeCutoffHours")
        } else if hours > maximumHours {
            v.add(.invalidValue, field: "changeCutoffHours")
        }
        return hours
    }
}

/// Several sessions added at once: the first one, then the same wall-clock times week after
/// week in the venue's time zone (a Thursday 18:00 stays 18:00 across a change of summer time).
public enum SessionSeries {
    /// At most a year of weeks in one go.
    public static let maximumWeeks = 52

    /// How many sessions to add (empty: one), reported on `repeat`.
    public static func count(_ text: String?, into v: inout Validator) -> Int {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return 1 }
        guard let count = Int(trimmed), (1...maximumWeeks).contains(count) else {
            v.add(.invalidValue, field: "repeat")
            return 1
        }
        return count
    }

    /// `first` and the `count - 1` weeks after it.
    public static func weekly(_ first: SessionDraft, count: Int, timeZone: TimeZone) -> [SessionDraft] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return (0..<max(1, count)).map { week in
            var session = first
            session.startsAt = calendar.date(byAdding: .day, value: 7 * week, to: first.startsAt) ?? first.startsAt
            session.endsAt = calendar.date(byAdding: .day, value: 7 * week, to: first.endsAt) ?? first.endsAt
            return session
        }
    }
}

/// When a Session may still be changed: moved, given another capacity, or cancelled.
public enum SessionRules {
    /// A cancelled session takes no changes; nor does one that has begun.
    public static func checkChangeable(startsAt: Date, cancelled: Bool, now: Date) throws(DomainError) {
        if cancelled { throw DomainError(.sessionCancelled) }
        if startsAt <= now { throw DomainError(.sessionStarted) }
    }

    /// A capacity for a session where `reserved` places are taken: never below them.
    public static func checkCapacity(_ capacity: Int, reserved: Int) throws(DomainError) {
        if capacity < reserved { throw DomainError(.capacityBelowReserved, field: "capacity") }
    }

    /// Why a session is cancelled or an event unpublished, told to the people concerned.
    public static func reason(_ text: String?) throws(ValidationErrors) -> String {
        var v = Validator()
        let reason = v.text(text, field: "reason", max: 500, multiline: true)
        try v.finish()
        return reason
    }
}
