import Testing

@testable import Domain

@Suite("Validating text fields")
struct ValidatorTests {
    func codes(_ value: String, multiline: Bool = false) -> [DomainError.Code] {
        var v = Validator()
        v.text(value, field: "f", max: 50, multiline: multiline)
        return v.errors.map(\.code)
    }

    @Test("a one-line field refuses line breaks and every other control character")
    func oneLine() {
        #expect(codes("Dora e Pajtimit") == [])
        #expect(codes("  Shkodër \n") == [], "surrounding white space is trimmed, not refused")
        for bad in ["Slow\r\nBcc: x@example.org", "a\nb", "a\tb", "a\u{0}b", "a\u{7F}b", "a\u{85}b", "a\u{2028}b"] {
            #expect(codes(bad) == [.controlCharacter], "\(bad.debugDescription)")
        }
    }

    @Test("a multi-line field keeps line breaks and tabs and refuses the other control characters")
    func multiLine() {
        #expect(codes("First line\r\nsecond\tline", multiline: true) == [])
        #expect(codes("a\u{0}b", multiline: true) == [.controlCharacter])
        #expect(codes("a\u{1B}[31mb", multiline: true) == [.controlCharacter])
    }

    @Test("a text too long is told so before anything else")
    func tooLong() {
        #expect(codes(String(repeating: "a\n", count: 40)) == [.tooLong])
    }
}
