// swift-tools-version:6.0
// The language engine's benchmark, built in release mode on its own: `Sources/Localization`
// is a link to the project's target, so this measures exactly the code the server runs.
import PackageDescription

let package = Package(
    name: "I18nBenchmark",
    platforms: [.macOS(.v14)],
    targets: [
        .target(name: "Localization", swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "i18n-bench", dependencies: ["Localization"], swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
