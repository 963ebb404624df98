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
        /// Every message value and attribute by its full key (`id`, `id.attribute`): one hash
        /// per lookup, no splitting of the key when formatting.
        let patterns: [String: FluentPattern]

        init(
            language: String, locale: Locale, pluralRules: PluralRules.Rules, grouping: DigitGrouping?,
            messages: [String: FluentMessage] = [:], terms: [String: FluentMessage] = [:],
            patterns: [String: FluentPattern] = [:]
        ) {
            self.language = language
            self.locale = locale
            self.pluralRules = pluralRules
            self.grouping = grouping
            self.messages = messages
            self.terms = terms
            self.patterns = patterns
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
                if let value = message.value { patterns[message.id] = value }
                for attribute in message.attributes where patterns[message.id + "." + attribute.id] == nil {
                    patterns[message.id + "." + attribute.id] = attribute.value
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
        tables.patterns[attribute.map { id + "." + $0 } ?? id]
    }

    /// The pattern of `id` or `id.attribute`, if present.
    public func pattern(key: String) -> FluentPattern? { tables.patterns[key] }

    /// Formats a message or attribute; nil when the bundle does not have it.
    public func format(_ id: String, attribute: String? = nil, args: [String: FTLValue] = [:])
        -> (text: String, errors: [FluentError])?
    {
        format(key: attribute.map { id + "." + $0 } ?? id, args: args)
    }

    /// Formats `id` or `id.attribute`; nil when the bundle does not have it.
    public func format(key: String, args: [String: FTLValue] = [:]) -> (text: String, errors: [FluentError])? {
        guard let pattern = tables.patterns[key] else { return nil }
        return format(pattern, args: args, key: key)
    }

    public func format(_ pattern: FluentPattern, args: [String: FTLValue] = [:], key: String? = nil)
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

/// A value during resolution; `none` carries the fallback text shown between braces.
enum Resolved {
    case string(String)
    case number(FluentNumber)
    case date(FluentDateTime)
    case none(String)
}

private struct TooManyPlaceables: Error {}

/// One formatting call's state. A value type: formatting allocates nothing but its text.
struct Resolver {
    let bundle: FluentBundle.Tables
    let useIsolating: Bool
    var errors: [FluentError] = []
    /// The message being formatted and the references being expanded (cycle detection).
    let root: String?
    var dirty: [String] = []
    var placeables = 0

    init(bundle: FluentBundle, root: String?) {
        self.bundle = bundle.tables
        self.useIsolating = bundle.useIsolating
        self.root = root
    }

    mutating func resolve(_ pattern: FluentPattern, args: [String: FTLValue], inTerm: Bool) throws -> String {
        if pattern.elements.count == 1 {
            switch pattern.elements[0] {
            case .text(let text): return text
            case .placeable(let expression):
                // Nothing to isolate from, nothing to join: the placeable's text is the result.
                placeables += 1
                if placeables > FluentBundle.maximumPlaceables {
                    errors.append(.tooManyPlaceables)
                    throw TooManyPlaceables()
                }
                return string(try self.expression(expression, args: args, inTerm: inTerm))
            }
        }
        let isolate = useIsolating
        var out = ""
        out.reserveCapacity(64)
        for element in pattern.elements {
            switch element {
            case .text(let text):
                out += text
            case .placeable(let expression):
                placeables += 1
                if placeables > FluentBundle.maximumPlaceables {
                    errors.append(.tooManyPlaceables)
                    throw TooManyPlaceables()
                }
                let value = try self.expression(expression, args: args, inTerm: inTerm)
                if isolate { out += "\u{2068}" }
                out += string(value)
                if isolate { out += "\u{2069}" }
            }
        }
        return out
    }

    func string(_ value: Resolved) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): NumberFormatting.format(number, locale: bundle.locale, grouping: bundle.grouping)
        case .date(let date): NumberFormatting.format(date, locale: bundle.locale)
        case .none(let fallback): "{" + fallback + "}"
        }
    }

    mutating func expression(_ expression: FluentExpression, args: [String: FTLValue], inTerm: Bool) throws -> Resolved
    {
        switch expression {
        case .stringLiteral(_, let value):
            return .string(value)
        case .numberLiteral(_, let value, let precision):
            var options = NumberOptions()
            if precision > 0 { options.minimumFractionDigits = precision }
            return .number(FluentNumber(value, options: options))
        case .variableReference(let name):
            guard let value = args[name] else {
                // Inside a term, an argument the caller did not pass is not an error.
                if !inTerm { errors.append(.unknownVariable(name)) }
                return .none("$" + name)
            }
            switch value {
            case .string(let text): return .string(text)
            case .number(let number): return .number(number)
            case .date(let date): return .date(date)
            }
        case .messageReference(let id, let attribute):
            let key = attribute.map { id + "." + $0 } ?? id
            guard let message = bundle.messages[id] else {
                errors.append(.unknownMessage(id))
                return .none(key)
            }
            let pattern: FluentPattern
            if let attribute {
                guard let found = message.attribute(attribute) else {
                    errors.append(.unknownAttribute(message: id, attribute: attribute))
                    return .none(key)
                }
                pattern = found
            } else {
                guard let value = message.value else {
                    errors.append(.noValue(id))
                    return .none(key)
                }
                pattern = value
            }
            return try reference(key, pattern, args: args, inTerm: inTerm)
        case .termReference(let id, let attribute, let arguments):
            let key = "-" + id + (attribute.map { "." + $0 } ?? "")
            guard let term = bundle.terms[id] else {
                errors.append(.unknownTerm(id))
                return .none(key)
            }
            var pattern = term.value
            if let attribute {
                guard let found = term.attribute(attribute) else {
                    errors.append(.unknownAttribute(message: "-" + id, attribute: attribute))
                    return .none(key)
                }
                pattern = found
            }
            // A term sees only the named arguments of its call, never the message's.
            var local: [String: FTLValue] = [:]
            for argument in arguments?.named ?? [] {
                switch try self.expression(argument.value, args: args, inTerm: inTerm) {
                case .string(let text): local[argument.name] = .string(text)
                case .number(let number): local[argument.name] = .number(number)
                case .date(let date): local[argument.name] = .date(date)
                case .none: break
                }
            }
            return try reference(key, pattern ?? FluentPattern(elements: []), args: local, inTerm: true)
        case .functionReference(let id, let arguments):
            var positional: [Resolved] = []
            for argument in arguments.positional {
                positional.append(try self.expression(argument, args: args, inTerm: inTerm))
            }
            var named: [String: Resolved] = [:]
            for argument in arguments.named {
                named[argument.name] = try self.expression(argument.value, args: args, inTerm: inTerm)
            }
            switch id {
            case "NUMBER": return call(id, Functions.number(positional, named))
            case "DATETIME": return call(id, Functions.dateTime(positional, named))
            default:
                errors.append(.unknownFunction(id))
                return .none(id + "()")
            }
        case .select(let selector, let variants):
            let value = try self.expression(selector, args: args, inTerm: inTerm)
            let chosen = select(value, variants)
            return .string(try resolve(chosen.value, args: args, inTerm: inTerm))
        case .placeable(let inner):
            return try self.expression(inner, args: args, inTerm: inTerm)
        }
    }

    private mutating func call(_ name: String, _ result: Resolved?) -> Resolved {
        guard let result else {
            errors.append(.invalidArgument(function: name))
            return .none(name + "()")
        }
        return result
    }

    private mutating func reference(_ key: String, _ pattern: FluentPattern, args: [String: FTLValue], inTerm: Bool)
        throws -> Resolved
    {
        guard key != root, !dirty.contains(key) else {
            errors.append(.cyclicReference(key))
            return .none(key)
        }
        dirty.append(key)
        defer { dirty.removeLast() }
        return .string(try resolve(pattern, args: args, inTerm: inTerm))
    }

    /// The first variant whose key matches (a number by value, a string by equality, a
    /// number against its CLDR plural category), else the default variant.
    private mutating func select(_ value: Resolved, _ variants: [FluentVariant]) -> FluentVariant {
        var category: PluralCategory?
        for variant in variants {
            switch (variant.key, value) {
            case (.number(_, let key), .number(let number)):
                if key == number.value { return variant }
            case (.identifier(let key), .string(let text)):
                if key == text { return variant }
            case (.identifier(let key), .number(let number)):
                if category == nil {
                    category = PluralRules.category(
                        number.pluralOperands, rules: bundle.pluralRules, ordinal: number.options.type == .ordinal)
                }
                if key == category?.rawValue { return variant }
            default:
                break
            }
        }
        return variants.first(where: \.isDefault) ?? variants[variants.count - 1]
    }
}

/// The built-in functions, `NUMBER()` and `DATETIME()`.
enum Functions {
    static func number(_ positional: [Resolved], _ named: [String: Resolved]) -> Resolved? {
        guard let first = positional.first else { return nil }
        var number: FluentNumber
        switch first {
        case .number(let value): number = value
        case .date(let date): number = FluentNumber(date.date.timeIntervalSince1970 * 1000)
        case .none(let fallback): return .none("NUMBER(" + fallback + ")")
        case .string: return nil
        }
        for (name, value) in named {
            switch (name, value) {
            case ("minimumFractionDigits", .number(let digits)):
                number.options.minimumFractionDigits = min(max(Int(digits.value), 0), 20)
            case ("maximumFractionDigits", .number(let digits)):
                number.options.maximumFractionDigits = min(max(Int(digits.value), 0), 20)
            case ("useGrouping", .string(let flag)):
                number.options.useGrouping = !(flag == "false" || flag == "0")
            case ("useGrouping", .number(let flag)):
                number.options.useGrouping = flag.value != 0
            case ("style", .string(let style)):
                if let style = NumberOptions.Style(rawValue: style) { number.options.style = style }
            case ("currency", .string(let code)):
                number.options.currency = code.uppercased()
            case ("type", .string(let type)):
                if let type = NumberOptions.Kind(rawValue: type) { number.options.type = type }
            default:
                break
            }
        }
        if number.options.style == .currency && number.options.currency == nil { return nil }
        return .number(number)
    }

    static func dateTime(_ positional: [Resolved], _ named: [String: Resolved]) -> Resolved? {
        guard let first = positional.first else { return nil }
        var date: FluentDateTime
        switch first {
        case .date(let value): date = value
        case .number(let milliseconds):
            date = FluentDateTime(
                Date(timeIntervalSince1970: milliseconds.value / 1000), timeZone: TimeZone(identifier: "UTC")!)
        case .none(let fallback): return .none("DATETIME(" + fallback + ")")
        case .string: return nil
        }
        for (name, value) in named {
            guard case .string(let text) = value else { continue }
            switch name {
            case "dateStyle": date.dateStyle = FluentDateTime.Style(rawValue: text) ?? date.dateStyle
            case "timeStyle": date.timeStyle = FluentDateTime.Style(rawValue: text) ?? date.timeStyle
            case "timeZone": date.timeZone = TimeZone(identifier: text) ?? date.timeZone
            default: break
            }
        }
        return .date(date)
    }
}

/// Numbers and dates through Foundation's format styles, always with an explicit locale.
enum NumberFormatting {
    static func format(_ number: FluentNumber, locale: Locale, grouping: DigitGrouping? = nil) -> String {
        let value = number.value
        let options = number.options
        if options.style == .decimal, options.minimumFractionDigits ?? 0 == 0, value >= 0, value < 1e15,
            value.rounded() == value
        {
            // Small whole numbers look the same in it, sq and en: no separators, Latin digits.
            if value < 1000 { return String(Int(value)) }
            if let grouping { return grouping.format(Int(value), grouped: options.useGrouping) }
        }
        let digits = number.fractionDigits
        let grouping: NumberFormatStyleConfiguration.Grouping = options.useGrouping ? .automatic : .never
        switch options.style {
        case .decimal:
            return value.formatted(
                FloatingPointFormatStyle<Double>(locale: locale)
                    .precision(.fractionLength(digits.minimum...digits.maximum)).grouping(grouping))
        case .percent:
            return value.formatted(
                FloatingPointFormatStyle<Double>.Percent(locale: locale)
                    .precision(.fractionLength(digits.minimum...digits.maximum)).grouping(grouping))
        case .currency:
            return value.formatted(
                FloatingPointFormatStyle<Double>.Currency(code: options.currency ?? "EUR", locale: locale)
                    .precision(.fractionLength(digits.minimum...digits.maximum)).grouping(grouping))
        }
    }

    static func format(_ value: FluentDateTime, locale: Locale) -> String {
        let date: Date.FormatStyle.DateStyle =
            switch value.dateStyle {
            case .full: .complete
            case .long: .long
            case .medium: .abbreviated
            case .short: .numeric
            case nil: value.timeStyle == nil ? .numeric : .omitted
            }
        let time: Date.FormatStyle.TimeStyle =
            switch value.timeStyle {
            case .full, .long: .complete
            case .medium: .standard
            case .short: .shortened
            case nil: .omitted
            }
        let style = Date.FormatStyle(
            date: date, time: time, locale: locale, calendar: Calendar(identifier: .gregorian),
            timeZone: value.timeZone)
        return value.date.formatted(style)
    }
}

/// Whole non-negative numbers grouped by thousands without going through ICU on every call:
/// the separator and the minimum grouping digits are read once from Foundation's own output
/// for the locale, and kept only if they reproduce it (Latin digits, groups of three).
struct DigitGrouping: Sendable {
    let separator: String
    /// 1 when 1000 is grouped (`1.000`), 2 when grouping starts at 10000 (`1000`, `10 000`).
    let minimumGroupingDigits: Int

    init?(locale: Locale) {
        let style = FloatingPointFormatStyle<Double>(locale: locale).precision(.fractionLength(0...3))
        let million = 1_234_567.0.formatted(style)
        guard million.hasPrefix("1"), million.hasSuffix("567"), million.count > 7 else { return nil }
        let separator = String(million.dropFirst().prefix(million.count - 7).prefix { !$0.isNumber })
        guard !separator.isEmpty else { return nil }
        self.separator = separator
        self.minimumGroupingDigits = 1_000.0.formatted(style) == "1000" ? 2 : 1
        // Keep the shortcut only if it says exactly what Foundation says.
        for sample in [1_000, 9_999, 10_000, 123_456, 1_234_567, 999_999_999_999] {
            guard format(sample, grouped: true) == Double(sample).formatted(style) else { return nil }
        }
    }

    func format(_ value: Int, grouped: Bool) -> String {
        let digits = String(value)
        guard grouped, digits.count > 3, digits.count >= 4 + minimumGroupingDigits - 1 else { return digits }
        var out = ""
        out.reserveCapacity(digits.utf8.count + digits.utf8.count / 3 * separator.utf8.count)
        let lead = digits.count % 3 == 0 ? 3 : digits.count % 3
        for (index, digit) in digits.enumerated() {
            if index > 0, (index - lead) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
