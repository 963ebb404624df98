import Foundation

/// The messages and terms of one language, and the resolver that turns them into text.
///
/// Resolution follows the reference implementations (fluent.js, fluent-rs): a missing
/// variable, message, term or function is reported and shown as `{$name}`, `{id}`,
/// `{-term}` or `{NAME()}`; a cyclic reference as `{id}`; a message that expands more than
/// `maximumPlaceables` placeables ("billion laughs") is cut off and shown as `{???}`.
public struct FluentBundle: Sendable {
    public static let maximumPlaceables = 100

    /// What a bundle holds, behind one reference: copying a bundle (out of a dictionary, into
    /// a resolver) costs one retain, not one per table.
    final class Tables: Sendable {
        let language: String
        let locale: Locale
        let pluralRules: PluralRules.Rules
        /// How this locale groups whole numbers, learnt once from Foundation (see `DigitGrouping`).
        let grouping: DigitGrouping?
        let messages: [String: FluentMessage]
        let terms: [String: FluentMessage]
        /// Every message value and attribute by its full key (`id`, `id.attribute`), compiled:
        /// one hash per lookup, no splitting of the key when formatting.
        let patterns: [String: CompiledPattern]
        /// The same, for formatting (see `PatternTable`).
        let table: PatternTable

        init(
            language: String, locale: Locale, pluralRules: PluralRules.Rules, grouping: DigitGrouping?,
            messages: [String: FluentMessage] = [:], terms: [String: FluentMessage] = [:],
            patterns: [String: CompiledPattern] = [:]
        ) {
            self.language = language
            self.locale = locale
            self.pluralRules = pluralRules
            self.grouping = grouping
            self.messages = messages
            self.terms = terms
            self.patterns = patterns
            self.table = PatternTable(patterns)
        }
    }

    private(set) var tables: Tables
    /// Wraps each placeable in FSI…PDI (Unicode bidi isolation) when the pattern has other parts.
    public var useIsolating = false
    /// Wraps every formatted message in `[…]` (the pseudo-locale's marker).
    public var bracketMessages = false

    public var language: String { tables.language }
    public var locale: Locale { tables.locale }
    public var messages: [String: FluentMessage] { tables.messages }
    public var terms: [String: FluentMessage] { tables.terms }

    public init(language: String, locale: Locale, useIsolating: Bool = false) {
        self.tables = Tables(
            language: language, locale: locale, pluralRules: PluralRules.Rules(language),
            grouping: DigitGrouping(locale: locale))
        self.useIsolating = useIsolating
    }

    /// Adds the messages and terms of a resource; ids already present keep their first
    /// definition. Returns the ids that were defined twice.
    @discardableResult
    public mutating func add(_ resource: FluentResource) -> [String] {
        var messages = tables.messages
        var terms = tables.terms
        var patterns = tables.patterns
        var duplicates: [String] = []
        for entry in resource.body {
            switch entry {
            case .message(let message):
                guard messages[message.id] == nil else {
                    duplicates.append(message.id)
                    continue
                }
                messages[message.id] = message
                if let value = message.value { patterns[message.id] = CompiledPattern(value) }
                for attribute in message.attributes where patterns[message.id + "." + attribute.id] == nil {
                    patterns[message.id + "." + attribute.id] = CompiledPattern(attribute.value)
                }
            case .term(let term):
                if terms[term.id] == nil { terms[term.id] = term } else { duplicates.append("-" + term.id) }
            default: break
            }
        }
        tables = Tables(
            language: tables.language, locale: tables.locale, pluralRules: tables.pluralRules,
            grouping: tables.grouping, messages: messages, terms: terms, patterns: patterns)
        return duplicates
    }

    /// The pattern of a message (`attribute` nil) or of one of its attributes, if present.
    public func pattern(_ id: String, attribute: String? = nil) -> FluentPattern? {
        tables.patterns[attribute.map { id + "." + $0 } ?? id]?.pattern
    }

    /// The pattern of `id` or `id.attribute`, if present.
    public func pattern(key: String) -> FluentPattern? { tables.patterns[key]?.pattern }

    /// Formats a message or attribute; nil when the bundle does not have it.
    public func format(_ id: String, attribute: String? = nil, args: [String: FTLValue] = [:])
        -> (text: String, errors: [FluentError])?
    {
        format(key: attribute.map { id + "." + $0 } ?? id, args: FluentArguments(args))
    }

    /// Formats `id` or `id.attribute`; nil when the bundle does not have it.
    public func format(key: String, args: [String: FTLValue] = [:]) -> (text: String, errors: [FluentError])? {
        format(key: key, args: FluentArguments(args))
    }

    /// Formats `id` or `id.attribute` through its compiled form; nil when the bundle does not have it.
    public func format(key: String, args: FluentArguments) -> (text: String, errors: [FluentError])? {
        guard let compiled = tables.table[key] else { return nil }
        // Isolation marks are the resolver's business (the pseudo-locale only).
        if !useIsolating, let text = compiled.format(args, tables) {
            return (bracketMessages ? "[" + text + "]" : text, [])
        }
        return format(compiled.pattern, args: args, key: key)
    }

    public func format(_ pattern: FluentPattern, args: [String: FTLValue] = [:], key: String? = nil)
        -> (text: String, errors: [FluentError])
    {
        format(pattern, args: FluentArguments(args), key: key)
    }

    public func format(_ pattern: FluentPattern, args: FluentArguments, key: String? = nil)
        -> (text: String, errors: [FluentError])
    {
        // The common case: plain text.
        if pattern.elements.count == 1, case .text(let text) = pattern.elements[0] {
            return (bracketMessages ? "[" + text + "]" : text, [])
        }
        var scope = Resolver(bundle: self, root: key)
        do {
            let text = try scope.resolve(pattern, args: args, inTerm: false)
            return (bracketMessages ? "[" + text + "]" : text, scope.errors)
        } catch {
            return ("{???}", scope.errors)
        }
    }
}
