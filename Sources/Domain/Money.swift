/// A currency the platform handles, with its number of minor units (ISO 4217).
public enum Currency: String, Sendable, CaseIterable, Codable, Hashable {
    case eur = "EUR"
    /// The Albanian lek: no minor units in use.
    case all = "ALL"

    public var minorUnits: Int {
        switch self {
        case .eur: 2
        case .all: 0
        }
    }

    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }
}

/// An amount in minor units of one currency. Never a floating-point number.
public struct Money: Sendable, Hashable, Codable {
    public var minor: Int
    public var currency: Currency

    public init(minor: Int, currency: Currency) {
        self.minor = minor
        self.currency = currency
    }

    /// Parses what a person types: "12", "12.50", "12,50" (Italian and Albanian use a comma).
    /// Returns nil for more decimals than the currency has, signs or anything else.
    public init?(parsing text: String, currency: Currency) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCIIDigit), whole.count <= 12
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit), fraction.count <= currency.minorUnits,
            parts.count == 1 || !fraction.isEmpty
        else { return nil }
        fraction += String(repeating: "0", count: currency.minorUnits - fraction.count)
        guard let value = Int(whole + fraction) else { return nil }
        self.init(minor: value, currency: currency)
    }

    /// The plain decimal form, "12.50" or "1500", for form fields.
    public var decimalString: String {
        let units = currency.minorUnits
        guard units > 0 else { return String(minor) }
        var divisor = 1
        for _ in 0..<units { divisor *= 10 }
        let sign = minor < 0 ? "-" : ""
        let value = abs(minor)
        let fraction = String(value % divisor)
        return "\(sign)\(value / divisor).\(String(repeating: "0", count: units - fraction.count))\(fraction)"
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
