/// A voucher's bearer code: 95 random bits in Crockford base32 and one check character,
/// written in five groups of four (`7KQ3-M9TX-4ABC-DEFG-HJKM`).
///
/// The check character is Crockford's mod-37 check symbol. Because 37 is prime and larger
/// than 32, any single wrong character and any swap of two neighbouring characters changes
/// the value mod 37, so the check fails. Codes are only issued when the check value is below
/// 32, so the check character is always an ordinary base32 character (no `*~$=U` to type).
///
/// Reading is forgiving: case does not matter, `O` is read as `0`, `I` and `L` as `1`, and
/// dashes and spaces are ignored; a whole voucher URL (`…/v/CODE`) is accepted too.
public struct VoucherCode: Sendable, Hashable, CustomStringConvertible {
    /// Crockford's alphabet: digits and letters without I, L, O and U.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let dataLength = 19
    public static let length = dataLength + 1
    public static let randomBits = dataLength * 5

    /// The 20 characters, upper case, no separators.
    public let canonical: String

    /// Why a typed code cannot be a voucher code.
    public enum ReadError: Error, Sendable, Equatable {
        /// Wrong length or characters outside the alphabet: not a voucher code at all.
        case malformed
        /// The right shape, but the check character does not match: a typo.
        case checkFailed
    }

    /// A new random code (the system's cryptographically secure generator by default).
    public static func generate() -> VoucherCode {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> VoucherCode {
        while true {
            let digits = (0..<dataLength).map { _ in Int.random(in: 0..<32, using: &generator) }
            let check = checkValue(digits)
            guard check < 32 else { continue }
            return VoucherCode(canonical: String((digits + [check]).map { alphabet[$0] }))
        }
    }

    /// Reads what a person typed or scanned.
    public init(reading input: String) throws(ReadError) {
        var text = Substring(input.trimmingCharactersInWhitespace())
        if let slash = text.lastIndex(of: "/") { text = text[text.index(after: slash)...] }
        var values: [Int] = []
        values.reserveCapacity(Self.length)
        for character in text {
            if character == "-" || character == " " { continue }
            guard let value = Self.value(of: character) else { throw .malformed }
            values.append(value)
        }
        guard values.count == Self.length else { throw .malformed }
        let digits = Array(values.prefix(Self.dataLength))
        guard Self.checkValue(digits) == values[Self.dataLength] else { throw .checkFailed }
        canonical = String(values.map { Self.alphabet[$0] })
    }

    private init(canonical: String) { self.canonical = canonical }

    /// Groups of four, as printed on vouchers.
    public var grouped: String {
        var out = ""
        for (index, character) in canonical.enumerated() {
            if index > 0 && index % 4 == 0 { out.append("-") }
            out.append(character)
        }
        return out
    }

    /// What logs may show: the last four characters only (codes are bearer secrets).
    public var redacted: String { "…" + canonical.suffix(4) }

    public var description: String { redacted }

    /// The last four characters of a stored code, for lists and logs.
    public static func redacted(_ canonical: String) -> String { "…" + canonical.suffix(4) }

    /// Mod-37 value of the data digits read as one base-32 number.
    static func checkValue(_ digits: [Int]) -> Int {
        digits.reduce(0) { ($0 * 32 + $1) % 37 }
    }

    static func value(of character: Character) -> Int? {
        switch character.uppercased() {
        case "O": return 0
        case "I", "L": return 1
        case let upper:
            guard let scalar = upper.unicodeScalars.first, upper.unicodeScalars.count == 1 else { return nil }
            return alphabet.firstIndex(of: Character(scalar))
        }
    }
}

extension String {
    fileprivate func trimmingCharactersInWhitespace() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
