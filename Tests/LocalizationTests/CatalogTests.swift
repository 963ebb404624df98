import Foundation
import Testing

@testable import Localization

/// Invariant 7: every user-facing string exists in it, sq and en, with the same variables.
@Suite("The project's catalogs")
struct CatalogTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return url
    }()

    static let localizer = try! Localizer.load(from: root.appendingPathComponent("Locales"))

    @Test("every catalog parses without junk or duplicates")
    func clean() {
        #expect(Self.localizer.diagnostics.isEmpty, "\(Self.localizer.diagnostics)")
    }

    @Test("it, sq and en hold the same messages with the same variables")
    func parity() throws {
        let en = try #require(Self.localizer.bundles["en"])
        for language in ["it", "sq"] {
            let other = try #require(Self.localizer.bundles[language])
            #expect(Set(other.messages.keys) == Set(en.messages.keys), "\(language) differs from en")
            for (id, message) in en.messages {
                guard let translated = other.messages[id] else { continue }
                #expect(
                    CatalogLint.variables(of: translated) == CatalogLint.variables(of: message),
                    "\(language) \(id) uses other variables")
            }
        }
    }

    @Test("the pseudo-locale covers every English message, accented and bracketed")
    func pseudo() throws {
        let pseudo = try #require(Self.localizer.bundles[Localizer.pseudoLanguage])
        #expect(Set(pseudo.messages.keys) == Set(Self.localizer.bundles["en"]!.messages.keys))
        let text = Self.localizer.t("nav-events", in: Localizer.pseudoLanguage)
        #expect(text.hasPrefix("[") && text.hasSuffix("]"))
        #expect(!text.contains { $0.isASCII && $0.isLetter })
    }
}
