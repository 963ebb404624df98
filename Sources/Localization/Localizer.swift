import Foundation

/// A value passed to a message.
public enum FTLValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case number(Int)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(value) }

    var text: String {
        switch self {
        case .string(let value): value
        case .number(let value): String(value)
        }
    }
}

/// What went wrong while formatting a message; the text still comes back, with a fallback in place.
public enum LocalizationIssue: Sendable, Hashable {
    case missingMessage(String)
    case missingVariable(String)
    case missingTerm(String)
    case cyclicReference(String)
    case fellBack(key: String, from: String, to: String)
}

/// All catalogs of the platform and the rules for falling back between them.
///
/// `t(key, args, in:)` is the one way the product turns a message id into text.
public struct Localizer: Sendable {
    public let languages: [String]
    public let defaultLanguage: String
    public private(set) var resources: [String: FTLResource]
    /// For each language, the languages to try, in order, when a message is missing.
    public var fallbacks: [String: [String]]

    public init(resources: [String: FTLResource], defaultLanguage: String = "it", fallbacks: [String: [String]]? = nil)
    {
        self.resources = resources
        self.languages = ["it", "sq", "en"].filter { resources[$0] != nil }
        self.defaultLanguage = defaultLanguage
        self.fallbacks = fallbacks ?? ["sq": ["it", "en"], "it": ["en"], "en": ["it"]]
    }

    /// Reads every `*.ftl` file under `directory/<language>/` for the given languages.
    public static func load(from directory: URL, languages: [String] = ["it", "sq", "en"]) throws -> Localizer {
        var resources: [String: FTLResource] = [:]
        for language in languages {
            let folder = directory.appendingPathComponent(language)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".ftl") }.sorted()
            var merged = FTLResource()
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let parsed = FTLParser.parse(text)
                merged.messages.merge(parsed.messages) { first, _ in first }
                merged.terms.merge(parsed.terms) { first, _ in first }
                merged.order += parsed.order
                merged.junk += parsed.junk
            }
            resources[language] = merged
        }
        return Localizer(resources: resources)
    }

    /// The text of a message (or of `message.attribute`) in `language`, falling back along the chain.
    public func t(_ key: String, _ args: [String: FTLValue] = [:], in language: String) -> String {
        format(key, args, in: language).text
    }

    /// Like `t`, also reporting what had to be patched or fallen back on.
    public func format(_ key: String, _ args: [String: FTLValue] = [:], in language: String)
        -> (text: String, issues: [LocalizationIssue])
    {
        let (id, attribute) = split(key)
        for candidate in [language] + (fallbacks[language] ?? []) {
            guard let message = resources[candidate]?.messages[id],
                let pattern = attribute.map({ message.attributes[$0] }) ?? message.value
            else { continue }
            var issues: [LocalizationIssue] = []
            if candidate != language { issues.append(.fellBack(key: key, from: language, to: candidate)) }
            var visited: Set<String> = [key]
            let text = resolve(pattern, args, language: candidate, visited: &visited, issues: &issues)
            return (text, issues)
        }
        return ("{\(key)}", [.missingMessage(key)])
    }

    /// Whether `language` has its own text for the key, without falling back.
    public func has(_ key: String, in language: String) -> Bool {
        let (id, attribute) = split(key)
        guard let message = resources[language]?.messages[id] else { return false }
        return attribute.map { message.attributes[$0] != nil } ?? (message.value != nil)
    }

    private func split(_ key: String) -> (String, String?) {
        let parts = key.split(separator: ".", maxSplits: 1)
        return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : nil)
    }

    private func resolve(
        _ pattern: [FTLElement], _ args: [String: FTLValue], language: String,
        visited: inout Set<String>, issues: inout [LocalizationIssue]
    ) -> String {
        var out = ""
        for element in pattern {
            switch element {
            case .text(let text), .literal(let text):
                out += text
            case .variable(let name):
                if let value = args[name] {
                    out += value.text
                } else {
                    issues.append(.missingVariable(name))
                    out += "{$\(name)}"
                }
            case .messageReference(let id, let attribute):
                let key = attribute.map { "\(id).\($0)" } ?? id
                guard !visited.contains(key) else {
                    issues.append(.cyclicReference(key))
                    out += "{\(key)}"
                    continue
                }
                guard let message = resources[language]?.messages[id],
                    let inner = attribute.map({ message.attributes[$0] }) ?? message.value
                else {
                    issues.append(.missingMessage(key))
                    out += "{\(key)}"
                    continue
                }
                visited.insert(key)
                out += resolve(inner, args, language: language, visited: &visited, issues: &issues)
                visited.remove(key)
            case .termReference(let id, let attribute):
                let key = "-" + (attribute.map { "\(id).\($0)" } ?? id)
                guard !visited.contains(key), let term = resources[language]?.terms[id],
                    let inner = attribute.map({ term.attributes[$0] }) ?? term.value
                else {
                    issues.append(visited.contains(key) ? .cyclicReference(key) : .missingTerm(key))
                    out += "{\(key)}"
                    continue
                }
                visited.insert(key)
                // Terms see no outside arguments: they are private to the catalog.
                out += resolve(inner, [:], language: language, visited: &visited, issues: &issues)
                visited.remove(key)
            }
        }
        return out
    }
}
