import Foundation
import Testing

@testable import Domain

@Suite("Catalog rules")
struct CatalogRulesTests {
    let rome = TimeZone(identifier: "Europe/Rome")!

    @Test("a session ending before it starts is refused")
    func endBeforeStart() {
        #expect(throws: ValidationErrors([DomainError(.endBeforeStart, field: "endsAt")])) {
            try SessionDraft(starts: "2030-05-01T18:00", ends: "2030-05-01T17:59", capacity: "10", timeZone: rome)
        }
    }

    @Test("capacity must be a positive whole number", arguments: ["-1", "0", "ten", "", "100001"])
    func capacity(value: String) {
        #expect(throws: ValidationErrors.self) {
            try SessionDraft(starts: "2030-05-01T18:00", ends: "2030-05-01T19:00", capacity: value, timeZone: rome)
        }
    }

    @Test("local times are read in the venue's time zone, across daylight saving")
    func timeZones() throws {
        let summer = try SessionDraft(
            starts: "2030-07-01T18:00", ends: "2030-07-01T19:00", capacity: "5", timeZone: rome)
        #expect(summer.startsAt == Date(timeIntervalSince1970: 1_909_152_000))
        let tirana = TimeZone(identifier: "Europe/Tirane")!
        #expect(SessionDraft.formatLocal(summer.startsAt, timeZone: tirana) == "2030-07-01T18:00")
        #expect(SessionDraft.parseLocal("2030-02-30T10:00", timeZone: rome) == nil)
        #expect(SessionDraft.parseLocal("2030-13-01T10:00", timeZone: rome) == nil)
    }

    @Test("the original language must have a text; origins are a person or a machine")
    func originalLanguage() throws {
        let draft = try EventDraft(
            kind: "culture", price: "10", currency: "EUR", languages: ["it"],
            texts: [.it: ("Mostra", ""), .sq: ("Ekspozitë", "")], origins: [.sq: "machine"], originalLanguage: "it")
        #expect(draft.originalLanguage == .it)
        #expect(draft.texts[.sq]?.origin == .machine && draft.texts[.it]?.origin == .human)
        #expect(
            try EventDraft(
                kind: "culture", price: "1", currency: "EUR", languages: ["it"], texts: [.sq: ("Ekspozitë", "")]
            ).originalLanguage == .sq)
        do {
            _ = try EventDraft(
                kind: "culture", price: "10", currency: "EUR", languages: ["it"], texts: [.it: ("Mostra", "")],
                origins: [.it: "robot"], originalLanguage: "en")
            Issue.record("expected errors")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["origin-it", "title-en"])
        }
        do {
            _ = try EventDraft(
                kind: "culture", price: "10", currency: "EUR", languages: ["it"], texts: [.it: ("Mostra", "")],
                originalLanguage: "de")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.field) == ["original-language"])
        }
    }

    @Test("an event needs a kind, a non-negative price, known languages and a title")
    func eventDraft() throws {
        let good = try EventDraft(
            kind: "culture", price: "10", currency: "EUR", languages: ["sq", "it"],
            texts: [.sq: ("Koncert", "Muzikë"), .en: ("", "")])
        #expect(good.languages == [.it, .sq])
        #expect(good.texts.keys.sorted { $0.rawValue < $1.rawValue } == [.sq])
        do {
            _ = try EventDraft(kind: "party", price: "-3", currency: "USD", languages: ["de"], texts: [:])
            Issue.record("expected errors")
        } catch {
            let codes = Dictionary(uniqueKeysWithValues: error.errors.map { ($0.field ?? "", $0.code) })
            #expect(codes["kind"] == .invalidValue)
            #expect(codes["currency"] == .unknownCurrency)
            #expect(codes["price"] == .negative)
            #expect(codes["languages"] == .required)
            #expect(codes["title-it"] == .required)
        }
    }

    @Test("a description without a title is refused for that language")
    func descriptionNeedsTitle() {
        #expect(throws: ValidationErrors.self) {
            try EventDraft(
                kind: "training", price: "1", currency: "EUR", languages: ["it"],
                texts: [.it: ("T", "D"), .sq: ("", "Përshkrim")])
        }
    }

    @Test("venues need a real time zone and a two-letter country")
    func venue() throws {
        let venue = try VenueDraft(
            name: "Slow Mill", address: "Via Volturno 32", city: "Milano", country: "it", timeZone: "Europe/Rome")
        #expect(venue.country == "IT")
        #expect(throws: ValidationErrors.self) {
            try VenueDraft(name: "X", address: "Y", city: "Z", country: "ITA", timeZone: "Mars/Olympus")
        }
    }

    @Test("sign-up normalises the e-mail and checks the password twice")
    func signUp() throws {
        let ok = try SignUp(
            email: " Arben@Example.ORG ", password: "0123456789", confirmation: "0123456789", displayName: "Arben")
        #expect(ok.email == "arben@example.org")
        for bad in ["a@b", "@example.org", "a b@example.org", "a@example.", "a@@example.org"] {
            #expect(throws: ValidationErrors.self, "\(bad)") {
                try SignUp(email: bad, password: "0123456789", confirmation: "0123456789", displayName: "A")
            }
        }
        #expect(throws: ValidationErrors([DomainError(.passwordMismatch, field: "confirmation")])) {
            try SignUp(email: "a@example.org", password: "0123456789", confirmation: "0123456780", displayName: "A")
        }
    }

    @Test("slugs are ASCII and readable")
    func slugs() {
        #expect(Slug.make(from: "Dora e Pajtimit") == "dora-e-pajtimit")
        #expect(Slug.make(from: "Qendra Kulturore «Shkodër» & Co.") == "qendra-kulturore-shkoder-co")
        #expect(Slug.make(from: "!!!") == "")
    }

    @Test("a unique slug counts up past the taken ones")
    func uniqueSlugs() {
        #expect(Slug.unique(from: "Slow Mill", fallback: "x", taken: []) == "slow-mill")
        #expect(Slug.unique(from: "Slow Mill", fallback: "x", taken: ["slow-mill", "slow-mill-2"]) == "slow-mill-3")
        #expect(Slug.unique(from: "???", fallback: "partner", taken: ["partner"]) == "partner-2")
    }
}
