extension Sequence<UInt8> {
    /// Lower-case hexadecimal, two digits a byte (hashes as they are stored and compared).
    ///
    /// `String(format: "%02x")` per byte costs a formatted print each: on the door's path
    /// (a device token and a scan's fingerprint every request) that showed in profiles.
    var hexString: String {
        var digits: [UInt8] = []
        digits.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            digits.append(Self.hexDigit(byte >> 4))
            digits.append(Self.hexDigit(byte & 0x0f))
        }
        return String(decoding: digits, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
