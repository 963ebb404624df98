import Foundation
import Testing

@testable import Localization

/// The reference parser's fixtures (`projectfluent/fluent`, `test/fixtures/`), run as they are.
///
/// The directory is `FLUENT_CONFORMANCE_DIR`, by default `../shared/conformance/fluent-syntax`
/// beside the project. A missing directory fails the suite: it never passes vacuously.
@Suite("Fluent syntax conformance")
struct ConformanceTests {
    static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["FLUENT_CONFORMANCE_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return CatalogTests.root.deletingLastPathComponent()
            .appendingPathComponent("shared/conformance/fluent-syntax")
    }()

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".ftl") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test("the fixture directory holds all 39 fixtures")
    func fixturesPresent() {
        #expect(Self.fixtures.count == 39, "found \(Self.fixtures.count) fixtures in \(Self.directory.path)")
    }

    @Test("the parser reproduces the reference AST", arguments: fixtures)
    func fixture(_ name: String) throws {
        let source = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".ftl"))
        let expected = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".json"))
        let resource = FluentParser.parse(String(decoding: source, as: UTF8.self))
        let actual = Data(resource.referenceJSON().utf8)
        #expect(try Self.canonical(actual) == Self.canonical(expected), "\(name)")
    }

    /// JSON compared as values: keys sorted, whitespace normalised.
    static func canonical(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let normalised = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: normalised, as: UTF8.self)
    }
}
