import TestSupport
import Testing

@testable import Domain

@Suite("Voucher codes")
struct VoucherCodeTests {
    static let alphabet = VoucherCode.alphabet

    @Test("a new code: 20 characters of the alphabet in five groups, at least 80 random bits")
    func shape() throws {
        let code = VoucherCode.generate()
        #expect(code.canonical.count == 20)
        #expect(code.canonical.allSatisfy { Self.alphabet.contains($0) })
        #expect(code.grouped.split(separator: "-").map(\.count) == [4, 4, 4, 4, 4])
        #expect(VoucherCode.randomBits >= 80)
        #expect(try VoucherCode(reading: code.grouped) == code)
        #expect(code.redacted == "…" + code.canonical.suffix(4))
        #expect("\(code)" == code.redacted, "interpolating a code in a log line shows only its end")
    }

    @Test("codes are not repeated (10,000 drawn)")
    func unique() {
        let codes = Set((0..<10_000).map { _ in VoucherCode.generate().canonical })
        #expect(codes.count == 10_000)
    }

    @Test("reading forgives case, O for 0, I and L for 1, spaces, dashes and a whole URL")
    func forgivingReading() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let code = VoucherCode.generate(using: &generator)
            let sloppy = String(
                code.grouped.lowercased().map {
                    $0 == "0" ? "o" : $0 == "1" ? (Bool.random(using: &generator) ? "I" : "l") : $0
                })
            #expect(try VoucherCode(reading: sloppy) == code)
            #expect(try VoucherCode(reading: "  " + code.grouped.replacingDashes(with: " ") + "\n") == code)
            #expect(try VoucherCode(reading: "https://mentore.test/v/" + code.canonical) == code)
        }
    }

    @Test("every single wrong character and every swap of neighbours is caught by the check")
    func everyTypoIsCaught() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let code = Array(VoucherCode.generate(using: &generator).canonical)
            for position in code.indices {
                for replacement in Self.alphabet where replacement != code[position] {
                    var typo = code
                    typo[position] = replacement
                    #expect(throws: VoucherCode.ReadError.checkFailed) { try VoucherCode(reading: String(typo)) }
                }
                if position + 1 < code.count, code[position] != code[position + 1] {
                    var swapped = code
                    swapped.swapAt(position, position + 1)
                    #expect(throws: VoucherCode.ReadError.checkFailed) { try VoucherCode(reading: String(swapped)) }
                }
            }
        }
    }

    @Test(
        "what is not a code at all is told apart from a typo",
        arguments: ["", "7KQ3", "7KQ3-M9TX-4ABC-DEFG-HJKMX", "7KQ3-M9TX-4ABC-DEFG-HJK!", "UUUU-UUUU-UUUU-UUUU-UUUU"])
    func malformed(input: String) {
        #expect(throws: VoucherCode.ReadError.malformed) { try VoucherCode(reading: input) }
    }
}

extension String {
    fileprivate func replacingDashes(with separator: Character) -> String {
        String(map { $0 == "-" ? separator : $0 })
    }
}
