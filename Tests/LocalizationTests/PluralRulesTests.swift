import Testing

@testable import Localization

/// The rules against the samples CLDR 46 lists with each rule (`@integer` / `@decimal`),
/// and the cases the issue names.
@Suite("CLDR plural rules")
struct PluralRulesTests {
    typealias Samples = [PluralCategory: [String]]

    static func expand(_ samples: String) -> [String] {
        samples.split(separator: ",").flatMap { part -> [String] in
            let item = part.trimmingCharacters(in: .whitespaces)
            guard item != "…", !item.isEmpty else { return [] }
            let bounds = item.split(separator: "~").map(String.init)
            guard bounds.count == 2 else { return [item] }
            if let low = Int(bounds[0]), let high = Int(bounds[1]) { return (low...high).map(String.init) }
            // Decimal ranges such as 0.0~1.5 step by the last digit.
            let digits = bounds[0].split(separator: ".").last?.count ?? 0
            let scale = Double(Int(pow10(digits)))
            guard let low = Double(bounds[0]), let high = Double(bounds[1]) else { return [item] }
            return stride(from: Int((low * scale).rounded()), through: Int((high * scale).rounded()), by: 1).map {
                String(format: "%.\(digits)f", Double($0) / scale)
            }
        }
    }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1) { acc, _ in acc * 10 } }

    static let cardinal: [String: [PluralCategory: String]] = [
        "it": [
            .one: "1",
            .many: "1000000, 1c6, 2c6, 3c6, 4c6, 5c6, 6c6",
            .other: "0, 2~16, 100, 1000, 10000, 100000, 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0",
        ],
        "sq": [
            .one: "1, 1.0, 1.00, 1.000, 1.0000",
            .other: "0, 2~16, 100, 1000, 10000, 100000, 1000000, 0.0~0.9, 1.1~1.6, 10.0, 100.0, 1000.0",
        ],
        "en": [
            .one: "1",
            .other: "0, 2~16, 100, 1000, 10000, 100000, 1000000, 0.0~1.5, 10.0, 100.0, 1000.0, 10000.0",
        ],
    ]

    static let ordinal: [String: [PluralCategory: String]] = [
        "it": [.many: "8, 11, 80, 800", .other: "0~7, 9, 10, 12~17, 100, 1000, 10000, 100000, 1000000"],
        "sq": [
            .one: "1", .many: "4, 24, 34, 44, 54, 64, 74, 84, 104, 1004",
            .other: "0, 2, 3, 5~17, 100, 1000, 10000, 100000, 1000000",
        ],
        "en": [
            .one: "1, 21, 31, 41, 51, 61, 71, 81, 101, 1001", .two: "2, 22, 32, 42, 52, 62, 72, 82, 102, 1002",
            .few: "3, 23, 33, 43, 53, 63, 73, 83, 103, 1003",
            .other: "0, 4~18, 100, 1000, 10000, 100000, 1000000",
        ],
    ]

    @Test("CLDR's samples", arguments: ["it", "sq", "en"])
    func samples(language: String) throws {
        for (table, ordinal) in [(Self.cardinal, false), (Self.ordinal, true)] {
            // A language without its table would check nothing: that is a failure, not a pass.
            let categories = try #require(
                table[language], "\(language): no \(ordinal ? "ordinal" : "cardinal") samples")
            #expect(!categories.isEmpty)
            for (category, list) in categories {
                // Compact forms (1c6) need an exponent we never format; they are listed for completeness.
                let samples = Self.expand(list).filter { !$0.contains("c") }
                #expect(!samples.isEmpty, "\(language) \(category): no samples")
                for sample in samples {
                    let operands = try #require(PluralOperands(literal: sample), "\(sample)")
                    #expect(
                        PluralRules.category(operands, language: language, ordinal: ordinal) == category,
                        "\(language) \(ordinal ? "ordinal" : "cardinal") \(sample)")
                }
            }
        }
    }

    @Test("the cases that matter: Italian many, Albanian ordinal many")
    func named() {
        #expect(PluralRules.category(PluralOperands(1_000_000), language: "it") == .many)
        #expect(PluralRules.category(PluralOperands(1_500_000), language: "it") == .other)
        #expect(PluralRules.category(PluralOperands(2_000_000), language: "it") == .many)
        #expect(PluralRules.category(PluralOperands(literal: "1000000.0")!, language: "it") == .other)
        for n in [4, 24, 104] {
            #expect(PluralRules.category(PluralOperands(n), language: "sq", ordinal: true) == .many)
        }
        for n in [14, 114] { #expect(PluralRules.category(PluralOperands(n), language: "sq", ordinal: true) == .other) }
        #expect(PluralRules.category(PluralOperands(literal: "1.50")!, language: "en") == .other)
        #expect(PluralRules.category(PluralOperands(literal: "1")!, language: "en") == .one)
        #expect(PluralRules.category(PluralOperands(literal: "1.0")!, language: "en") == .other)
        #expect(PluralRules.category(PluralOperands(literal: "1.0")!, language: "sq") == .one)
    }

    @Test("operands of a literal: n, i, v, w, f, t")
    func operands() throws {
        let o = try #require(PluralOperands(literal: "-12.3400"))
        #expect(o.n == 12.34 && o.i == 12 && o.v == 4 && o.w == 2 && o.f == 3400 && o.t == 34)
        #expect(PluralOperands(literal: "1.") == nil && PluralOperands(literal: "abc") == nil)
        #expect(PluralOperands(1.5, minimumFractionDigits: 2) == PluralOperands(literal: "1.50"))
        #expect(PluralOperands(1.0) == PluralOperands(literal: "1"))
    }

    @Test("every integer 0…1,000,000 follows the rule text, restated independently")
    func everyInteger() {
        for n in 0...1_000_000 {
            let o = PluralOperands(n)
            let it: PluralCategory = n == 1 ? .one : (n != 0 && n % 1_000_000 == 0 ? .many : .other)
            let sqOrdinal: PluralCategory = n == 1 ? .one : (n % 10 == 4 && n % 100 != 14 ? .many : .other)
            let enOrdinal: PluralCategory =
                switch (n % 10, n % 100) {
                case (1, let h) where h != 11: .one
                case (2, let h) where h != 12: .two
                case (3, let h) where h != 13: .few
                default: .other
                }
            guard PluralRules.category(o, language: "it") == it,
                PluralRules.category(o, language: "it", ordinal: true)
                    == ([8, 11, 80, 800].contains(n) ? .many : .other),
                PluralRules.category(o, language: "sq") == (n == 1 ? .one : .other),
                PluralRules.category(o, language: "sq", ordinal: true) == sqOrdinal,
                PluralRules.category(o, language: "en") == (n == 1 ? .one : .other),
                PluralRules.category(o, language: "en", ordinal: true) == enOrdinal
            else {
                Issue.record("wrong category for \(n)")
                return
            }
        }
    }
}
