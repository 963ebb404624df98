import Foundation

/// A pattern compiled once, when its resource is added, into a flat form that formats without
/// walking the syntax tree: text, variables, and selectors on a variable whose variants are
/// made of the same (nearly every message of the catalogs).
///
/// Anything else (message and term references, functions, literals) leaves `parts` nil, and a
/// call that would need a fallback (a variable not passed) returns nil: both go through
/// `Resolver`, which gives the reference implementations' fallbacks and errors.
final class CompiledPattern: Sendable {
    enum Part: Sendable {
        case text(String)
        case variable(String)
        case select(variable: String, variants: [Variant], defaultIndex: Int)
    }

    struct Variant: Sendable {
        enum Key: Sendable {
            case number(Double)
            /// A name, and the CLDR plural category it names, if it names one.
            case identifier(String, PluralCategory?)
        }
        let key: Key
        let parts: [Part]
    }

    let pattern: FluentPattern
    let parts: [Part]?

    init(_ pattern: FluentPattern) {
        self.pattern = pattern
        var placeables = 0
        let parts = Self.compile(pattern, placeables: &placeables)
        // The resolver cuts off what expands too many placeables; leave such a pattern to it.
        self.parts = placeables <= FluentBundle.maximumPlaceables ? parts : nil
    }

    private static func compile(_ pattern: FluentPattern, placeables: inout Int) -> [Part]? {
        var parts: [Part] = []
        parts.reserveCapacity(pattern.elements.count)
        for element in pattern.elements {
            switch element {
            case .text(let text):
                parts.append(.text(text))
            case .placeable(let expression):
                placeables += 1
                guard let part = compile(expression, placeables: &placeables) else { return nil }
                parts.append(part)
            }
        }
        return parts
    }

    private static func compile(_ expression: FluentExpression, placeables: inout Int) -> Part? {
        switch expression {
        case .variableReference(let name):
            return .variable(name)
        case .placeable(let inner):
            return compile(inner, placeables: &placeables)
        case .select(.variableReference(let name), let variants) where !variants.isEmpty:
            var compiled: [Variant] = []
            compiled.reserveCapacity(variants.count)
            for variant in variants {
                guard let parts = compile(variant.value, placeables: &placeables) else { return nil }
                let key: Variant.Key =
                    switch variant.key {
                    case .number(_, let value): .number(value)
                    case .identifier(let name): .identifier(name, PluralCategory(rawValue: name))
                    }
                compiled.append(Variant(key: key, parts: parts))
            }
            let defaultIndex = variants.firstIndex(where: \.isDefault) ?? variants.count - 1
            return .select(variable: name, variants: compiled, defaultIndex: defaultIndex)
        default:
            return nil
        }
    }

    /// The text with these arguments, or nil when the resolver must do it.
    func format(_ args: FluentArguments, _ tables: FluentBundle.Tables) -> String? {
        guard let parts else { return nil }
        return Self.format(parts, args, tables)
    }

    private static func format(
        _ parts: [Part], _ args: FluentArguments, _ tables: FluentBundle.Tables
    ) -> String? {
        // A pattern of one part is that part's text: no buffer, often no copy.
        if parts.count == 1 { return string(parts[0], args, tables) }
        // Two or three pieces (most patterns): in locals, then into one string of the exact size.
        if parts.count <= 3 {
            guard let first = string(parts[0], args, tables), let second = string(parts[1], args, tables) else {
                return nil
            }
            guard parts.count == 3 else { return join(first, second, "") }
            guard let third = string(parts[2], args, tables) else { return nil }
            return join(first, second, third)
        }
        // More: the pieces on the stack, then the same.
        return withUnsafeTemporaryAllocation(of: String.self, capacity: parts.count) { pieces -> String? in
            var count = 0
            var length = 0
            defer { pieces.baseAddress!.deinitialize(count: count) }
            for part in parts {
                guard let text = string(part, args, tables) else { return nil }
                length += text.utf8.count
                (pieces.baseAddress! + count).initialize(to: text)
                count += 1
            }
            return String(unsafeUninitializedCapacity: length) { buffer in
                var offset = 0
                for index in 0..<count { offset = copy(pieces[index], into: buffer, at: offset) }
                return offset
            }
        }
    }

    private static func join(_ first: String, _ second: String, _ third: String) -> String {
        String(unsafeUninitializedCapacity: first.utf8.count + second.utf8.count + third.utf8.count) { buffer in
            var offset = copy(first, into: buffer, at: 0)
            offset = copy(second, into: buffer, at: offset)
            return copy(third, into: buffer, at: offset)
        }
    }

    /// Copies the bytes of `piece` at `offset`; returns the offset after them.
    private static func copy(_ piece: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            if let source = bytes.baseAddress {
                (buffer.baseAddress! + offset).update(from: source, count: bytes.count)
            }
            return offset + bytes.count
        }
        if let end = piece.utf8.withContiguousStorageIfAvailable(write) { return end }
        var piece = piece
        return piece.withUTF8(write)
    }

    private static func string(
        _ part: Part, _ args: FluentArguments, _ tables: FluentBundle.Tables,
    ) -> String? {
        switch part {
        case .text(let text):
            return text
        case .variable(let name):
            return args.withValue(name) { value in text(value, tables) }
        case .select(let name, let variants, let defaultIndex):
            guard let chosen = args.withValue(name, { value in select(value, variants, defaultIndex, tables) }) else {
                return nil
            }
            return format(variants[chosen].parts, args, tables)
        }
    }

    private static func text(_ value: FTLValue, _ tables: FluentBundle.Tables) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): NumberFormatting.format(number, locale: tables.locale, grouping: tables.grouping)
        case .date(let date): NumberFormatting.format(date, locale: tables.locale)
        }
    }

    /// As `Resolver.select`: the first variant whose key matches (a number by value, a string
    /// by equality, a number against its CLDR plural category), else the default variant.
    private static func select(
        _ value: FTLValue, _ variants: [Variant], _ defaultIndex: Int, _ tables: FluentBundle.Tables
    ) -> Int {
        switch value {
        case .number(let number):
            var category: PluralCategory?
            for index in variants.indices {
                switch variants[index].key {
                case .number(let key):
                    if key == number.value { return index }
                case .identifier(_, let named):
                    guard let named else { continue }
                    if category == nil {
                        category = PluralRules.category(
                            number.pluralOperands, rules: tables.pluralRules, ordinal: number.options.type == .ordinal)
                    }
                    if named == category { return index }
                }
            }
        case .string(let text):
            for index in variants.indices {
                if case .identifier(let key, _) = variants[index].key, key == text { return index }
            }
        case .date:
            break
        }
        return defaultIndex
    }
}

/// The compiled patterns of a bundle by key, in an open-addressing table: a lookup hashes the
/// key's bytes once (FNV-1a, no `Hasher` seeding) and compares bytes (no Unicode comparison).
struct PatternTable: Sendable {
    /// Every key's UTF-8 bytes, one after the other; a slot holds its key's offset and length.
    private let bytes: [UInt8]
    private let slots: [(offset: Int, length: Int)]
    private let values: [CompiledPattern?]
    private let mask: Int

    init(_ patterns: [String: CompiledPattern]) {
        var size = 16
        while size < patterns.count * 2 { size *= 2 }
        var bytes: [UInt8] = []
        var slots = [(offset: Int, length: Int)](repeating: (0, 0), count: size)
        var values = [CompiledPattern?](repeating: nil, count: size)
        for (key, value) in patterns {
            var key = key
            key.withUTF8 { key in
                var index = Self.hash(key) & (size - 1)
                while values[index] != nil { index = (index + 1) & (size - 1) }
                slots[index] = (bytes.count, key.count)
                bytes.append(contentsOf: key)
                values[index] = value
            }
        }
        self.bytes = bytes
        self.slots = slots
        self.values = values
        self.mask = size - 1
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    subscript(key: String) -> CompiledPattern? {
        if let found = key.utf8.withContiguousStorageIfAvailable({ find($0) }) { return found }
        var key = key
        return key.withUTF8 { find($0) }
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>) -> CompiledPattern? {
        var index = Self.hash(key) & mask
        while let value = values[index] {
            let slot = slots[index]
            if slot.length == key.count,
                bytes.withUnsafeBufferPointer({
                    memcmp($0.baseAddress! + slot.offset, key.baseAddress!, key.count) == 0
                })
            {
                return value
            }
            index = (index + 1) & mask
        }
        return nil
    }
}
