import Foundation
import Testing

@testable import Localization

/// The compiled form (`CompiledPattern`) must say exactly what the resolver says.
@Suite("Compiled patterns")
struct CompiledPatternTests {
    @Test("every message of the catalogs formats through its compiled form as through the resolver")
    func sameAsResolver() throws {
        let localizer = CatalogTests.localizer
        let samples: [FTLValue] = [
            .integer(0), .integer(1), .integer(2), .integer(5), .integer(1234), .integer(1_000_000),
            .number(FluentNumber(1.5)), .string("testo"),
        ]
        var compared = 0
        for language in ["it", "sq", "en"] {
            let bundle = try #require(localizer.bundles[language])
            for message in bundle.messages.values {
                guard let pattern = message.value else { continue }
                let names = CatalogLint.variables(of: message).sorted()
                for sample in samples {
                    var args = FluentArguments()
                    for name in names { args[name] = sample }
                    let compiled = try #require(bundle.format(key: message.id, args: args))
                    let resolved = bundle.format(pattern, args: args, key: message.id)
                    #expect(compiled.text == resolved.text, "\(language) \(message.id)")
                    #expect(compiled.errors == resolved.errors, "\(language) \(message.id)")
                    compared += 1
                }
            }
        }
        #expect(compared > 10_000)
    }

    @Test("a missing variable goes to the resolver and gets its fallback and error")
    func missingVariable() {
        let localizer = Localizer(sources: ["it": "a = Trovati { $count } problemi\n"])
        let result = localizer.format("a", FluentArguments(), in: "it")
        #expect(result.text == "Trovati {$count} problemi")
        #expect(result.issues == [.error(.unknownVariable("count"))])
    }

    @Test("arguments without a dictionary keep the last value of a name and find every name")
    func arguments() {
        var args = FluentArguments("a", .integer(1), "b", .string("x"))
        args["c"] = .integer(3)
        args["a"] = .integer(2)
        #expect(args["a"] == .integer(2))
        #expect(args["b"] == .string("x"))
        #expect(args["c"] == .integer(3))
        #expect(args["d"] == nil)
        args["b"] = nil
        #expect(args["b"] == nil && args["c"] == .integer(3))
    }
}
