import Foundation

/// The checks that follow from the glossary (`GlossaryRules`): its terms, counts inside
/// sentences, quotation marks and apostrophes, articles before dates.
extension CatalogLint {
    /// A text as a reader sees it: the text of a pattern with each variable as `{$name}` and
    /// any other placeable as `{…}`; each variant of a selector is a text of its own, which
    /// knows the variables it was selected on.
    struct Sentence {
        var text: String
        var selectors: Set<String>
        /// Whether this is the whole value or attribute (not a variant inside it).
        var isWhole: Bool
    }

    static func sentences(of message: FluentMessage) -> [Sentence] {
        var out: [Sentence] = []
        func flatten(_ pattern: FluentPattern, selectors: Set<String>, isWhole: Bool) {
            var text = ""
            for element in pattern.elements {
                switch element {
                case .text(let piece): text += piece
                case .placeable(let expression): text += token(expression, selectors: selectors)
                }
            }
            out.append(Sentence(text: text, selectors: selectors, isWhole: isWhole))
        }
        func token(_ expression: FluentExpression, selectors: Set<String>) -> String {
            switch expression {
            case .variableReference(let name): return "{$" + name + "}"
            case .stringLiteral(_, let value): return value
            case .placeable(let inner): return token(inner, selectors: selectors)
            case .functionReference(_, let arguments):
                if case .variableReference(let name)? = arguments.positional.first { return "{$" + name + "}" }
                return "{…}"
            case .select(let selector, let variants):
                var inner = selectors
                if let name = variable(of: selector) { inner.insert(name) }
                for variant in variants { flatten(variant.value, selectors: inner, isWhole: false) }
                return "{…}"
            default: return "{…}"
            }
        }
        if let value = message.value { flatten(value, selectors: [], isWhole: true) }
        for attribute in message.attributes { flatten(attribute.value, selectors: [], isWhole: true) }
        return out
    }

    /// The variable a selector switches on (`$count`, `NUMBER($count, …)`).
    static func variable(of selector: FluentExpression) -> String? {
        switch selector {
        case .variableReference(let name): name
        case .functionReference(_, let arguments):
            if case .variableReference(let name)? = arguments.positional.first { name } else { nil }
        default: nil
        }
    }

    /// Variables that some plural selector (CLDR category or number keys) switches on, in any language.
    static func pluralSelectorVariables(_ localizer: Localizer) -> Set<String> {
        var names: Set<String> = []
        for file in localizer.files.values.joined() {
            for message in file.resource.messages {
                for case .select(let selector, let variants) in expressions(in: message) {
                    let plural = variants.contains {
                        switch $0.key {
                        case .number: true
                        case .identifier(let key): key != "other" && PluralCategory(rawValue: key) != nil
                        }
                    }
                    if plural, let name = variable(of: selector) { names.insert(name) }
                }
            }
        }
        return names
    }

    /// What the glossary's rules find in the catalogs of `localizer`.
    public static func glossaryFindings(_ localizer: Localizer, rules: GlossaryRules = .project) -> [LintFinding] {
        let counts = rules.countVariables.union(pluralSelectorVariables(localizer))
        let tokens = try! NSRegularExpression(pattern: #"\{\$([A-Za-z][A-Za-z0-9_-]*)\}"#)
        var findings: [LintFinding] = []
        for (language, files) in localizer.files {
            let forbidden = rules.forbidden.filter { $0.language == language }.map {
                (rule: $0, regex: try! NSRegularExpression(pattern: $0.pattern))
            }
            let required = rules.required.filter { $0.language == language }.map {
                (rule: $0, regex: try! NSRegularExpression(pattern: $0.pattern))
            }
            let articles = articleExpressions(rules.articlesBeforeDate[language] ?? [], dates: rules.dateVariables)
            let allowedMarks = rules.marks[language]
            let connectors = rules.countConnectors[language] ?? []
            for file in files {
                for message in file.resource.messages {
                    let place = Place(file: file, message: message)
                    func report(_ code: LintFinding.Code, _ detail: String) {
                        var finding = place.finding(code, message.id)
                        finding.detail = detail
                        if !findings.contains(finding) { findings.append(finding) }
                    }
                    let sentences = sentences(of: message)
                    for sentence in sentences {
                        let plain = tokens.stringByReplacingMatches(
                            in: sentence.text, range: NSRange(sentence.text.startIndex..., in: sentence.text),
                            withTemplate: " ")
                        for (rule, regex) in forbidden {
                            if let found = firstMatch(regex, in: plain) {
                                report(.forbiddenTerm, found + " → " + rule.use)
                            }
                        }
                        if let allowedMarks {
                            for mark in plain where GlossaryRules.marks.contains(mark) && !allowedMarks.contains(mark) {
                                report(.quotationMark, String(mark))
                            }
                        }
                        for regex in articles.beforeVariable {
                            if let found = firstMatch(regex, in: sentence.text) { report(.articleBeforeDate, found) }
                        }
                        if sentence.isWhole, let regex = articles.atEnd,
                            let found = firstMatch(regex, in: sentence.text)
                        {
                            report(.articleBeforeDate, found)
                        }
                        for name in bareCounts(sentence, counts: counts, connectors: connectors, tokens: tokens) {
                            report(.countOutsideSelector, "$" + name)
                        }
                    }
                    let whole = sentences.map(\.text).joined(separator: "\n")
                    for (rule, regex) in required where message.id.contains(rule.ids) {
                        if firstMatch(regex, in: whole) == nil { report(.missingTerm, rule.use) }
                    }
                }
            }
        }
        return findings
    }

    private static func firstMatch(_ regex: NSRegularExpression, in text: String) -> String? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range, in: text)
        else { return nil }
        return String(text[range]).trimmingCharacters(in: .whitespaces)
    }

    /// An article right before a date variable, and an article that ends a label (the date
    /// is shown after it).
    private static func articleExpressions(_ articles: [String], dates: Set<String>)
        -> (beforeVariable: [NSRegularExpression], atEnd: NSRegularExpression?)
    {
        guard !articles.isEmpty, !dates.isEmpty else { return ([], nil) }
        let forms = articles.map { article in
            article.hasSuffix("'")
                ? NSRegularExpression.escapedPattern(for: String(article.dropLast())) + "['’]\\s*"
                : NSRegularExpression.escapedPattern(for: article) + "\\s+"
        }
        let alternatives = "(?:" + forms.joined(separator: "|") + ")"
        let names = dates.sorted().map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        let before = try! NSRegularExpression(pattern: "(?i)(?<!\\p{L})" + alternatives + "\\{\\$(?:" + names + ")\\}")
        let end = try! NSRegularExpression(
            pattern: "(?i)(?<!\\p{L})"
                + alternatives.replacingOccurrences(
                    of: "\\s+", with: "\\s*") + "$")
        return ([before], end)
    }

    /// The count variables of a text that stand before a word (a noun they count) outside any
    /// selector on them. "Label: { $n }" and "{ $a } of { $b }" are fine.
    private static func bareCounts(
        _ sentence: Sentence, counts: Set<String>, connectors: Set<String>, tokens: NSRegularExpression
    ) -> [String] {
        let text = sentence.text
        var names: [String] = []
        for match in tokens.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let nameRange = Range(match.range(at: 1), in: text) else {
                continue
            }
            let name = String(text[nameRange])
            guard counts.contains(name), !sentence.selectors.contains(name) else { continue }
            let before = text[..<whole.lowerBound].trimmingCharacters(in: .whitespaces)
            if before.hasSuffix(":") { continue }
            let after = text[whole.upperBound...].drop { $0 == " " }
            guard let first = after.first, first.isLetter else { continue }
            let word = after.prefix { $0.isLetter }
            let rest = after.dropFirst(word.count).drop { $0 == " " }
            if connectors.contains(word.lowercased()), rest.first == "{" { continue }
            names.append(name)
        }
        return names
    }
}
