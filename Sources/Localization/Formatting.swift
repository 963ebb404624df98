import Foundation

/// Dates, numbers and money for one language and one time zone, through Foundation's
/// format styles and the CLDR data that ships with the toolchain.
public struct Formatting: Sendable {
    public let locale: Locale
    public let timeZone: TimeZone

    public init(language: String, timeZone: TimeZone) {
        self.locale = Localizer.locale(for: language)
        self.timeZone = timeZone
    }

    private func style(date: Date.FormatStyle.DateStyle, time: Date.FormatStyle.TimeStyle) -> Date.FormatStyle {
        var style = Date.FormatStyle(date: date, time: time, locale: locale, calendar: Calendar(identifier: .gregorian))
        style.timeZone = timeZone
        return style
    }

    /// "12 dic 2026, 18:30" in the venue's time zone.
    public func dateTime(_ date: Date) -> String {
        date.formatted(style(date: .abbreviated, time: .shortened))
    }

    public func date(_ date: Date) -> String {
        date.formatted(style(date: .long, time: .omitted))
    }

    /// "novembre 2026": a month of the year, as the language names it.
    public func monthYear(_ date: Date) -> String {
        var style = Date.FormatStyle(locale: locale, calendar: Calendar(identifier: .gregorian)).month(.wide).year()
        style.timeZone = timeZone
        return date.formatted(style)
    }

    public func time(_ date: Date) -> String {
        date.formatted(style(date: .omitted, time: .shortened))
    }

    /// An amount in minor units, with as many decimals as the currency has (the lek has none).
    public func money(minor: Int, currency code: String, minorUnits: Int) -> String {
        var value = Decimal(minor)
        for _ in 0..<minorUnits { value /= 10 }
        return value.formatted(
            .currency(code: code).locale(locale).precision(.fractionLength(minorUnits)))
    }
}
