import Foundation

/// A CLDR plural category.
public enum PluralCategory: String, Sendable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The operands of a number as CLDR defines them (UTS #35, Part 3, "Plural Operand Meanings"),
/// computed from the digits as they would be shown: `1` and `1.0` differ (`v` = 0 or 1).
public struct PluralOperands: Sendable, Equatable {
    /// Absolute value.
    public var n: Double
    /// Integer digits.
    public var i: UInt64
    /// Number of visible fraction digits, with and without trailing zeros.
    public var v: Int
    public var w: Int
    /// Visible fraction digits as an integer, with and without trailing zeros.
    public var f: UInt64
    public var t: UInt64
    /// Exponent of the compact decimal form (always 0 here: we never format compactly).
    public var e: Int = 0

    public init(_ integer: Int) {
        let magnitude = integer.magnitude
        n = Double(magnitude)
        i = UInt64(magnitude)
        v = 0
        w = 0
        f = 0
        t = 0
    }

    /// From a decimal literal as written, e.g. `"1.50"` (v = 2, f = 50, t = 5). Nil if it is not one.
    public init?(literal: String) {
        var digits = Substring(literal)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integerPart = parts.first, !integerPart.isEmpty, integerPart.allSatisfy(\.isASCII),
            integerPart.allSatisfy(\.isNumber)
        else { return nil }
        let fraction = parts.count > 1 ? parts[1] : ""
        guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy { $0.isASCII && $0.isNumber }) else {
            return nil
        }
        // Beyond 18 integer digits only the last ones matter to any rule (they use `i % 10^k`).
        i = UInt64(integerPart.suffix(18)) ?? 0
        n = Double(digits) ?? 0
        v = fraction.count
        let trimmed = fraction.reversed().drop { $0 == "0" }.reversed()
        w = trimmed.count
        f = UInt64(fraction.prefix(18)) ?? 0
        t = UInt64(String(trimmed).prefix(18)) ?? 0
    }

    /// From a value and the fraction digits it will be shown with (the default, as in
    /// `Intl.NumberFormat`, is 0…3).
    public init(_ value: Double, minimumFractionDigits: Int = 0, maximumFractionDigits: Int = 3) {
        let maximum = max(min(maximumFractionDigits, 15), minimumFractionDigits)
        var text = String(format: "%.\(maximum)f", value.magnitude)
        if let dot = text.firstIndex(of: ".") {
            var keep = text.distance(from: dot, to: text.endIndex) - 1
            while keep > minimumFractionDigits, text.last == "0" {
                text.removeLast()
                keep -= 1
            }
            if keep == 0 { text.removeLast() }
        }
        self = PluralOperands(literal: text) ?? PluralOperands(0)
    }
}

/// CLDR plural rules (CLDR 46, `plurals.xml` and `ordinals.xml`) for the platform's languages,
/// written from the rule text. `en-XA` (the pseudo-locale) follows English.
public enum PluralRules {
    /// The categories a language uses; a selector must offer each of them (or be covered by its default).
    public static func categories(for language: String, ordinal: Bool) -> [PluralCategory] {
        switch (Rules(language), ordinal) {
        case (.it, false): [.one, .many, .other]
        case (.it, true): [.many, .other]
        case (.sq, false): [.one, .other]
        case (.sq, true): [.one, .many, .other]
        case (.en, false): [.one, .other]
        case (.en, true): [.one, .two, .few, .other]
        default: [.other]
        }
    }

    /// The rule set of a language, resolved once (bundles keep it; formatting never parses the tag).
    public enum Rules: Sendable {
        case it, sq, en, other

        public init(_ language: String) {
            switch PluralRules.base(language) {
            case "it": self = .it
            case "sq": self = .sq
            case "en": self = .en
            default: self = .other
            }
        }
    }

    public static func category(_ o: PluralOperands, language: String, ordinal: Bool = false) -> PluralCategory {
        category(o, rules: Rules(language), ordinal: ordinal)
    }

    public static func category(_ o: PluralOperands, rules: Rules, ordinal: Bool = false) -> PluralCategory {
        switch (rules, ordinal) {
        case (.it, false):
            // one: i = 1 and v = 0
            // many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5
            if o.i == 1 && o.v == 0 { return .one }
            if (o.e == 0 && o.i != 0 && o.i % 1_000_000 == 0 && o.v == 0) || !(0...5).contains(o.e) { return .many }
            return .other
        case (.it, true):
            // many: n = 11,8,80,800
            return o.n == 11 || o.n == 8 || o.n == 80 || o.n == 800 ? .many : .other
        case (.sq, false):
            // one: n = 1
            return o.n == 1 ? .one : .other
        case (.sq, true):
            // one: n = 1; many: n % 10 = 4 and n % 100 != 14
            if o.n == 1 { return .one }
            if fmod(o.n, 10) == 4 && fmod(o.n, 100) != 14 { return .many }
            return .other
        case (.en, false):
            // one: i = 1 and v = 0
            return o.i == 1 && o.v == 0 ? .one : .other
        case (.en, true):
            // one: n % 10 = 1 and n % 100 != 11; two: n % 10 = 2 and n % 100 != 12;
            // few: n % 10 = 3 and n % 100 != 13
            let mod10 = fmod(o.n, 10)
            let mod100 = fmod(o.n, 100)
            if mod10 == 1 && mod100 != 11 { return .one }
            if mod10 == 2 && mod100 != 12 { return .two }
            if mod10 == 3 && mod100 != 13 { return .few }
            return .other
        default:
            return .other
        }
    }

    public static func supports(_ language: String) -> Bool {
        ["it", "sq", "en"].contains(base(language))
    }

    static func base(_ language: String) -> String {
        String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }
}
