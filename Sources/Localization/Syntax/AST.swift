/// The syntax tree of a Project Fluent (FTL 1.0) resource, shaped like the reference AST
/// (`projectfluent/fluent`, `syntax/ast.mjs`), without source spans.

public struct FluentResource: Sendable, Equatable {
    public var body: [FluentEntry]

    public init(body: [FluentEntry] = []) { self.body = body }

    public var messages: [FluentMessage] {
        body.compactMap { if case .message(let message) = $0 { message } else { nil } }
    }

    public var terms: [FluentMessage] {
        body.compactMap { if case .term(let term) = $0 { term } else { nil } }
    }

    public var junk: [FluentJunk] {
        body.compactMap { if case .junk(let junk) = $0 { junk } else { nil } }
    }
}

public enum FluentEntry: Sendable, Equatable {
    case message(FluentMessage)
    case term(FluentMessage)
    case comment(FluentComment)
    case junk(FluentJunk)
}

public struct FluentComment: Sendable, Equatable {
    public enum Level: Int, Sendable {
        case comment = 1
        case group = 2
        case resource = 3
    }
    public var level: Level
    public var content: String
}

/// A message or a term (terms always have a value). `comment` is the `#` comment right above it.
public struct FluentMessage: Sendable, Equatable {
    public var id: String
    public var value: FluentPattern?
    public var attributes: [FluentAttribute]
    public var comment: String?
    /// Byte offset of the entry in its source, for diagnostics.
    public var offset: Int

    public func attribute(_ name: String) -> FluentPattern? {
        attributes.first { $0.id == name }?.value
    }
}

public struct FluentAttribute: Sendable, Equatable {
    public var id: String
    public var value: FluentPattern
}

public struct FluentPattern: Sendable, Equatable {
    public var elements: [FluentPatternElement]
}

public enum FluentPatternElement: Sendable, Equatable {
    case text(String)
    case placeable(FluentExpression)
}

public indirect enum FluentExpression: Sendable, Equatable {
    /// `raw` as written between the quotes; `value` with the escapes applied.
    case stringLiteral(raw: String, value: String)
    /// The literal as written (`-01.50`), its value and its number of fraction digits.
    case numberLiteral(raw: String, value: Double, precision: Int)
    case variableReference(String)
    case messageReference(id: String, attribute: String?)
    case termReference(id: String, attribute: String?, arguments: FluentCallArguments?)
    case functionReference(id: String, arguments: FluentCallArguments)
    case select(selector: FluentExpression, variants: [FluentVariant])
    case placeable(FluentExpression)
}

public struct FluentCallArguments: Sendable, Equatable {
    public var positional: [FluentExpression]
    public var named: [FluentNamedArgument]
}

public struct FluentNamedArgument: Sendable, Equatable {
    public var name: String
    /// A string or number literal.
    public var value: FluentExpression
}

public struct FluentVariant: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        case identifier(String)
        case number(raw: String, value: Double)
    }
    public var key: Key
    public var value: FluentPattern
    public var isDefault: Bool
}

/// Source text that is not valid FTL. `line`/`column` (1-based) and `reason` locate the
/// furthest point the parser reached inside it.
public struct FluentJunk: Sendable, Equatable {
    public var content: String
    public var offset: Int
    public var line: Int
    public var column: Int
    public var reason: String
}
