import Foundation

/// Numbers and dates through Foundation's format styles, always with an explicit locale.
enum NumberFormatting {
    /// "0" to "999", made once: short strings held inline, handed out without formatting.
    static let smallWholeNumbers: [String] = (0..<1000).map { String($0) }

    static func format(_ number: FluentNumber, locale: Locale, grouping: DigitGrouping? = nil) -> String {
        let value = number.value
        let options = number.options
        if options.style == .decimal, options.minimumFractionDigits ?? 0 == 0, value >= 0, value < 1e15,
            value.rounded() == value
        {
            // Small whole numbers look the same in it, sq and en: no separators, Latin digits.
            if value < 1000 { return smallWholeNumbers[Int(value)] }
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
        let count = digits.utf8.count
        guard grouped, count > 3, count >= 3 + minimumGroupingDigits else { return digits }
        let separator = self.separator.utf8
        let lead = count % 3 == 0 ? 3 : count % 3
        // Bytes, not characters: the digits are ASCII and the separator is copied as it is.
        return String(unsafeUninitializedCapacity: count + (count - 1) / 3 * separator.count) { buffer in
            var index = 0
            for (position, digit) in digits.utf8.enumerated() {
                if position > 0, (position - lead) % 3 == 0 {
                    for byte in separator {
                        buffer[index] = byte
                        index += 1
                    }
                }
                buffer[index] = digit
                index += 1
            }
            return index
        }
    }
}
