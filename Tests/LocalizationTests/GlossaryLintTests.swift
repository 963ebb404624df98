import Foundation
import Testing

@testable import Localization

/// The checks of `mentore i18n lint` that follow from `Locales/GLOSSARY.md`.
@Suite("The glossary's checks")
struct GlossaryLintTests {
    /// The glossary findings for one message per language (it, sq and en share the ids).
    static func findings(_ sources: [String: String]) -> [LintFinding] {
        let localizer = Self.localizer(sources)
        return CatalogLint.glossaryFindings(localizer)
    }

    /// A localizer whose `files` hold the given sources, as `Localizer.load` would fill them.
    static func localizer(_ sources: [String: String]) -> Localizer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (language, source) in sources {
            let folder = directory.appendingPathComponent(language)
            try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try! Data(source.utf8).write(to: folder.appendingPathComponent("test.ftl"))
        }
        return try! Localizer.load(from: directory, languages: sources.keys.sorted(), pseudo: false)
    }

    static func codes(_ findings: [LintFinding]) -> [LintFinding.Code] { findings.map(\.code) }

    @Test("a forbidden alternative of a glossary term is reported with the term to use")
    func forbiddenTerm() throws {
        let findings = Self.findings(["sq": "door-code-label = Kodi i kuponit\n"])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .forbiddenTerm)
        #expect(finding.subject == "door-code-label")
        #expect(finding.detail == "kuponit → vauçer")
    }

    @Test("the glossary's forbidden words are whole words: mentore and e-mail pass, mentor and email do not")
    func wholeWords() {
        #expect(Self.findings(["it": "a = Diventa mentore\nb = Scrivi un'e-mail\n"]).isEmpty)
        #expect(Self.codes(Self.findings(["it": "a = Diventa mentor\n"])) == [.forbiddenTerm])
        #expect(Self.codes(Self.findings(["sq": "a = Shkruani email-in\n"])) == [.forbiddenTerm])
        #expect(Self.findings(["en": "a = mentore admin create --email E --user EMAIL\n"]).isEmpty)
    }

    @Test("a message about venues must name the glossary's term")
    func requiredTerm() {
        #expect(Self.codes(Self.findings(["sq": "column-venue = Vendi\n"])) == [.missingTerm])
        #expect(Self.findings(["sq": "column-venue = Vendndodhja\n"]).isEmpty)
    }

    @Test("a count before a word outside a selector on it is reported")
    func countOutsideSelector() throws {
        let findings = Self.findings(["it": "journey-progress = { $done } tappe su { $required } frequentate\n"])
        #expect(Self.codes(findings) == [.countOutsideSelector, .countOutsideSelector])
        #expect(Set(findings.map(\.detail)) == ["$done", "$required"])
    }

    @Test("a count inside its own selector, after a label or between two counts is fine")
    func countsThatAreFine() {
        let source = """
            a = { $count ->
                    [one] Un posto
                    [many] { $count } di posti
                   *[other] { $count } posti
                }
            b = Tappe frequentate: { $done } su { $required }
            c = { $required } su { $count }
            d = Ammessi { $admitted } · posti { $capacity }

            """
        #expect(Self.findings(["it": source]).isEmpty)
    }

    @Test("a count selected on another variable is still a bare count")
    func countInOtherSelector() {
        let source = """
            a = { $kind ->
                    [course] { $count } corsi
                   *[other] { $count } eventi
                }

            """
        #expect(Self.codes(Self.findings(["it": source])) == [.countOutsideSelector])
    }

    @Test("quotation marks and apostrophes other than the language's own are reported")
    func quotationMarks() {
        #expect(Self.findings(["it": "a = Il token «{ $label }» dell'associazione\n"]).isEmpty)
        #expect(Self.findings(["sq": "a = Tokeni «{ $label }» për t’u përdorur\n"]).isEmpty)
        #expect(Self.findings(["en": "a = The token “{ $label }” of the association's page\n"]).isEmpty)
        let mixed = Self.findings(["it": "a = Il token “{ $label }”\n"])
        #expect(Self.codes(mixed) == [.quotationMark, .quotationMark])
        #expect(Self.codes(Self.findings(["sq": "a = për t'u përdorur\n"])) == [.quotationMark])
        #expect(Self.codes(Self.findings(["en": "a = Send it as \"Bearer\"\n"])) == [.quotationMark])
    }

    @Test("an Italian article before a date variable is reported, in data is not")
    func articleBeforeDate() {
        for source in ["a = Pagata il { $date }\n", "a = valido fino al { $until }\n", "a = chiuso l'{ $date }\n"] {
            #expect(Self.codes(Self.findings(["it": source])) == [.articleBeforeDate], "\(source)")
        }
        #expect(Self.findings(["it": "a = Pagata in data { $date }\nb = (scadenza: { $until })\n"]).isEmpty)
        #expect(Self.findings(["it": "a = Ammesso alle { $time }\n"]).isEmpty)
    }

    @Test("an Italian label that ends in an article before the date shown beside it is reported")
    func labelEndingInArticle() {
        #expect(Self.codes(Self.findings(["it": "a = Rilasciato il\n"])) == [.articleBeforeDate])
        #expect(Self.codes(Self.findings(["it": "a = Valido fino al\n"])) == [.articleBeforeDate])
        #expect(Self.findings(["it": "a = Data di rilascio\nb = Profilo\n"]).isEmpty)
    }

    @Test("the project's catalogs follow the glossary")
    func projectCatalogs() {
        let findings = CatalogLint.glossaryFindings(CatalogTests.localizer)
        #expect(
            findings.isEmpty,
            "\(findings.map { "\($0.file):\($0.line) \($0.code.rawValue) \($0.subject) \($0.detail)" })")
    }

    @Test("the project's catalogs pass every catalog check of the lint")
    func projectLint() {
        let findings = CatalogLint.run(CatalogTests.localizer, usage: nil)
        #expect(findings.isEmpty, "\(findings.map { "\($0.file):\($0.line) \($0.code.rawValue) \($0.subject)" })")
    }
}
