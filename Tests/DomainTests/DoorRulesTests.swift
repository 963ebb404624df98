import Foundation
import Testing

@testable import Domain

@Suite("The door's rules of time")
struct DoorRulesTests {
    static let rome = TimeZone(identifier: "Europe/Rome")!

    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test("on the session's day in the venue's time zone, or during a session that runs past midnight")
    func onTheDay() {
        let start = Self.date("2026-11-23T17:00:00Z")  // 18:00 in Rome
        let end = Self.date("2026-11-23T20:00:00Z")
        #expect(
            DoorRules.isOnTheDay(
                startsAt: start, endsAt: end, now: Self.date("2026-11-22T23:30:00Z"), timeZone: Self.rome))
        #expect(
            !DoorRules.isOnTheDay(
                startsAt: start, endsAt: end, now: Self.date("2026-11-22T22:30:00Z"), timeZone: Self.rome))
        #expect(
            !DoorRules.isOnTheDay(
                startsAt: start, endsAt: end, now: Self.date("2026-11-23T23:30:00Z"), timeZone: Self.rome))
        let late = Self.date("2026-11-23T22:00:00Z")  // 23:00 in Rome, until 02:00
        #expect(
            DoorRules.isOnTheDay(
                startsAt: late, endsAt: Self.date("2026-11-24T01:00:00Z"), now: Self.date("2026-11-24T00:30:00Z"),
                timeZone: Self.rome))
    }

    @Test("undo within 15 minutes, not after")
    func undo() {
        let admitted = Self.date("2026-11-23T17:00:00Z")
        #expect(DoorRules.mayUndo(admittedAt: admitted, now: admitted.addingTimeInterval(15 * 60)))
        #expect(!DoorRules.mayUndo(admittedAt: admitted, now: admitted.addingTimeInterval(15 * 60 + 1)))
    }

    @Test("a reported scan time is believed up to 5 minutes ahead and a day back, or as far back as configured")
    func plausibleScanTime() {
        let now = Self.date("2026-11-23T12:00:00Z")
        #expect(DoorRules.isPlausible(scannedAt: now, now: now))
        #expect(DoorRules.isPlausible(scannedAt: now.addingTimeInterval(300), now: now))
        #expect(!DoorRules.isPlausible(scannedAt: now.addingTimeInterval(301), now: now))
        #expect(DoorRules.isPlausible(scannedAt: now.addingTimeInterval(-86400), now: now))
        #expect(!DoorRules.isPlausible(scannedAt: now.addingTimeInterval(-86400 - 1), now: now))
        #expect(!DoorRules.isPlausible(scannedAt: now.addingTimeInterval(-7 * 86400), now: now))
        let week: TimeInterval = 7 * 86400
        #expect(DoorRules.isPlausible(scannedAt: now.addingTimeInterval(-week), now: now, maximumAge: week))
        #expect(!DoorRules.isPlausible(scannedAt: now.addingTimeInterval(-week - 1), now: now, maximumAge: week))
    }
}
