import Foundation

/// A settlement's period: whole days in the platform's time zone, from `first` to `last`
/// inclusive. Only a period that has ended can be settled, so that its admissions no longer
/// change (an admission may be undone for a while after it is made).
public struct SettlementPeriod: Sendable, Hashable {
    /// The longest period one settlement may cover.
    public static let maximumDays = 366

    /// The first and last day, as `yyyy-mm-dd`.
    public let first: String
    public let last: String
    /// The first day's midnight, and the midnight after the last day (exclusive).
    public let start: Date
    public let end: Date

    /// Validates an HTML `date` pair: both present and real dates, the last not before the
    /// first, at most a year, and already over at `now`.
    public init(first: String?, last: String?, now: Date, timeZone: TimeZone) throws(ValidationErrors) {
        var v = Validator()
        let firstText = (first ?? "").trimmingCharacters(in: .whitespaces)
        let lastText = (last ?? "").trimmingCharacters(in: .whitespaces)
        let start = Self.midnight(firstText, timeZone: timeZone)
        let lastMidnight = Self.midnight(lastText, timeZone: timeZone)
        if firstText.isEmpty {
            v.add(.required, field: "first")
        } else if start == nil {
            v.add(.invalidDate, field: "first")
        }
        if lastText.isEmpty {
            v.add(.required, field: "last")
        } else if lastMidnight == nil {
            v.add(.invalidDate, field: "last")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let end = lastMidnight.flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
        if let start, let lastMidnight, let end {
            let days = calendar.dateComponents([.day], from: start, to: lastMidnight).day ?? 0
            if lastMidnight < start {
                v.add(.endBeforeStart, field: "last")
            } else if days >= Self.maximumDays {
                v.add(.periodTooLong, field: "last")
            } else if end > now {
                v.add(.periodOpen, field: "last")
            }
        }
        self.first = firstText
        self.last = lastText
        self.start = start ?? Date(timeIntervalSince1970: 0)
        self.end = end ?? Date(timeIntervalSince1970: 0)
        try v.finish()
    }

    /// Whether two periods share at least one day.
    public func overlaps(first otherFirst: String, last otherLast: String) -> Bool {
        // ISO dates compare as text.
        first <= otherLast && otherFirst <= last
    }

    static func midnight(_ text: String, timeZone: TimeZone) -> Date? {
        guard text.count == 10 else { return nil }
        return SessionDraft.parseLocal(text + "T00:00", timeZone: timeZone)
    }
}

/// What a settlement pays: the admissions it settles, less the admissions that were undone
/// after an earlier settlement had paid them (carried into this one).
public struct SettlementTotals: Sendable, Hashable, Codable {
    public var admissions: Int
    public var admittedMinor: Int
    public var carriedVoids: Int
    public var carriedMinor: Int

    public init(admissions: Int = 0, admittedMinor: Int = 0, carriedVoids: Int = 0, carriedMinor: Int = 0) {
        self.admissions = admissions
        self.admittedMinor = admittedMinor
        self.carriedVoids = carriedVoids
        self.carriedMinor = carriedMinor
    }

    /// The amount due to the organizer (negative when the carried voids exceed the admissions:
    /// the organizer then owes the difference).
    public var netMinor: Int { admittedMinor - carriedMinor }

    public var isEmpty: Bool { admissions == 0 && carriedVoids == 0 }
}
