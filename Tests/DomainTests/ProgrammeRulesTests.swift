import Foundation
import Testing

@testable import Domain

@Suite("Programme rules: series, changes, cut-offs, accessibility")
struct ProgrammeRulesTests {
    let rome = TimeZone(identifier: "Europe/Rome")!

    @Test("a weekly series keeps the wall-clock time across the change to summer time")
    func weeklySeries() throws {
        // 2030-03-31 is the last Sunday of March: Rome moves from +01:00 to +02:00.
        let first = try SessionDraft(
            starts: "2030-03-21T18:00", ends: "2030-03-21T20:00", capacity: "12", timeZone: rome)
        let series = SessionSeries.weekly(first, count: 4, timeZone: rome)
        #expect(
            series.map { SessionDraft.formatLocal($0.startsAt, timeZone: rome) } == [
                "2030-03-21T18:00", "2030-03-28T18:00", "2030-04-04T18:00", "2030-04-11T18:00",
            ])
        #expect(series.map { SessionDraft.formatLocal($0.endsAt, timeZone: rome) }.last == "2030-04-11T20:00")
        #expect(series.allSatisfy { $0.capacity == 12 })
        // Across the change an hour less passes between two dates.
        #expect(series[2].startsAt.timeIntervalSince(series[1].startsAt) == 7 * 86400 - 3600)
    }

    @Test("the number of weeks is 1 to 52, empty meaning one date", arguments: ["0", "53", "-2", "two", "1.5"])
    func seriesCount(text: String) {
        var v = Validator()
        #expect(SessionSeries.count(text, into: &v) == 1)
        #expect(v.errors == [DomainError(.invalidValue, field: "repeat")])
    }

    @Test("an empty or valid number of weeks is taken as it is")
    func seriesCountValid() {
        var v = Validator()
        #expect(SessionSeries.count(nil, into: &v) == 1)
        #expect(SessionSeries.count(" 4 ", into: &v) == 4)
        #expect(SessionSeries.count("52", into: &v) == 52)
        #expect(v.errors.isEmpty)
    }

    @Test("a session starting before now is refused on its start, with every other problem")
    func inThePast() {
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        #expect(throws: ValidationErrors([DomainError(.inThePast, field: "startsAt")])) {
            try SessionDraft(
                starts: "2030-01-01T10:00", ends: "2030-01-01T12:00", capacity: "5", timeZone: rome, now: now)
        }
        #expect(
            throws: ValidationErrors([
                DomainError(.inThePast, field: "startsAt"), DomainError(.endBeforeStart, field: "endsAt"),
                DomainError(.negative, field: "capacity"),
            ])
        ) {
            try SessionDraft(
                starts: "2030-01-01T10:00", ends: "2030-01-01T09:00", capacity: "-3", timeZone: rome, now: now)
        }
    }

    @Test("API times are RFC 3339 instants with their offset; anything else is an invalid date")
    func instants() throws {
        let draft = try SessionDraft(
            instantStarts: "2031-03-01T18:00:00+01:00", ends: "2031-03-01T18:30:00.000Z", capacity: "8")
        #expect(draft.startsAt == Date(timeIntervalSince1970: 1_930_150_800))
        #expect(draft.endsAt.timeIntervalSince(draft.startsAt) == 5400)
        for text in [
            "2031-03-01T18:00", "2031-03-01", "tomorrow", "1999-12-31T10:00:00Z", String(repeating: "9", count: 10_000),
        ] {
            #expect(throws: ValidationErrors([DomainError(.invalidDate, field: "startsAt")]), "\(text.prefix(20))") {
                try SessionDraft(instantStarts: text, ends: "2031-03-01T19:30:00Z", capacity: "8")
            }
        }
    }

    @Test("a capacity never goes below the places reserved")
    func capacityBelowReserved() throws {
        #expect(throws: DomainError(.capacityBelowReserved, field: "capacity")) {
            try SessionRules.checkCapacity(4, reserved: 5)
        }
        try SessionRules.checkCapacity(5, reserved: 5)
    }

    @Test("a cancelled session, or one that has begun, takes no change")
    func changeable() throws {
        let start = Date(timeIntervalSince1970: 2_000_000_000)
        #expect(throws: DomainError(.sessionCancelled)) {
            try SessionRules.checkChangeable(startsAt: start, cancelled: true, now: start.addingTimeInterval(-60))
        }
        #expect(throws: DomainError(.sessionStarted)) {
            try SessionRules.checkChangeable(startsAt: start, cancelled: false, now: start)
        }
        try SessionRules.checkChangeable(startsAt: start, cancelled: false, now: start.addingTimeInterval(-1))
    }

    @Test("a reason is required, on one field, and not too long")
    func reasons() throws {
        #expect(throws: ValidationErrors([DomainError(.required, field: "reason")])) { try SessionRules.reason("  ") }
        #expect(throws: ValidationErrors([DomainError(.tooLong, field: "reason")])) {
            try SessionRules.reason(String(repeating: "a", count: 501))
        }
        #expect(try SessionRules.reason(" Il relatore è malato.\n") == "Il relatore è malato.")
    }

    @Test("an event's cut-off is empty (the platform's) or whole hours up to a month")
    func cutoff() throws {
        var v = Validator()
        #expect(BookingCutoff.parse("", into: &v) == nil)
        #expect(BookingCutoff.parse("48", into: &v) == 48)
        #expect(v.errors.isEmpty)
        for (text, code) in [("-1", DomainError.Code.negative), ("721", .invalidValue), ("2.5", .invalidValue)] {
            var v = Validator()
            _ = BookingCutoff.parse(text, into: &v)
            #expect(v.errors == [DomainError(code, field: "changeCutoffHours")], "\(text)")
        }
        let draft = try EventDraft(
            kind: "culture", price: "12.50", currency: "EUR", languages: ["it"], texts: [.it: ("Mostra", "")],
            bookingRequired: false, changeCutoffHours: "6")
        #expect(draft.bookingRequired == false)
        #expect(draft.changeCutoffHours == 6)
    }

    @Test("an event's own cut-off replaces the platform's, and only for that event")
    func eventRules() {
        let platform = ReservationRules(cutoffHours: 24)
        let start = Date(timeIntervalSince1970: 2_000_000_000)
        let now = start.addingTimeInterval(-30 * 3600)
        #expect(platform.isOpen(sessionStart: start, now: now))
        #expect(!platform.forEvent(cutoffHours: 48).isOpen(sessionStart: start, now: now))
        #expect(platform.forEvent(cutoffHours: nil) == platform)
    }

    @Test("a venue's accessibility is what its form ticks; an unknown feature is refused")
    func accessibility() throws {
        let venue = try VenueDraft(
            name: "Sala", address: "Via Roma 1", city: "Roma", country: "IT", timeZone: "Europe/Rome",
            accessibility: ["step-free", "hearing-loop"])
        #expect(venue.accessibility == [.stepFree, .hearingLoop])
        #expect(throws: ValidationErrors([DomainError(.invalidValue, field: "accessibility")])) {
            try VenueDraft(
                name: "Sala", address: "Via Roma 1", city: "Roma", country: "IT", timeZone: "Europe/Rome",
                accessibility: ["lift"])
        }
    }

    @Test("the bad input of the issue: three decimals, an unknown zone, no title in any language")
    func badInput() {
        #expect(throws: ValidationErrors([DomainError(.invalidValue, field: "price")])) {
            try EventDraft(
                kind: "culture", price: "12.345", currency: "EUR", languages: ["it"], texts: [.it: ("Mostra", "")])
        }
        #expect(throws: ValidationErrors([DomainError(.required, field: "title-it")])) {
            try EventDraft(kind: "culture", price: "12", currency: "EUR", languages: ["it"], texts: [:])
        }
        #expect(throws: ValidationErrors([DomainError(.unknownTimeZone, field: "timeZone")])) {
            try VenueDraft(name: "Sala", address: "Via Roma 1", city: "Roma", country: "IT", timeZone: "Mars/Olympus")
        }
    }
}
