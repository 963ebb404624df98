/// The pseudo-locale `en-XA`: English with every letter accented and vowels doubled
/// (about a third longer), each message in brackets. Text that did not come through the
/// catalogs stands out as plain ASCII, and layouts are tried with longer words.
enum Pseudo {
    static let upper = Array("ȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ")
    static let lower = Array("ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑ")

    static func accent(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        for character in text {
            guard let ascii = character.asciiValue else {
                out.append(character)
                continue
            }
            switch ascii {
            case 0x41...0x5A:
                out.append(upper[Int(ascii - 0x41)])
            case 0x61...0x7A:
                let accented = lower[Int(ascii - 0x61)]
                out.append(accented)
                if "aeiou".contains(character) { out.append(accented) }
            default:
                out.append(character)
            }
        }
        return out
    }

    static func transform(_ resource: FluentResource) -> FluentResource {
        FluentResource(
            body: resource.body.map {
                switch $0 {
                case .message(let message): .message(transform(message))
                case .term(let term): .term(transform(term))
                default: $0
                }
            })
    }

    static func transform(_ message: FluentMessage) -> FluentMessage {
        var message = message
        message.value = message.value.map(transform)
        message.attributes = message.attributes.map { FluentAttribute(id: $0.id, value: transform($0.value)) }
        return message
    }

    static func transform(_ pattern: FluentPattern) -> FluentPattern {
        FluentPattern(
            elements: pattern.elements.map {
                switch $0 {
                case .text(let text): .text(accent(text))
                case .placeable(let expression): .placeable(transform(expression))
                }
            })
    }

    static func transform(_ expression: FluentExpression) -> FluentExpression {
        switch expression {
        case .select(let selector, let variants):
            .select(
                selector: selector,
                variants: variants.map {
                    FluentVariant(key: $0.key, value: transform($0.value), isDefault: $0.isDefault)
                })
        case .placeable(let inner): .placeable(transform(inner))
        default: expression
        }
    }
}
