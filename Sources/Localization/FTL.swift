/// The parsed form of one Fluent (FTL) resource.
///
/// This is the first layer of the language engine: messages, terms, attributes,
/// comments, multiline values and placeables holding variables, message and term
/// references and string literals. Entries it cannot read become `junk` and never
/// hide the entries around them.
public struct FTLResource: Sendable, Equatable {
    public var messages: [String: FTLMessage] = [:]
    public var terms: [String: FTLMessage] = [:]
    /// Message and term ids in source order, duplicates included (for lint).
    public var order: [String] = []
    public var junk: [FTLJunk] = []

    public init() {}
}

/// A message or a term: an optional value and named attributes.
public struct FTLMessage: Sendable, Equatable {
    public var id: String
    public var value: [FTLElement]?
    public var attributes: [String: [FTLElement]]
    /// The 1-based line where the entry starts.
    public var line: Int
}

/// One piece of a pattern.
public enum FTLElement: Sendable, Equatable {
    case text(String)
    case variable(String)
    case messageReference(String, attribute: String?)
    case termReference(String, attribute: String?)
    case literal(String)
}

/// A part of the source that is not valid FTL, with where it starts.
public struct FTLJunk: Sendable, Equatable {
    public var line: Int
    public var content: String
    public var reason: String
}

extension FTLElement {
    /// The variables used in a pattern, for comparing translations.
    static func variables(in pattern: [FTLElement]) -> Set<String> {
        Set(
            pattern.compactMap {
                if case .variable(let name) = $0 { return name }
                return nil
            })
    }
}

/// Reads FTL source text.
public enum FTLParser {
    public static func parse(_ source: String) -> FTLResource {
        var resource = FTLResource()
        let normalized = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
            of: "\r", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty || line.hasPrefix("#") || line.allSatisfy({ $0 == " " }) {
                index += 1
                continue
            }
            let start = index
            // An entry is its first line plus every following line that is indented or blank
            // (blank lines belong to it only if an indented line follows).
            var end = index + 1
            var last = index
            while end < lines.count {
                let next = lines[end]
                if next.hasPrefix(" ") && !next.allSatisfy({ $0 == " " }) {
                    last = end
                } else if !(next.isEmpty || next.allSatisfy({ $0 == " " })) {
                    break
                }
                end += 1
            }
            index = last + 1
            let block = Array(lines[start...last])
            do {
                let message = try parseEntry(block, line: start + 1)
                resource.order.append(message.id)
                if message.id.hasPrefix("-") {
                    resource.terms[String(message.id.dropFirst())] = message
                } else {
                    resource.messages[message.id] = message
                }
            } catch {
                resource.junk.append(
                    FTLJunk(line: start + 1, content: block.joined(separator: "\n"), reason: error.reason))
            }
        }
        return resource
    }

    struct ParseError: Error {
        var reason: String
    }

    static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    static func parseEntry(_ block: [String], line: Int) throws(ParseError) -> FTLMessage {
        guard let equals = block[0].firstIndex(of: "=") else { throw ParseError(reason: "expected-equals") }
        let rawID = block[0][..<equals].trimmingCharacters(in: .whitespaces)
        let isTerm = rawID.hasPrefix("-")
        guard isIdentifier(isTerm ? rawID.dropFirst() : Substring(rawID)) else {
            throw ParseError(reason: "invalid-identifier")
        }
        // Split the block into the value lines and one group of lines per attribute.
        var groups: [(name: String?, lines: [String])] = [
            (nil, [String(block[0][block[0].index(after: equals)...])])
        ]
        for text in block.dropFirst() {
            let trimmed = text.drop(while: { $0 == " " })
            if trimmed.hasPrefix("."), let eq = trimmed.firstIndex(of: "=") {
                let name = trimmed.dropFirst()[..<eq].trimmingCharacters(in: .whitespaces)
                guard isIdentifier(Substring(name)) else { throw ParseError(reason: "invalid-attribute") }
                groups.append((name, [String(trimmed[trimmed.index(after: eq)...])]))
            } else {
                groups[groups.count - 1].lines.append(text)
            }
        }
        var value: [FTLElement]?
        var attributes: [String: [FTLElement]] = [:]
        for group in groups {
            let pattern = try parsePattern(group.lines)
            if let name = group.name {
                guard let pattern else { throw ParseError(reason: "empty-attribute") }
                attributes[name] = pattern
            } else {
                value = pattern
            }
        }
        if value == nil && attributes.isEmpty { throw ParseError(reason: "empty-message") }
        if isTerm && value == nil { throw ParseError(reason: "term-without-value") }
        return FTLMessage(id: rawID, value: value, attributes: attributes, line: line)
    }

    /// Joins the lines of a multiline pattern, removing the common indentation, then reads placeables.
    static func parsePattern(_ lines: [String]) throws(ParseError) -> [FTLElement]? {
        let first = lines[0].drop(while: { $0 == " " })
        var rest = Array(lines.dropFirst())
        while let last = rest.last, last.allSatisfy({ $0 == " " }) { rest.removeLast() }
        let indent =
            rest.filter { !$0.allSatisfy({ $0 == " " }) }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        var joined: [String] = []
        if !first.isEmpty { joined.append(String(first)) }
        for line in rest {
            joined.append(line.allSatisfy({ $0 == " " }) ? "" : String(line.dropFirst(indent)))
        }
        var text = joined.joined(separator: "\n")
        while text.hasSuffix(" ") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        return try parsePlaceables(text)
    }

    static func parsePlaceables(_ text: String) throws(ParseError) -> [FTLElement] {
        var elements: [FTLElement] = []
        var buffer = ""
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if char == "}" { throw ParseError(reason: "unbalanced-brace") }
            guard char == "{" else {
                buffer.append(char)
                index = text.index(after: index)
                continue
            }
            guard let close = text[index...].firstIndex(of: "}") else {
                throw ParseError(reason: "unclosed-placeable")
            }
            if !buffer.isEmpty {
                elements.append(.text(buffer))
                buffer = ""
            }
            let inner = text[text.index(after: index)..<close].trimmingCharacters(in: .whitespaces)
            elements.append(try parseExpression(inner))
            index = text.index(after: close)
        }
        if !buffer.isEmpty { elements.append(.text(buffer)) }
        return elements
    }

    static func parseExpression(_ inner: String) throws(ParseError) -> FTLElement {
        if inner.hasPrefix("\""), inner.hasSuffix("\""), inner.count >= 2 {
            let body = inner.dropFirst().dropLast()
            guard !body.contains("\"") else { throw ParseError(reason: "invalid-literal") }
            return .literal(body.replacingOccurrences(of: "\\u007B", with: "{"))
        }
        if inner.hasPrefix("$"), isIdentifier(inner.dropFirst()) {
            return .variable(String(inner.dropFirst()))
        }
        let isTerm = inner.hasPrefix("-")
        let name = isTerm ? inner.dropFirst() : Substring(inner)
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(isIdentifier) else {
            throw ParseError(reason: "unsupported-expression")
        }
        let attribute = parts.count == 2 ? String(parts[1]) : nil
        return isTerm
            ? .termReference(String(parts[0]), attribute: attribute)
            : .messageReference(String(parts[0]), attribute: attribute)
    }
}
