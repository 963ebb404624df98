import Foundation

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
