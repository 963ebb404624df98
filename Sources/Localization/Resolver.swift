import Foundation

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

    mutating func resolve(_ pattern: FluentPattern, args: FluentArguments, inTerm: Bool) throws -> String {
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

    mutating func expression(_ expression: FluentExpression, args: FluentArguments, inTerm: Bool) throws -> Resolved {
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
            var local = FluentArguments()
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

    private mutating func reference(_ key: String, _ pattern: FluentPattern, args: FluentArguments, inTerm: Bool)
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
