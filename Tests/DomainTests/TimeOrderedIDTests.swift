import Domain
import Foundation
import Testing

@Suite("Time-ordered identifiers (UUID version 7)")
struct TimeOrderedIDTests {
    @Test("version 7, RFC 9562 variant, the time in milliseconds first, the rest random")
    func layout() {
        let date = Date(timeIntervalSince1970: 1_795_000_000.123_9)
        let id = UUID.timeOrdered(at: date)
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[8] >> 6 == 0b10)
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(milliseconds == 1_795_000_000_123)
        #expect(id.uuidString.hasPrefix(String(format: "%08llX-%04llX", milliseconds >> 16, milliseconds & 0xFFFF)))
        #expect(UUID.timeOrdered(at: date) != id)
    }

    @Test("later identifiers sort after earlier ones, as text (how SQLite keeps them) and as bytes")
    func ordering() {
        var previous = UUID.timeOrdered(at: Date(timeIntervalSince1970: 0))
        for step in 1...2000 {
            let next = UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_700_000_000 + Double(step) * 0.001))
            #expect(previous.uuidString < next.uuidString)
            #expect(
                withUnsafeBytes(of: previous.uuid) { Array($0) }.lexicographicallyPrecedes(
                    withUnsafeBytes(of: next.uuid) { Array($0) }))
            previous = next
        }
        let many = Set((0..<10_000).map { _ in UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_700_000_000)) })
        #expect(many.count == 10_000)
    }
}
