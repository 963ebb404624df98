import Foundation

/// How a number is shown; the `NUMBER()` options of Fluent (a subset of `Intl.NumberFormat`'s).
public struct NumberOptions: Sendable, Hashable {
    public enum Style: String, Sendable { case decimal, percent, currency }
    public enum Kind: String, Sendable { case cardinal, ordinal }

    public var style: Style = .decimal
    public var currency: String?
    public var minimumFractionDigits: Int?
    public var maximumFractionDigits: Int?
    public var useGrouping = true
    /// Whether plural selection uses cardinal or ordinal rules; it does not change the digits.
    public var type: Kind = .cardinal

    public init() {}
}

/// A number handed to a message, with the options it will be shown with.
public struct FluentNumber: Sendable, Hashable, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public var value: Double
    public var options: NumberOptions

    public init(_ value: Int) {
        self.value = Double(value)
        self.options = NumberOptions()
    }

    public init(_ value: Double, options: NumberOptions = NumberOptions()) {
        self.value = value
        self.options = options
    }

    public init(integerLiteral value: Int) { self.init(value) }
    public init(floatLiteral value: Double) { self.init(value) }

    /// A decimal literal as written (`"5"`, `"1.50"`): the fraction digits written are kept.
    public init?(literal: String) {
        guard PluralOperands(literal: literal) != nil, let value = Double(literal) else { return nil }
        self.value = value
        self.options = NumberOptions()
        if let dot = literal.firstIndex(of: ".") {
            options.minimumFractionDigits = literal.distance(from: dot, to: literal.endIndex) - 1
        }
    }

    /// The fraction digits it will show: Intl's defaults (0…3, or the currency's digits).
    var fractionDigits: (minimum: Int, maximum: Int) {
        let standard: (Int, Int)
        switch options.style {
        case .decimal: standard = (0, 3)
        case .percent: standard = (0, 0)
        case .currency:
            let digits = Currencies.minorUnits(options.currency ?? "")
            standard = (digits, digits)
        }
        let minimum = options.minimumFractionDigits ?? min(standard.0, options.maximumFractionDigits ?? standard.0)
        let maximum = max(options.maximumFractionDigits ?? max(standard.1, minimum), minimum)
        return (minimum, maximum)
    }

    public var pluralOperands: PluralOperands {
        if options.style == .decimal, options.minimumFractionDigits == nil || options.minimumFractionDigits == 0,
            value.rounded() == value, value.magnitude < 1e15
        {
            return PluralOperands(Int(value))
        }
        let digits = fractionDigits
        let shown = options.style == .percent ? value * 100 : value
        return PluralOperands(shown, minimumFractionDigits: digits.minimum, maximumFractionDigits: digits.maximum)
    }
}

enum Currencies {
    /// ISO 4217 minor units of the currencies the platform handles; others default to 2.
    static func minorUnits(_ code: String) -> Int {
        switch code.uppercased() {
        case "ALL", "JPY", "KRW": 0
        default: 2
        }
    }
}

/// A moment handed to a message, with the time zone it is shown in (the venue's).
public struct FluentDateTime: Sendable, Hashable {
    public enum Style: String, Sendable { case full, long, medium, short }

    public var date: Date
    public var timeZone: TimeZone
    public var dateStyle: Style?
    public var timeStyle: Style?

    public init(_ date: Date, timeZone: TimeZone, dateStyle: Style? = nil, timeStyle: Style? = nil) {
        self.date = date
        self.timeZone = timeZone
        self.dateStyle = dateStyle
        self.timeStyle = timeStyle
    }
}

/// A value passed to a message.
public enum FTLValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case number(FluentNumber)
    case date(FluentDateTime)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(FluentNumber(value)) }

    public static func integer(_ value: Int) -> FTLValue { .number(FluentNumber(value)) }
}

/// What went wrong while formatting; the text still comes back, with the reference fallback in place.
public enum FluentError: Error, Sendable, Hashable {
    case unknownVariable(String)
    case unknownMessage(String)
    case unknownAttribute(message: String, attribute: String)
    case noValue(String)
    case unknownTerm(String)
    case unknownFunction(String)
    case cyclicReference(String)
    case tooManyPlaceables
    case invalidArgument(function: String)

    /// A stable code; the catalogs hold its text as `i18n-error-<code>`.
    public var code: String {
        switch self {
        case .unknownVariable: "unknown-variable"
        case .unknownMessage: "unknown-message"
        case .unknownAttribute: "unknown-attribute"
        case .noValue: "no-value"
        case .unknownTerm: "unknown-term"
        case .unknownFunction: "unknown-function"
        case .cyclicReference: "cyclic-reference"
        case .tooManyPlaceables: "too-many-placeables"
        case .invalidArgument: "invalid-argument"
        }
    }

    /// The subject of the error, as the `name` argument of its message.
    public var subject: String {
        switch self {
        case .unknownVariable(let name): "$" + name
        case .unknownMessage(let id), .noValue(let id), .cyclicReference(let id): id
        case .unknownAttribute(let message, let attribute): message + "." + attribute
        case .unknownTerm(let id): "-" + id
        case .unknownFunction(let name), .invalidArgument(let name): name + "()"
        case .tooManyPlaceables: String(FluentBundle.maximumPlaceables)
        }
    }
}
