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

    @Test("every catalog parses without junk")
    func noJunk() {
        for (language, resource) in Self.localizer.resources {
            #expect(resource.junk.isEmpty, "\(language): \(resource.junk)")
            #expect(Set(resource.order).count == resource.order.count, "\(language) has duplicate ids")
        }
    }

    @Test("it, sq and en hold the same messages with the same variables")
    func parity() throws {
        let en = try #require(Self.localizer.resources["en"])
        for language in ["it", "sq"] {
            let other = try #require(Self.localizer.resources[language])
            #expect(Set(other.messages.keys) == Set(en.messages.keys), "\(language) differs from en")
            for (id, message) in en.messages {
                guard let translated = other.messages[id] else { continue }
                #expect(
                    FTLElement.variables(in: translated.value ?? []) == FTLElement.variables(in: message.value ?? []),
                    "\(language) \(id) uses other variables")
            }
        }
    }

    /// Keys written literally in Swift (`t("…")`) and Leaf (`#t("…")`); dynamic families are listed below.
    static func usedKeys() throws -> Set<String> {
        var keys: Set<String> = []
        let patterns = [#"\bt\("([a-z0-9-]+)""#, #"#t\("([a-z0-9-]+)""#, #"\? "([a-z0-9-]+)" : "([a-z0-9-]+)""#]
        for folder in ["Sources/App", "Resources/Views"] {
            let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") || file.hasSuffix(".leaf") else { continue }
                let text = try String(
                    contentsOf: root.appendingPathComponent(folder).appendingPathComponent(file), encoding: .utf8)
                for pattern in patterns {
                    let regex = try NSRegularExpression(pattern: pattern)
                    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                        for group in 1..<match.numberOfRanges {
                            if let range = Range(match.range(at: group), in: text) { keys.insert(String(text[range])) }
                        }
                    }
                }
            }
        }
        return keys
    }

    @Test("every key used in code and templates exists in en")
    func usedKeysExist() throws {
        let en = try #require(Self.localizer.resources["en"])
        // A mail key names a pair: `<key>-subject` and `<key>-body`.
        let missing = try Self.usedKeys().filter {
            $0.contains("-") && !$0.hasSuffix("-") && en.messages[$0] == nil && en.messages[$0 + "-subject"] == nil
        }
        #expect(missing.isEmpty, "missing in en: \(missing.sorted())")
    }

    @Test("every error code, event kind, role and language has its message")
    func dynamicFamilies() throws {
        let en = try #require(Self.localizer.resources["en"])
        let families = [
            "error-": [
                "required", "too-long", "too-short", "invalid-email", "invalid-value", "invalid-date",
                "end-before-start",
                "negative", "email-taken", "slug-taken", "wrong-credentials", "rate-limited", "token-invalid",
                "not-found",
                "forbidden", "unauthenticated", "csrf", "conflict", "password-mismatch", "unknown-time-zone",
                "unknown-currency",
                "already-member", "last-manager", "bad-request", "server",
            ],
            "event-kind-": ["training", "education", "culture"],
            "language-name-": ["it", "sq", "en"], "language-self-": ["it", "sq", "en"],
            "member-role-": ["coordinator", "manager", "door"],
            "organizer-status-": ["pending", "approved", "rejected"],
        ]
        for (prefix, names) in families {
            for name in names { #expect(en.messages[prefix + name] != nil, "\(prefix)\(name)") }
        }
        for mail in ["email-reset", "email-invitation", "email-organizer-approved", "email-organizer-rejected"] {
            #expect(en.messages[mail + "-subject"] != nil && en.messages[mail + "-body"] != nil, "\(mail)")
        }
    }
}
