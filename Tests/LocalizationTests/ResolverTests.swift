import Foundation
import Testing

@testable import Localization

@Suite("Resolver")
struct ResolverTests {
    static let source = """
        -brand = Mentore
            .gender = masculine
        -place = { $case ->
               *[nominative] la sala
                [genitive] della sala
            }
        greet = Ciao { $name }
        places = { $count ->
                [0] Nessun posto
                [one] Un posto
                [many] { $count } di posti
               *[other] { $count } posti
            }
        rank = { NUMBER($n, type: "ordinal") ->
                [many] { $n }ª (many)
               *[other] { $n }ª
            }
        price = { NUMBER($amount, style: "currency", currency: "EUR") }
        lek = { NUMBER($amount, style: "currency", currency: "ALL") }
        ratio = { NUMBER($share, style: "percent") }
        fixed = { NUMBER($n, minimumFractionDigits: 2) }
        plain = { NUMBER($n, useGrouping: "false") }
        brand-line = { -brand } per tutti
        brand-gender = { -brand.gender ->
                [masculine] il { -brand }
               *[other] la { -brand }
            }
        of-place = Luci { -place(case: "genitive") }
        place-default = { -place }
        loop-a = { loop-b }
        loop-b = { loop-a }
        self = { self }
        missing-term = { -nothing }
        missing-message = { nothing }
        missing-function = { LOWER("x") }
        bad-number = { NUMBER("abc") }
        string-select = { $role ->
                [mentor] Mentore
               *[other] Altro
            }
        when = { DATETIME($start, dateStyle: "long", timeStyle: "short") }
        only-attribute =
            .title = Titolo
        attribute-ref = { only-attribute.title }
        no-value-ref = { only-attribute }
        lol0 = LOL
        lol1 = {lol0} {lol0} {lol0} {lol0} {lol0} {lol0} {lol0} {lol0} {lol0} {lol0}
        lol2 = {lol1} {lol1} {lol1} {lol1} {lol1} {lol1} {lol1} {lol1} {lol1} {lol1}
        lol3 = {lol2} {lol2} {lol2} {lol2} {lol2} {lol2} {lol2} {lol2} {lol2} {lol2}
        lol9 = {lol3} {lol3} {lol3} {lol3} {lol3} {lol3} {lol3} {lol3} {lol3} {lol3}
        """

    static let localizer = Localizer(sources: [
        "it": source, "sq": "greet = Përshëndetje { $name }\nonly-sq = Vetëm shqip",
        "en":
            "greet = Hello { $name }\nonly-en = Only English\nplaces = { $count ->\n [one] One place\n *[other] { $count } places\n}",
    ])

    func format(_ key: String, _ args: [String: FTLValue] = [:], in language: String = "it") -> (
        String, [LocalizationIssue]
    ) {
        let result = Self.localizer.format(key, args, in: language)
        return (result.text, result.issues)
    }

    @Test("plural selection by CLDR category, exact numbers first")
    func plurals() {
        #expect(format("places", ["count": 0]).0 == "Nessun posto")
        #expect(format("places", ["count": 1]).0 == "Un posto")
        #expect(format("places", ["count": 7]).0 == "7 posti")
        #expect(format("places", ["count": 1_000_000]).0 == "1.000.000 di posti")
        #expect(format("places", ["count": 1_500_000]).0 == "1.500.000 posti")
        #expect(format("places", ["count": .number(FluentNumber(literal: "1.50")!)]).0 == "1,50 posti")
        #expect(format("places", ["count": 1], in: "en").0 == "One place")
        #expect(format("places", ["count": 1234], in: "en").0 == "1,234 places")
        #expect(format("rank", ["n": 8]).0 == "8ª (many)")
        #expect(format("rank", ["n": 9]).0 == "9ª")
    }

    @Test("NUMBER: currency (the lek has no decimals), percent, fraction digits, grouping")
    func numbers() {
        #expect(format("price", ["amount": .number(12.5)]).0 == "12,50\u{A0}€")
        #expect(format("price", ["amount": .number(12.5)], in: "it").0.contains("12,50"))
        #expect(
            format("lek", ["amount": .number(1500)]).0.contains("1500")
                || format("lek", ["amount": .number(1500)]).0.contains("1.500"))
        #expect(!format("lek", ["amount": .number(1500)]).0.contains(","))
        #expect(format("ratio", ["share": .number(0.25)]).0 == "25%")
        #expect(format("fixed", ["n": 3]).0 == "3,00")
        #expect(format("plain", ["n": 12345]).0 == "12345")
        #expect(format("bad-number").0 == "{NUMBER()}")
        #expect(format("bad-number").1 == [.error(.invalidArgument(function: "NUMBER"))])
    }

    @Test("whole numbers are grouped exactly as Foundation groups them", arguments: ["it", "sq", "en"])
    func grouping(language: String) throws {
        let locale = Localizer.locale(for: language)
        let grouping = try #require(DigitGrouping(locale: locale))
        let style = FloatingPointFormatStyle<Double>(locale: locale).precision(.fractionLength(0...3))
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { _ in Int.random(in: 0..<1_000_000_000_000_000, using: &generator) }
        var ungrouped = NumberOptions()
        ungrouped.useGrouping = false
        var wrong: [Int] = []
        for value in Array(0...20_000) + random {
            let number = FluentNumber(Double(value))
            if NumberFormatting.format(number, locale: locale, grouping: grouping) != Double(value).formatted(style)
                || NumberFormatting.format(
                    FluentNumber(Double(value), options: ungrouped), locale: locale, grouping: grouping)
                    != String(value)
            {
                wrong.append(value)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("DATETIME in the time zone the value carries")
    func dates() {
        let start = Date(timeIntervalSince1970: 1_796_144_400)  // 2026-12-01 17:00 UTC
        let rome = FluentDateTime(start, timeZone: TimeZone(identifier: "Europe/Rome")!)
        let tirana = FluentDateTime(start, timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(format("when", ["start": .date(rome)]).0.contains("18:00"))
        #expect(format("when", ["start": .date(tirana)]).0.contains("12:00"))
        #expect(format("when", ["start": .date(rome)]).0.contains("dicembre"))
    }

    @Test("terms: private arguments, attributes as selectors")
    func terms() {
        #expect(format("brand-line").0 == "Mentore per tutti")
        #expect(format("brand-gender").0 == "il Mentore")
        #expect(format("of-place").0 == "Luci della sala")
        #expect(format("place-default") == ("la sala", []))
        #expect(format("string-select", ["role": "mentor"]).0 == "Mentore")
        #expect(format("string-select", ["role": "x"]).0 == "Altro")
    }

    @Test("missing pieces give the reference fallbacks and an error, never a crash")
    func fallbacks() {
        #expect(format("greet") == ("Ciao {$name}", [.error(.unknownVariable("name"))]))
        #expect(format("missing-term") == ("{-nothing}", [.error(.unknownTerm("nothing"))]))
        #expect(format("missing-message") == ("{nothing}", [.error(.unknownMessage("nothing"))]))
        #expect(format("missing-function") == ("{LOWER()}", [.error(.unknownFunction("LOWER"))]))
        #expect(format("no-value-ref") == ("{only-attribute}", [.error(.noValue("only-attribute"))]))
        #expect(format("attribute-ref").0 == "Titolo")
        #expect(format("only-attribute.title").0 == "Titolo")
        #expect(format("nope") == ("{nope}", [.missingMessage("nope")]))
        #expect(format("places").0 == "{$count} posti")
    }

    @Test("cyclic references are reported and shown as the id")
    func cycles() {
        #expect(format("self") == ("{self}", [.error(.cyclicReference("self"))]))
        let (text, issues) = format("loop-a")
        #expect(text == "{loop-a}")
        #expect(issues == [.error(.cyclicReference("loop-a"))])
    }

    @Test("exponential expansion is cut off, not expanded")
    func billionLaughs() {
        let clock = ContinuousClock()
        var result: (String, [LocalizationIssue]) = ("", [])
        let elapsed = clock.measure { result = format("lol9") }
        #expect(result.0 == "{???}")
        #expect(result.1 == [.error(.tooManyPlaceables)])
        #expect(elapsed < .seconds(1))
        #expect(format("lol1").0.count == 39)
    }

    @Test("a missing message falls back along the chain and says so")
    func chain() {
        #expect(format("only-en", in: "sq") == ("Only English", [.fellBack(key: "only-en", from: "sq", to: "en")]))
        #expect(format("brand-line", in: "sq").1 == [.fellBack(key: "brand-line", from: "sq", to: "it")])
        #expect(format("only-en", in: "it").0 == "Only English")
        #expect(format("greet", ["name": "Drita"], in: "sq").0 == "Përshëndetje Drita")
    }

    @Test("bidi isolation is off by default and wraps placeables when on")
    func isolation() {
        var localizer = Self.localizer
        #expect(localizer.t("greet", ["name": "Anna"], in: "it") == "Ciao Anna")
        localizer.setIsolating(true, for: "it")
        #expect(localizer.t("greet", ["name": "Anna"], in: "it") == "Ciao \u{2068}Anna\u{2069}")
        #expect(localizer.t("price", ["amount": 1], in: "it") == "1,00\u{A0}€")
    }

    @Test("a broken file keeps the entries around the error")
    func junk() {
        let resource = FluentParser.parse("before = ok\nbroken = { $oops\nafter = ok\n9bad = x\n")
        #expect(resource.messages.map(\.id) == ["before", "after"])
        #expect(resource.junk.map(\.line) == [2, 4])
        #expect(resource.junk.first?.reason == "unexpected-line-end")
        #expect(FluentParser.parse("a = 1\r\nb = 2\r\n").messages.count == 2)
    }
}
@Suite("Language negotiation")
struct NegotiationTests {
    let negotiator = LanguageNegotiator()

    @Test("the user's preference wins, then the explicit choice, then the header, then Italian")
    func order() {
        #expect(negotiator.negotiate(userPreference: "sq", explicit: "en", acceptLanguage: "it") == "sq")
        #expect(negotiator.negotiate(userPreference: nil, explicit: "en", acceptLanguage: "it") == "en")
        #expect(negotiator.negotiate(userPreference: nil, explicit: "xx", acceptLanguage: "sq") == "sq")
        #expect(negotiator.negotiate(userPreference: nil, explicit: nil, acceptLanguage: nil) == "it")
    }

    @Test(
        "Accept-Language: q-values, q=0, subtags and Albanian aliases",
        arguments: [
            ("en;q=0.2, sq;q=0.9", "sq"), ("sq;q=0, en", "en"), ("sq-Latn-XK", "sq"), ("als", "sq"), ("aln", "sq"),
            ("aae-IT", "sq"), ("sqi", "sq"), ("de, fr", "it"), ("*", "it"), ("EN-gb", "en"), ("en-x-private", "en"),
            ("it;q=0.5, en;q=0.5", "it"), ("sq;q=abc, en;q=0.1", "en"),
        ])
    func acceptLanguage(header: String, expected: String) {
        #expect(negotiator.negotiate(userPreference: nil, explicit: nil, acceptLanguage: header) == expected)
    }
}
