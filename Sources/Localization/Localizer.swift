import Foundation

/// What had to be patched or fallen back on while formatting; the text still comes back.
public enum LocalizationIssue: Sendable, Hashable {
    case missingMessage(String)
    case fellBack(key: String, from: String, to: String)
    case error(FluentError)
}

/// A problem found in a catalog file while loading it: Junk (with where the parser stopped)
/// or an id defined twice. The server logs these and serves what it could read.
public struct CatalogDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case syntax, duplicate }
    public var kind: Kind
    public var file: String
    public var line: Int
    public var column: Int
    /// The parser's reason code (`unexpected-character`, …) or the duplicated id.
    public var detail: String

    public var description: String { "\(file):\(line):\(column): \(kind.rawValue) \(detail)" }
}

/// One `.ftl` file as loaded: where it came from, its text and its syntax tree.
public struct CatalogFile: Sendable {
    public var path: String
    public var source: String
    public var resource: FluentResource

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in source.utf8.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// All catalogs of the platform and the rules for falling back between them.
///
/// `t(key, args, in:)` is the one way the product turns a message id into text.
public struct Localizer: Sendable {
    /// The languages people can choose; `en-XA` is the pseudo-locale for testing.
    public static let pseudoLanguage = "en-XA"
    /// Region-qualified locales, so that CLDR picks each country's conventions.
    public static let locales = ["it": "it_IT", "sq": "sq_AL", "en": "en_GB", pseudoLanguage: "en_GB"]

    /// What a localizer holds, behind one reference: copying a localizer (out of the
    /// application's services, into a closure) costs one retain, not one per table.
    final class Storage: Sendable {
        let languages: [String]
        let defaultLanguage: String
        let bundles: [String: FluentBundle]
        /// The same bundles in a short list: a lookup compares a few language codes, packed
        /// into integers, instead of hashing.
        let list: [(code: UInt64, language: String, bundle: FluentBundle)]
        let files: [String: [CatalogFile]]
        let diagnostics: [CatalogDiagnostic]
        let fallbacks: [String: [String]]

        init(
            languages: [String], defaultLanguage: String, bundles: [String: FluentBundle],
            files: [String: [CatalogFile]], diagnostics: [CatalogDiagnostic], fallbacks: [String: [String]]
        ) {
            self.languages = languages
            self.defaultLanguage = defaultLanguage
            self.bundles = bundles
            self.list = bundles.sorted { $0.key < $1.key }.map { (Self.code($0.key), $0.key, $0.value) }
            self.files = files
            self.diagnostics = diagnostics
            self.fallbacks = fallbacks
        }

        func with(
            bundles: [String: FluentBundle]? = nil, files: [String: [CatalogFile]]? = nil,
            diagnostics: [CatalogDiagnostic]? = nil, fallbacks: [String: [String]]? = nil
        ) -> Storage {
            Storage(
                languages: languages, defaultLanguage: defaultLanguage, bundles: bundles ?? self.bundles,
                files: files ?? self.files, diagnostics: diagnostics ?? self.diagnostics,
                fallbacks: fallbacks ?? self.fallbacks)
        }

        func bundle(_ language: String) -> FluentBundle? {
            let code = Self.code(language)
            for entry in list where entry.code == code && entry.language == language { return entry.bundle }
            return nil
        }

        /// The first eight bytes of a language code in one integer (codes are shorter: `en-XA`).
        static func code(_ language: String) -> UInt64 {
            func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
                var code: UInt64 = 0
                for index in 0..<min(bytes.count, 8) { code = code << 8 | UInt64(bytes[index]) }
                return code
            }
            if let code = language.utf8.withContiguousStorageIfAvailable(pack) { return code }
            var language = language
            return language.withUTF8(pack)
        }
    }

    private var storage: Storage

    public var languages: [String] { storage.languages }
    public var defaultLanguage: String { storage.defaultLanguage }
    public var bundles: [String: FluentBundle] { storage.bundles }
    /// The parsed files of each language, in load order (for lint and stats).
    public private(set) var files: [String: [CatalogFile]] {
        get { storage.files }
        set { storage = storage.with(files: newValue) }
    }
    public private(set) var diagnostics: [CatalogDiagnostic] {
        get { storage.diagnostics }
        set { storage = storage.with(diagnostics: newValue) }
    }
    /// For each language, the languages to try, in order, when a message is missing.
    public var fallbacks: [String: [String]] {
        get { storage.fallbacks }
        set { storage = storage.with(fallbacks: newValue) }
    }

    public static let defaultFallbacks = ["sq": ["it", "en"], "it": ["en"], "en": ["it"], pseudoLanguage: ["en"]]

    public init(bundles: [String: FluentBundle], defaultLanguage: String = "it", fallbacks: [String: [String]]? = nil) {
        storage = Storage(
            languages: ["it", "sq", "en", Self.pseudoLanguage].filter { bundles[$0] != nil },
            defaultLanguage: defaultLanguage, bundles: bundles, files: [:], diagnostics: [],
            fallbacks: fallbacks ?? Self.defaultFallbacks)
    }

    /// A localizer over resources given as FTL source text, one per language (tests, `i18n format --file`).
    public init(sources: [String: String], defaultLanguage: String = "it", fallbacks: [String: [String]]? = nil) {
        var bundles: [String: FluentBundle] = [:]
        for (language, source) in sources {
            var bundle = FluentBundle(language: language, locale: Self.locale(for: language))
            bundle.add(FluentParser.parse(source))
            bundles[language] = bundle
        }
        self.init(bundles: bundles, defaultLanguage: defaultLanguage, fallbacks: fallbacks)
    }

    public static func locale(for language: String) -> Locale {
        Locale(identifier: locales[language] ?? language)
    }

    /// Reads every `*.ftl` file under `directory/<language>/`. A broken file never stops the
    /// load: its Junk is reported in `diagnostics` and every entry around it is served.
    /// With `pseudo`, `en-XA` is derived from the English catalogs.
    public static func load(
        from directory: URL, languages: [String] = ["it", "sq", "en"], pseudo: Bool = true,
        fallbacks: [String: [String]]? = nil
    ) throws -> Localizer {
        var bundles: [String: FluentBundle] = [:]
        var files: [String: [CatalogFile]] = [:]
        var diagnostics: [CatalogDiagnostic] = []
        for language in languages {
            let folder = directory.appendingPathComponent(language)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".ftl") }.sorted()
            var bundle = FluentBundle(language: language, locale: locale(for: language))
            for name in names {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                let source = String(decoding: data, as: UTF8.self)
                let resource = FluentParser.parse(source)
                let path = "\(language)/\(name)"
                for junk in resource.junk {
                    diagnostics.append(
                        CatalogDiagnostic(
                            kind: .syntax, file: path, line: junk.line, column: junk.column, detail: junk.reason))
                }
                let file = CatalogFile(path: path, source: source, resource: resource)
                let duplicates = Set(bundle.add(resource))
                for entry in resource.body {
                    guard case .message(let message) = entry, duplicates.contains(message.id) else { continue }
                    let (line, column) = file.location(of: message.offset)
                    diagnostics.append(
                        CatalogDiagnostic(kind: .duplicate, file: path, line: line, column: column, detail: message.id))
                }
                files[language, default: []].append(file)
            }
            bundles[language] = bundle
        }
        if pseudo, let english = files["en"] {
            var bundle = FluentBundle(language: pseudoLanguage, locale: locale(for: pseudoLanguage))
            bundle.bracketMessages = true
            // Placeable values are isolated (FSI…PDI), so a checker can tell data from catalog text.
            bundle.useIsolating = true
            for file in english { bundle.add(Pseudo.transform(file.resource)) }
            bundles[pseudoLanguage] = bundle
        }
        var localizer = Localizer(bundles: bundles, fallbacks: fallbacks)
        localizer.files = files
        localizer.diagnostics = diagnostics
        return localizer
    }

    /// Turns Unicode bidi isolation of placeables on or off for one language (off by default:
    /// it, sq and en are all written left to right).
    public mutating func setIsolating(_ isolating: Bool, for language: String) {
        var bundles = storage.bundles
        bundles[language]?.useIsolating = isolating
        storage = storage.with(bundles: bundles)
    }

    /// The text of a message (or of `message.attribute`) in `language`, falling back along the chain.
    public func t(_ key: String, _ args: [String: FTLValue] = [:], in language: String) -> String {
        format(key, args.isEmpty ? FluentArguments() : FluentArguments(args), in: language).text
    }

    /// `t` with arguments that need no dictionary (the hot path).
    public func t(_ key: String, _ args: FluentArguments, in language: String) -> String {
        format(key, args, in: language).text
    }

    /// Like `t`, also reporting what had to be patched or fallen back on.
    public func format(_ key: String, _ args: [String: FTLValue] = [:], in language: String)
        -> (text: String, issues: [LocalizationIssue])
    {
        format(key, args.isEmpty ? FluentArguments() : FluentArguments(args), in: language)
    }

    /// `format` with arguments that need no dictionary (the hot path).
    public func format(_ key: String, _ args: FluentArguments, in language: String)
        -> (text: String, issues: [LocalizationIssue])
    {
        if let result = storage.bundle(language)?.format(key: key, args: args) {
            return (result.text, result.errors.isEmpty ? [] : result.errors.map(LocalizationIssue.error))
        }
        for candidate in storage.fallbacks[language] ?? [] {
            guard let result = storage.bundle(candidate)?.format(key: key, args: args) else { continue }
            return (
                result.text,
                [.fellBack(key: key, from: language, to: candidate)] + result.errors.map(LocalizationIssue.error)
            )
        }
        return ("{\(key)}", [.missingMessage(key)])
    }

    /// Whether `language` has its own text for the key, without falling back.
    public func has(_ key: String, in language: String) -> Bool {
        storage.bundle(language)?.pattern(key: key) != nil
    }
}
