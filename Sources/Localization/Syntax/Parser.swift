/// Parses Fluent syntax 1.0.
///
/// The parser follows the reference grammar (`projectfluent/fluent`, `spec/fluent.ebnf`
/// and `syntax/grammar.mjs`) rule by rule, as a PEG: ordered choice, greedy repetition,
/// backtracking to the start of a rule when it fails. The validation steps of the
/// reference (`syntax/abstract.mjs`: function names, call arguments, valid selectors and
/// placeables, pattern dedentation) are applied where the reference applies them, so an
/// entry that breaks any of them becomes Junk exactly as it does there. An error never
/// hides the entries around it: Junk runs only to the next line that may start an entry.
public enum FluentParser {
    public static func parse(_ source: String) -> FluentResource {
        var state = ParserState(Array(source.utf8))
        return state.resource()
    }
}

private enum RawElement {
    case text(String)
    case indent(Int)
    case placeable(FluentExpression)
}

private enum Byte {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let star: UInt8 = 0x2A
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let greater: UInt8 = 0x3E
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    static func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) }
    static func isIdentifierTail(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == 0x5F || c == minus }
}

private struct ParserState {
    let s: [UInt8]
    let n: Int
    /// The cursor. `n` is the end of input; `n + 1` means the end-of-input marker was consumed.
    var p = 0
    /// The furthest position reached while trying the current entry, for Junk diagnostics.
    var furthest = 0
    /// Inline expressions are context-free: remembering them by position keeps nested
    /// placeables (tried as selector, then as expression) linear instead of exponential.
    var memo: [Int: (FluentExpression?, Int)] = [:]

    init(_ bytes: [UInt8]) {
        s = bytes
        n = bytes.count
    }

    // MARK: - Primitives

    @inline(__always) func at(_ c: UInt8) -> Bool { p < n && s[p] == c }

    @inline(__always) mutating func advance(_ count: Int = 1) {
        p += count
        if p > furthest { furthest = p }
    }

    @inline(__always) mutating func eat(_ c: UInt8) -> Bool {
        guard at(c) else { return false }
        advance()
        return true
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: s[from..<to], as: UTF8.self)
    }

    /// `line_end ::= "\r\n" | "\n" | EOF`; the value is "\n", or "" for the end of input.
    mutating func lineEnd() -> String? {
        if p < n {
            if s[p] == Byte.lf {
                advance()
                return "\n"
            }
            if s[p] == Byte.cr, p + 1 < n, s[p + 1] == Byte.lf {
                advance(2)
                return "\n"
            }
            return nil
        }
        if p == n {
            p += 1
            return ""
        }
        return nil
    }

    /// Whether a `line_end` starts at the cursor, without consuming it.
    func atLineEnd() -> Bool {
        if p == n { return true }
        guard p < n else { return false }
        return s[p] == Byte.lf || (s[p] == Byte.cr && p + 1 < n && s[p + 1] == Byte.lf)
    }

    mutating func blankInline() -> Int? {
        let start = p
        while at(Byte.space) { advance() }
        return p > start ? p - start : nil
    }

    /// `blank ::= (blank_inline | line_end)+`
    mutating func blank() -> Bool {
        var matched = false
        while true {
            if blankInline() != nil || lineEnd() != nil {
                matched = true
            } else {
                return matched
            }
        }
    }

    /// `blank_block ::= (blank_inline? line_end)+`, keeping only the line breaks.
    mutating func blankBlock() -> String? {
        var result: String?
        while true {
            let save = p
            _ = blankInline()
            guard let end = lineEnd() else {
                p = save
                return result
            }
            result = (result ?? "") + end
        }
    }

    mutating func identifier() -> String? {
        guard p < n, Byte.isLetter(s[p]) else { return nil }
        let start = p
        advance()
        while p < n, Byte.isIdentifierTail(s[p]) { advance() }
        return text(start, p)
    }

    func isTextChar() -> Bool {
        guard p < n else { return false }
        let c = s[p]
        if c == Byte.openBrace || c == Byte.closeBrace || c == Byte.lf { return false }
        if c == Byte.cr, p + 1 < n, s[p + 1] == Byte.lf { return false }
        return true
    }

    mutating func inlineText() -> String? {
        let start = p
        while isTextChar() { advance() }
        return p > start ? text(start, p) : nil
    }

    /// Skips one whole character (a UTF-8 sequence).
    mutating func advanceCharacter() {
        advance()
        while p < n, s[p] & 0xC0 == 0x80 { advance() }
    }

    // MARK: - Resource and entries

    mutating func resource() -> FluentResource {
        // The reference builds the list with blank blocks as separators, then joins adjacent
        // comments of one level and attaches a `#` comment to the entry right after it.
        enum Item {
            case entry(FluentEntry)
            case blank
        }
        var items: [Item] = []
        while true {
            let start = p
            furthest = p
            memo.removeAll(keepingCapacity: true)
            if let entry = entry() {
                items.append(.entry(entry))
                continue
            }
            let reach = furthest
            p = start
            if blankBlock() != nil {
                items.append(.blank)
                continue
            }
            if let junk = junk(reach: reach) {
                items.append(.entry(.junk(junk)))
                continue
            }
            break
        }

        var joined: [Item] = []
        for item in items {
            if case .entry(.comment(let current)) = item, case .entry(.comment(let previous))? = joined.last,
                previous.level == current.level
            {
                joined[joined.count - 1] = .entry(
                    .comment(FluentComment(level: current.level, content: previous.content + "\n" + current.content)))
            } else {
                joined.append(item)
            }
        }
        var body: [FluentEntry] = []
        var previousItem: Item?
        for item in joined {
            defer { previousItem = item }
            guard case .entry(let entry) = item else { continue }
            if case .entry(.comment(let comment))? = previousItem, comment.level == .comment {
                switch entry {
                case .message(var message):
                    message.comment = comment.content
                    body[body.count - 1] = .message(message)
                    continue
                case .term(var term):
                    term.comment = comment.content
                    body[body.count - 1] = .term(term)
                    continue
                default: break
                }
            }
            body.append(entry)
        }
        return FluentResource(body: body)
    }

    mutating func entry() -> FluentEntry? {
        let start = p
        if let message = message(), lineEnd() != nil { return .message(message) }
        p = start
        if let term = term(), lineEnd() != nil { return .term(term) }
        p = start
        if let comment = commentLine() { return .comment(comment) }
        p = start
        return nil
    }

    mutating func message() -> FluentMessage? {
        let start = p
        guard let id = identifier() else { return nil }
        _ = blankInline()
        guard eat(Byte.equals) else {
            p = start
            return nil
        }
        _ = blankInline()
        let value = pattern()
        var attributes: [FluentAttribute] = []
        while let attribute = attribute() { attributes.append(attribute) }
        if value == nil && attributes.isEmpty {
            p = start
            return nil
        }
        return FluentMessage(id: id, value: value, attributes: attributes, comment: nil, offset: start)
    }

    mutating func term() -> FluentMessage? {
        let start = p
        guard eat(Byte.minus), let id = identifier() else {
            p = start
            return nil
        }
        _ = blankInline()
        guard eat(Byte.equals) else {
            p = start
            return nil
        }
        _ = blankInline()
        guard let value = pattern() else {
            p = start
            return nil
        }
        var attributes: [FluentAttribute] = []
        while let attribute = attribute() { attributes.append(attribute) }
        return FluentMessage(id: id, value: value, attributes: attributes, comment: nil, offset: start)
    }

    mutating func commentLine() -> FluentComment? {
        let start = p
        var level = 0
        while level < 3, at(Byte.hash) {
            advance()
            level += 1
        }
        guard level > 0 else { return nil }
        var content = ""
        if at(Byte.space) {
            advance()
            // JavaScript's `.` stops at \n, \r, U+2028 and U+2029.
            let from = p
            while p < n {
                let c = s[p]
                if c == Byte.lf || c == Byte.cr { break }
                if c == 0xE2, p + 2 < n, s[p + 1] == 0x80, s[p + 2] == 0xA8 || s[p + 2] == 0xA9 { break }
                advance()
            }
            content = text(from, p)
        }
        guard lineEnd() != nil else {
            p = start
            return nil
        }
        return FluentComment(level: FluentComment.Level(rawValue: level)!, content: content)
    }

    /// `Junk ::= junk_line (junk_line - "#" - "-" - [a-zA-Z])*`
    mutating func junk(reach: Int) -> FluentJunk? {
        let start = p
        guard junkLine() else { return nil }
        while p <= n {
            if p < n, Byte.isLetter(s[p]) || s[p] == Byte.minus || s[p] == Byte.hash { break }
            guard junkLine() else { break }
        }
        let end = min(p, n)
        // Point at the furthest place the parser reached, but within this Junk: past its end
        // the fault is the line end that cut the entry short.
        let errorAt = min(max(reach, start), max(start, end - 1))
        let (line, column) = location(of: errorAt)
        let reason: String
        if errorAt >= n {
            reason = "unexpected-end"
        } else {
            var scalarEnd = errorAt + 1
            while scalarEnd < n, s[scalarEnd] & 0xC0 == 0x80 { scalarEnd += 1 }
            let found = text(errorAt, scalarEnd)
            reason = found == "\n" || found == "\r" ? "unexpected-line-end" : "unexpected-character"
        }
        return FluentJunk(content: text(start, end), offset: start, line: line, column: column, reason: reason)
    }

    mutating func junkLine() -> Bool {
        guard p <= n else { return false }
        while p < n, s[p] != Byte.lf { advance() }
        if p < n {
            advance()
        } else {
            p = n + 1
        }
        return true
    }

    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where s[index] == Byte.lf {
            line += 1
            lineStart = index + 1
        }
        let column = s[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return (line, column)
    }

    mutating func attribute() -> FluentAttribute? {
        let start = p
        guard lineEnd() != nil else { return nil }
        _ = blank()
        guard eat(Byte.dot), let id = identifier() else {
            p = start
            return nil
        }
        _ = blankInline()
        guard eat(Byte.equals) else {
            p = start
            return nil
        }
        _ = blankInline()
        guard let value = pattern() else {
            p = start
            return nil
        }
        return FluentAttribute(id: id, value: value)
    }

    // MARK: - Patterns

    mutating func pattern() -> FluentPattern? {
        var raw: [RawElement] = []
        while patternElement(into: &raw) {}
        guard !raw.isEmpty else { return nil }
        return Self.build(raw)
    }

    /// `PatternElement ::= inline_text | block_text | inline_placeable | block_placeable`
    mutating func patternElement(into raw: inout [RawElement]) -> Bool {
        if let text = inlineText() {
            raw.append(.text(text))
            return true
        }
        let start = p
        if let block = blankBlock(), let indent = blankInline(), isTextChar(),
            s[p] != Byte.dot, s[p] != Byte.star, s[p] != Byte.openBracket
        {
            let charStart = p
            advanceCharacter()
            raw.append(.text(block))
            raw.append(.indent(indent))
            raw.append(.text(text(charStart, p)))
            if let rest = inlineText() { raw.append(.text(rest)) }
            return true
        }
        p = start
        if let expression = inlinePlaceable() {
            raw.append(.placeable(expression))
            return true
        }
        p = start
        if let block = blankBlock() {
            let indent = blankInline() ?? 0
            if let expression = inlinePlaceable() {
                raw.append(.text(block))
                raw.append(.indent(indent))
                raw.append(.placeable(expression))
                return true
            }
        }
        p = start
        return false
    }

    /// Dedents by the smallest indent, joins adjacent text, trims the extremes, drops empty text.
    static func build(_ raw: [RawElement]) -> FluentPattern {
        var common = Int.max
        for case .indent(let width) in raw { common = min(common, width) }
        var elements: [FluentPatternElement] = []
        for element in raw {
            let piece: FluentPatternElement
            switch element {
            case .text(let text): piece = .text(text)
            case .indent(let width): piece = .text(String(repeating: " ", count: width - common))
            case .placeable(let expression): piece = .placeable(expression)
            }
            if case .text(let next) = piece, case .text(let previous)? = elements.last {
                elements[elements.count - 1] = .text(previous + next)
            } else {
                elements.append(piece)
            }
        }
        if case .text(let first)? = elements.first {
            elements[0] = .text(String(first.drop { $0 == "\n" }))
        }
        if case .text(let last)? = elements.last {
            var trimmed = Substring(last)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            elements[elements.count - 1] = .text(String(trimmed))
        }
        elements.removeAll { if case .text(let text) = $0 { text.isEmpty } else { false } }
        return FluentPattern(elements: elements)
    }

    // MARK: - Expressions

    /// `inline_placeable ::= "{" blank? (SelectExpression | InlineExpression) blank? "}"`
    mutating func inlinePlaceable() -> FluentExpression? {
        let start = p
        guard eat(Byte.openBrace) else { return nil }
        _ = blank()
        let afterBrace = p
        var expression = selectExpression()
        if expression == nil {
            p = afterBrace
            expression = inlineExpression()
        }
        guard let expression else {
            p = start
            return nil
        }
        _ = blank()
        guard eat(Byte.closeBrace) else {
            p = start
            return nil
        }
        // Term attributes are private: they may be selectors, never placeables.
        if case .termReference(_, let attribute, _) = expression, attribute != nil {
            p = start
            return nil
        }
        return expression
    }

    mutating func inlineExpression() -> FluentExpression? {
        let start = p
        if let (expression, end) = memo[start] {
            p = end
            if end > furthest { furthest = end }
            return expression
        }
        let expression = parseInlineExpression()
        if expression == nil { p = start }
        memo[start] = (expression, p)
        return expression
    }

    mutating func parseInlineExpression() -> FluentExpression? {
        let start = p
        if let literal = stringLiteral() { return literal }
        p = start
        if let literal = numberLiteral() { return literal }
        p = start
        if let function = functionReference() { return function }
        p = start
        if let id = identifier() {
            let save = p
            var attribute: String?
            if eat(Byte.dot), let name = identifier() { attribute = name } else { p = save }
            return .messageReference(id: id, attribute: attribute)
        }
        p = start
        if eat(Byte.minus), let id = identifier() {
            var save = p
            var attribute: String?
            if eat(Byte.dot), let name = identifier() { attribute = name } else { p = save }
            save = p
            let arguments = callArguments()
            if arguments == nil { p = save }
            return .termReference(id: id, attribute: attribute, arguments: arguments)
        }
        p = start
        if eat(Byte.dollar), let id = identifier() { return .variableReference(id) }
        p = start
        if let inner = inlinePlaceable() { return .placeable(inner) }
        p = start
        return nil
    }

    mutating func stringLiteral() -> FluentExpression? {
        let start = p
        guard eat(Byte.quote) else { return nil }
        var value = ""
        var plainStart = p
        while true {
            guard p < n, !atLineEnd() else {
                p = start
                return nil
            }
            let c = s[p]
            if c == Byte.quote { break }
            if c == Byte.backslash {
                value += text(plainStart, p)
                if p + 1 < n, s[p + 1] == Byte.backslash || s[p + 1] == Byte.quote {
                    value.unicodeScalars.append(Unicode.Scalar(s[p + 1]))
                    advance(2)
                } else if let scalar = unicodeEscape() {
                    value.unicodeScalars.append(scalar)
                } else {
                    p = start
                    return nil
                }
                plainStart = p
                continue
            }
            advance()
        }
        value += text(plainStart, p)
        let raw = text(start + 1, p)
        advance()
        return .stringLiteral(raw: raw, value: value)
    }

    /// `\uHHHH` or `\UHHHHHH`; a surrogate code point becomes U+FFFD, as in the reference.
    mutating func unicodeEscape() -> Unicode.Scalar? {
        guard p + 1 < n else { return nil }
        let digits: Int
        switch s[p + 1] {
        case 0x75: digits = 4
        case 0x55: digits = 6
        default: return nil
        }
        guard p + 2 + digits <= n else { return nil }
        var code: UInt32 = 0
        for index in (p + 2)..<(p + 2 + digits) {
            let c = s[index]
            guard Byte.isHex(c) else { return nil }
            code = code * 16 + UInt32(Byte.isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10)
        }
        advance(2 + digits)
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    mutating func numberLiteral() -> FluentExpression? {
        let start = p
        _ = eat(Byte.minus)
        let integerStart = p
        while p < n, Byte.isDigit(s[p]) { advance() }
        guard p > integerStart else {
            p = start
            return nil
        }
        var precision = 0
        if at(Byte.dot), p + 1 < n, Byte.isDigit(s[p + 1]) {
            advance()
            let fractionStart = p
            while p < n, Byte.isDigit(s[p]) { advance() }
            precision = p - fractionStart
        }
        let raw = text(start, p)
        return .numberLiteral(raw: raw, value: Double(raw) ?? 0, precision: precision)
    }

    mutating func functionReference() -> FluentExpression? {
        let start = p
        guard let id = identifier() else { return nil }
        guard let arguments = callArguments() else {
            p = start
            return nil
        }
        // Function names are upper-case ASCII: `^[A-Z][A-Z0-9_-]*$`.
        let valid = id.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || Byte.isDigit($0) || $0 == 0x5F || $0 == 0x2D }
        guard valid else {
            p = start
            return nil
        }
        return .functionReference(id: id, arguments: arguments)
    }

    /// `CallArguments ::= blank? "(" blank? argument_list blank? ")"`
    mutating func callArguments() -> FluentCallArguments? {
        let start = p
        _ = blank()
        guard eat(Byte.openParen) else {
            p = start
            return nil
        }
        _ = blank()
        var arguments: [Argument] = []
        while true {
            let save = p
            guard let argument = argument() else {
                p = save
                break
            }
            let afterArgument = p
            _ = blank()
            if eat(Byte.comma) {
                _ = blank()
                arguments.append(argument)
            } else {
                p = afterArgument
                arguments.append(argument)
                break
            }
        }
        _ = blank()
        guard eat(Byte.closeParen) else {
            p = start
            return nil
        }
        var positional: [FluentExpression] = []
        var named: [FluentNamedArgument] = []
        for argument in arguments {
            switch argument {
            case .named(let argument):
                guard !named.contains(where: { $0.name == argument.name }) else {
                    p = start
                    return nil
                }
                named.append(argument)
            case .positional(let expression):
                guard named.isEmpty else {
                    p = start
                    return nil
                }
                positional.append(expression)
            }
        }
        return FluentCallArguments(positional: positional, named: named)
    }

    enum Argument {
        case named(FluentNamedArgument)
        case positional(FluentExpression)
    }

    mutating func argument() -> Argument? {
        let start = p
        if let name = identifier() {
            _ = blank()
            if eat(Byte.colon) {
                _ = blank()
                let valueStart = p
                if let value = stringLiteral() { return .named(FluentNamedArgument(name: name, value: value)) }
                p = valueStart
                if let value = numberLiteral() { return .named(FluentNamedArgument(name: name, value: value)) }
            }
        }
        p = start
        if let expression = inlineExpression() { return .positional(expression) }
        p = start
        return nil
    }

    /// `SelectExpression ::= InlineExpression blank? "->" blank_inline? variant_list`
    mutating func selectExpression() -> FluentExpression? {
        let start = p
        guard let selector = inlineExpression() else { return nil }
        _ = blank()
        guard eat(Byte.minus), eat(Byte.greater) else {
            p = start
            return nil
        }
        _ = blankInline()
        var variants: [FluentVariant] = []
        while let variant = variant(isDefault: false) { variants.append(variant) }
        guard let defaultVariant = variant(isDefault: true) else {
            p = start
            return nil
        }
        variants.append(defaultVariant)
        while let variant = variant(isDefault: false) { variants.append(variant) }
        guard lineEnd() != nil else {
            p = start
            return nil
        }
        switch selector {
        case .stringLiteral, .numberLiteral, .variableReference, .functionReference: break
        case .termReference(_, let attribute, _) where attribute != nil: break
        default:
            p = start
            return nil
        }
        return .select(selector: selector, variants: variants)
    }

    mutating func variant(isDefault: Bool) -> FluentVariant? {
        let start = p
        guard lineEnd() != nil else { return nil }
        _ = blank()
        if isDefault {
            guard eat(Byte.star) else {
                p = start
                return nil
            }
        }
        guard let key = variantKey() else {
            p = start
            return nil
        }
        _ = blankInline()
        guard let value = pattern() else {
            p = start
            return nil
        }
        return FluentVariant(key: key, value: value, isDefault: isDefault)
    }

    mutating func variantKey() -> FluentVariant.Key? {
        let start = p
        guard eat(Byte.openBracket) else { return nil }
        _ = blank()
        var key: FluentVariant.Key?
        let keyStart = p
        if case .numberLiteral(let raw, let value, _)? = numberLiteral() {
            key = .number(raw: raw, value: value)
        } else {
            p = keyStart
            if let id = identifier() { key = .identifier(id) }
        }
        guard let key else {
            p = start
            return nil
        }
        _ = blank()
        guard eat(Byte.closeBracket) else {
            p = start
            return nil
        }
        return key
    }
}
