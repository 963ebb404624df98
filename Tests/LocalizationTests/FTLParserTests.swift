import Testing

@testable import Localization

@Suite("FTL reading (first layer)")
struct FTLParserTests {
    @Test("messages, attributes, comments and multiline values")
    func basics() {
        let resource = FTLParser.parse(
            """
            # A comment
            ## Group comment
            hello = Ciao { $name }!
                .title = Saluto
            multi =
                Prima riga

                Terza riga
            -brand = Mentore
            uses-term = Benvenuti su { -brand }.
            """)
        #expect(resource.junk.isEmpty)
        #expect(resource.messages["hello"]?.value == [.text("Ciao "), .variable("name"), .text("!")])
        #expect(resource.messages["hello"]?.attributes["title"] == [.text("Saluto")])
        #expect(resource.messages["multi"]?.value == [.text("Prima riga\n\nTerza riga")])
        #expect(resource.terms["brand"]?.value == [.text("Mentore")])
        #expect(resource.order == ["hello", "multi", "-brand", "uses-term"])
    }

    @Test("a broken entry becomes junk and never hides its neighbours")
    func junk() {
        let resource = FTLParser.parse("before = ok\nbroken = { $oops\nafter = ok\n9bad = x\n")
        #expect(resource.messages["before"] != nil)
        #expect(resource.messages["after"] != nil)
        #expect(resource.junk.map(\.line) == [2, 4])
    }

    @Test("CRLF and CR line endings read like LF")
    func lineEndings() {
        #expect(FTLParser.parse("a = 1\r\nb = 2\r\n").messages.count == 2)
        #expect(FTLParser.parse("a = 1\rb = 2\r").messages.count == 2)
    }
}

@Suite("Localizer")
struct LocalizerTests {
    let localizer = Localizer(resources: [
        "it": FTLParser.parse(
            "greet = Ciao { $name }\nonly-it = Solo italiano\nloop = { loop }\n-brand = Mentore\nbrand-line = { -brand } e { -missing }"
        ),
        "sq": FTLParser.parse("greet = Përshëndetje { $name }"),
        "en": FTLParser.parse("greet = Hello { $name }\nonly-en = Only English"),
    ])

    @Test("a message is formatted with its arguments")
    func format() {
        #expect(localizer.t("greet", ["name": "Drita"], in: "sq") == "Përshëndetje Drita")
    }

    @Test("a missing message falls back along the chain and says so")
    func fallback() {
        let result = localizer.format("only-it", in: "sq")
        #expect(result.text == "Solo italiano")
        #expect(result.issues == [.fellBack(key: "only-it", from: "sq", to: "it")])
        #expect(localizer.t("only-en", in: "sq") == "Only English")
        #expect(localizer.t("only-en", in: "it") == "Only English")
    }

    @Test("missing pieces give the reference fallbacks, never a crash")
    func fallbacks() {
        #expect(localizer.format("greet", in: "it") == ("Ciao {$name}", [.missingVariable("name")]))
        #expect(localizer.format("nope", in: "it") == ("{nope}", [.missingMessage("nope")]))
        #expect(localizer.format("loop", in: "it").text == "{loop}")
        #expect(localizer.t("brand-line", in: "it") == "Mentore e {-missing}")
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
