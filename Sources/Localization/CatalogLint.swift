import Foundation

/// One problem `mentore i18n lint` reports, located in a catalog or a source file.
public struct LintFinding: Sendable, Hashable {
    public enum Code: String, Sendable, CaseIterable {
        case syntax, duplicate, missing, obsolete
        case undefinedMessage = "undefined-message"
        case undefinedTerm = "undefined-term"
        case variables
        case pluralCategory = "plural-category"
        case unknownKey = "unknown-key"
        case unusedKey = "unused-key"
        case forbiddenTerm = "forbidden-term"
        case missingTerm = "missing-term"
        case countOutsideSelector = "count-outside-selector"
        case quotationMark = "quotation-mark"
        case articleBeforeDate = "article-before-date"
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var code: Code
    /// The message id, reference or category concerned.
    public var subject: String
    /// For `variables`: the variables expected (from `en`); for the glossary's checks, what
    /// was found (and what to write instead).
    public var detail: String = ""
}

/// Where the product's code names catalog keys: explicit uses (`t("key")`, `#t("key")`, mail
/// keys), every string literal (a key may travel as a value before it is formatted) and
/// families built by interpolation (`"error-\(code)"`).
public struct KeyUsage: Sendable {
    public var explicit: [(key: String, file: String, line: Int, column: Int)] = []
    public var literals: Set<String> = []
    public var prefixes: Set<String> = []

    public init() {}

    static let explicitPatterns = [
        #"\bt\(\s*"([a-z][a-z0-9-]*)""#, #"#t\(\s*"([a-z][a-z0-9-]*)""#,
        #"Outbox\.enqueue\(\s*"([a-z][a-z0-9-]*)""#,
    ]

    /// Scans `.swift` and `.leaf` files under the given folders.
    public static func scan(_ folders: [URL], relativeTo root: URL) throws -> KeyUsage {
        var usage = KeyUsage()
        let explicit = try explicitPatterns.map { try NSRegularExpression(pattern: $0) }
        let literal = try NSRegularExpression(pattern: #""([a-z][a-z0-9]*(?:-[a-z0-9]+)*)""#)
        let prefix = try NSRegularExpression(pattern: #""([a-z][a-z0-9-]*-)\\\("#)
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let name = enumerator.nextObject() as? String {
                guard name.hasSuffix(".swift") || name.hasSuffix(".leaf") else { continue }
                let url = folder.appendingPathComponent(name)
                // Comment lines (`//`, `///`) may show keys as examples; they are not uses.
                let text = try String(contentsOf: url, encoding: .utf8).split(
                    separator: "\n", omittingEmptySubsequences: false
                )
                .map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : String($0) }
                .joined(separator: "\n")
                let range = NSRange(text.startIndex..., in: text)
                let path = url.path.replacingOccurrences(of: root.path + "/", with: "")
                for regex in explicit {
                    for match in regex.matches(in: text, range: range) {
                        guard let keyRange = Range(match.range(at: 1), in: text) else { continue }
                        let before = text[..<keyRange.lowerBound]
                        let line = before.filter { $0 == "\n" }.count + 1
                        let column =
                            before.distance(
                                from: before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex,
                                to: before.endIndex) + 1
                        let use = (key: String(text[keyRange]), file: path, line: line, column: column)
                        if !usage.explicit.contains(where: { $0 == use }) { usage.explicit.append(use) }
                    }
                }
                for match in literal.matches(in: text, range: range) {
                    if let keyRange = Range(match.range(at: 1), in: text) {
                        usage.literals.insert(String(text[keyRange]))
                    }
                }
                for match in prefix.matches(in: text, range: range) {
                    if let keyRange = Range(match.range(at: 1), in: text) {
                        usage.prefixes.insert(String(text[keyRange]))
                    }
                }
            }
        }
        return usage
    }
}

/// The checks of `mentore i18n lint`, against `en` as the reference language.
public enum CatalogLint {
    public static let reference = "en"

    public static func run(_ localizer: Localizer, usage: KeyUsage?) -> [LintFinding] {
        var findings: [LintFinding] = []
        for diagnostic in localizer.diagnostics {
            findings.append(
                LintFinding(
                    file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                    code: diagnostic.kind == .syntax ? .syntax : .duplicate, subject: diagnostic.detail))
        }
        let languages = localizer.files.keys.sorted()
        let referenceMessages = located(localizer.files[reference] ?? [])

        for language in languages {
            let files = localizer.files[language] ?? []
            let messages = located(files)
            let bundle = localizer.bundles[language]
            if language != reference {
                for (id, place) in referenceMessages where messages[id] == nil {
                    findings.append(place.finding(.missing, id, language: language))
                }
                for (id, place) in messages where referenceMessages[id] == nil {
                    findings.append(place.finding(.obsolete, id))
                }
                for (id, place) in messages {
                    guard let english = referenceMessages[id] else { continue }
                    let expected = variables(of: english.message)
                    if variables(of: place.message) != expected {
                        var finding = place.finding(.variables, id)
                        finding.detail = expected.sorted().map { "$" + $0 }.joined(separator: ", ")
                        findings.append(finding)
                    }
                }
            }
            for file in files {
                for entry in file.resource.body {
                    let message: FluentMessage
                    switch entry {
                    case .message(let value), .term(let value): message = value
                    default: continue
                    }
                    let (line, column) = file.location(of: message.offset)
                    func report(_ code: LintFinding.Code, _ subject: String) {
                        findings.append(
                            LintFinding(file: file.path, line: line, column: column, code: code, subject: subject))
                    }
                    for expression in expressions(in: message) {
                        switch expression {
                        case .messageReference(let id, let attribute):
                            if let attribute {
                                if bundle?.pattern(id, attribute: attribute) == nil {
                                    report(.undefinedMessage, "\(id).\(attribute)")
                                }
                            } else if bundle?.messages[id]?.value == nil {
                                report(.undefinedMessage, id)
                            }
                        case .termReference(let id, let attribute, _):
                            let term = bundle?.terms[id]
                            if term == nil || (attribute != nil && term?.attribute(attribute!) == nil) {
                                report(.undefinedTerm, "-" + id + (attribute.map { "." + $0 } ?? ""))
                            }
                        case .select(let selector, let variants):
                            for category in missingCategories(selector, variants, language: language) {
                                report(.pluralCategory, category.rawValue)
                            }
                        default: break
                        }
                    }
                }
            }
        }

        findings += glossaryFindings(localizer)

        if let usage {
            let english = localizer.bundles[reference]
            for use in usage.explicit {
                let known =
                    english?.pattern(key: use.key) != nil
                    || (english?.messages[use.key + "-subject"] != nil && english?.messages[use.key + "-body"] != nil)
                if !known {
                    findings.append(
                        LintFinding(
                            file: use.file, line: use.line, column: use.column, code: .unknownKey, subject: use.key))
                }
            }
            var referenced: Set<String> = []
            for file in localizer.files[reference] ?? [] {
                for entry in file.resource.body {
                    guard case .message(let message) = entry else { continue }
                    for case .messageReference(let id, _) in expressions(in: message) { referenced.insert(id) }
                }
            }
            for file in localizer.files[reference] ?? [] {
                for message in file.resource.messages {
                    let id = message.id
                    let base =
                        id.hasSuffix("-subject") || id.hasSuffix("-body") ? String(id[..<id.lastIndex(of: "-")!]) : id
                    let used =
                        usage.literals.contains(id) || usage.literals.contains(base) || referenced.contains(id)
                        || usage.prefixes.contains { id.hasPrefix($0) }
                    if !used {
                        let (line, column) = file.location(of: message.offset)
                        findings.append(
                            LintFinding(file: file.path, line: line, column: column, code: .unusedKey, subject: id))
                    }
                }
            }
        }
        return findings.sorted { ($0.file, $0.line, $0.column, $0.subject) < ($1.file, $1.line, $1.column, $1.subject) }
    }

    struct Place {
        var file: CatalogFile
        var message: FluentMessage

        func finding(_ code: LintFinding.Code, _ subject: String, language: String? = nil) -> LintFinding {
            let (line, column) = file.location(of: message.offset)
            var finding = LintFinding(file: file.path, line: line, column: column, code: code, subject: subject)
            if let language { finding.detail = language }
            return finding
        }
    }

    static func located(_ files: [CatalogFile]) -> [String: Place] {
        var places: [String: Place] = [:]
        for file in files {
            for message in file.resource.messages where places[message.id] == nil {
                places[message.id] = Place(file: file, message: message)
            }
        }
        return places
    }

    /// Every expression of a message or term, nested ones included.
    static func expressions(in message: FluentMessage) -> [FluentExpression] {
        var out: [FluentExpression] = []
        func walk(_ pattern: FluentPattern) {
            for case .placeable(let expression) in pattern.elements { visit(expression) }
        }
        func visit(_ expression: FluentExpression) {
            out.append(expression)
            switch expression {
            case .select(let selector, let variants):
                visit(selector)
                for variant in variants { walk(variant.value) }
            case .placeable(let inner): visit(inner)
            case .functionReference(_, let arguments):
                arguments.positional.forEach(visit)
            case .termReference(_, _, let arguments):
                for argument in arguments?.positional ?? [] { visit(argument) }
                for argument in arguments?.named ?? [] { visit(argument.value) }
            default: break
            }
        }
        if let value = message.value { walk(value) }
        for attribute in message.attributes { walk(attribute.value) }
        return out
    }

    /// The variables a message uses, in its value and attributes.
    public static func variables(of message: FluentMessage) -> Set<String> {
        Set(expressions(in: message).compactMap { if case .variableReference(let name) = $0 { name } else { nil } })
    }

    /// For a plural selector (keys naming CLDR categories), the categories of the language it lacks.
    static func missingCategories(_ selector: FluentExpression, _ variants: [FluentVariant], language: String)
        -> [PluralCategory]
    {
        let keys = Set(variants.compactMap { if case .identifier(let name) = $0.key { name } else { nil } })
        let named = keys.compactMap(PluralCategory.init(rawValue:)).filter { $0 != .other }
        guard !named.isEmpty else { return [] }
        var ordinal = false
        switch selector {
        case .variableReference, .numberLiteral: break
        case .functionReference("NUMBER", let arguments):
            ordinal = arguments.named.contains {
                if case .stringLiteral(_, "ordinal") = $0.value, $0.name == "type" { true } else { false }
            }
        default: return []
        }
        return PluralRules.categories(for: language, ordinal: ordinal).filter { !keys.contains($0.rawValue) }
    }
}

/// Completeness of each language against `en`, for `mentore i18n stats`.
public struct CatalogStats: Sendable {
    public var language: String
    public var messages: Int
    public var words: Int
    public var missing: Int
    public var total: Int

    public var percent: Double { total == 0 ? 100 : Double(total - missing) * 100 / Double(total) }

    public static func compute(_ localizer: Localizer) -> [CatalogStats] {
        let reference = Set(localizer.bundles[CatalogLint.reference]?.messages.keys.map { $0 } ?? [])
        return localizer.files.keys.sorted().map { language in
            let messages = (localizer.files[language] ?? []).flatMap(\.resource.messages)
            let ids = Set(messages.map(\.id))
            let words = messages.reduce(0) { $0 + wordCount($1) }
            return CatalogStats(
                language: language, messages: ids.count, words: words,
                missing: reference.subtracting(ids).count, total: reference.count)
        }
    }

    static func wordCount(_ message: FluentMessage) -> Int {
        var count = 0
        func walk(_ pattern: FluentPattern) {
            for element in pattern.elements {
                switch element {
                case .text(let text):
                    count += text.split(whereSeparator: { $0.isWhitespace }).count
                case .placeable(.select(_, let variants)):
                    // A select shows one variant: count the default's words.
                    if let chosen = variants.first(where: \.isDefault) { walk(chosen.value) }
                case .placeable:
                    count += 1
                }
            }
        }
        if let value = message.value { walk(value) }
        for attribute in message.attributes { walk(attribute.value) }
        return count
    }
}
