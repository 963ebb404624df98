/// Writes a resource as JSON in the shape of the reference fixtures (no spans, Junk with
/// empty annotations), for `mentore i18n parse` and the conformance tests.
extension FluentResource {
    /// The AST in the reference fixtures' shape: indented, or on one line when `compact`
    /// (JSON Lines, one resource a line).
    public func referenceJSON(compact: Bool = false) -> String {
        var writer = JSONWriter(compact: compact)
        writer.value(json)
        writer.out.append("\n")
        return writer.out
    }

    var json: JSONNode {
        .object([("type", "Resource"), ("body", .array(body.map(\.json)))])
    }
}

/// A JSON value whose objects keep their keys in the order given.
indirect enum JSONNode: ExpressibleByStringLiteral {
    case null
    case bool(Bool)
    case string(String)
    case array([JSONNode])
    case object([(String, JSONNode)])

    init(stringLiteral value: String) { self = .string(value) }

    static func optional(_ value: JSONNode?) -> JSONNode { value ?? .null }
}

extension FluentEntry {
    var json: JSONNode {
        switch self {
        case .message(let message): message.json(type: "Message")
        case .term(let term): term.json(type: "Term")
        case .comment(let comment): comment.json
        case .junk(let junk):
            .object([("type", "Junk"), ("annotations", .array([])), ("content", .string(junk.content))])
        }
    }
}

extension FluentComment {
    var json: JSONNode {
        let type: String =
            switch level {
            case .comment: "Comment"
            case .group: "GroupComment"
            case .resource: "ResourceComment"
            }
        return .object([("type", .string(type)), ("content", .string(content))])
    }
}

extension FluentMessage {
    func json(type: String) -> JSONNode {
        .object([
            ("type", .string(type)),
            ("id", identifier(id)),
            ("value", .optional(value?.json)),
            (
                "attributes",
                .array(
                    attributes.map {
                        .object([("type", "Attribute"), ("id", identifier($0.id)), ("value", $0.value.json)])
                    })
            ),
            ("comment", .optional(comment.map { .object([("type", "Comment"), ("content", .string($0))]) })),
        ])
    }
}

private func identifier(_ name: String) -> JSONNode {
    .object([("type", "Identifier"), ("name", .string(name))])
}

extension FluentPattern {
    var json: JSONNode {
        .object([
            ("type", "Pattern"),
            (
                "elements",
                .array(
                    elements.map {
                        switch $0 {
                        case .text(let text): .object([("type", "TextElement"), ("value", .string(text))])
                        case .placeable(let expression):
                            .object([("type", "Placeable"), ("expression", expression.json)])
                        }
                    })
            ),
        ])
    }
}

extension FluentExpression {
    var json: JSONNode {
        switch self {
        case .stringLiteral(let raw, _):
            .object([("type", "StringLiteral"), ("value", .string(raw))])
        case .numberLiteral(let raw, _, _):
            .object([("type", "NumberLiteral"), ("value", .string(raw))])
        case .variableReference(let id):
            .object([("type", "VariableReference"), ("id", identifier(id))])
        case .messageReference(let id, let attribute):
            .object([
                ("type", "MessageReference"), ("id", identifier(id)),
                ("attribute", .optional(attribute.map(identifier))),
            ])
        case .termReference(let id, let attribute, let arguments):
            .object([
                ("type", "TermReference"), ("id", identifier(id)), ("attribute", .optional(attribute.map(identifier))),
                ("arguments", .optional(arguments?.json)),
            ])
        case .functionReference(let id, let arguments):
            .object([("type", "FunctionReference"), ("id", identifier(id)), ("arguments", arguments.json)])
        case .select(let selector, let variants):
            .object([
                ("type", "SelectExpression"), ("selector", selector.json),
                (
                    "variants",
                    .array(
                        variants.map { variant in
                            let key: JSONNode =
                                switch variant.key {
                                case .identifier(let name): identifier(name)
                                case .number(let raw, _): .object([("type", "NumberLiteral"), ("value", .string(raw))])
                                }
                            return .object([
                                ("type", "Variant"), ("key", key), ("value", variant.value.json),
                                ("default", .bool(variant.isDefault)),
                            ])
                        })
                ),
            ])
        case .placeable(let inner):
            .object([("type", "Placeable"), ("expression", inner.json)])
        }
    }
}

extension FluentCallArguments {
    var json: JSONNode {
        .object([
            ("type", "CallArguments"),
            ("positional", .array(positional.map(\.json))),
            (
                "named",
                .array(
                    named.map {
                        .object([("type", "NamedArgument"), ("name", identifier($0.name)), ("value", $0.value.json)])
                    })
            ),
        ])
    }
}

struct JSONWriter {
    var compact = false
    var out = ""
    var depth = 0

    mutating func value(_ node: JSONNode) {
        switch node {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .string(let text): string(text)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            depth += 1
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newLine()
                value(item)
            }
            depth -= 1
            newLine()
            out += "]"
        case .object(let pairs):
            out += "{"
            depth += 1
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                newLine()
                string(pair.0)
                out += compact ? ":" : ": "
                value(pair.1)
            }
            depth -= 1
            newLine()
            out += "}"
        }
    }

    mutating func newLine() {
        guard !compact else { return }
        out += "\n" + String(repeating: "    ", count: depth)
    }

    mutating func string(_ text: String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
