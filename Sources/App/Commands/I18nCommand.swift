import Foundation
import Localization
import Vapor

/// Ends a command with a given exit status, after it has said what it had to say
/// (logged at trace level only: the command's own output is the message).
public struct CommandExit: DebuggableError {
    public var status: Int32
    public var identifier: String { "exit-\(status)" }
    public var reason: String { "exit status \(status)" }
    public var logLevel: Logger.Level { .trace }

    public init(status: Int32) { self.status = status }
}

/// The language of command-line output: `MENTORE_LANG`, else the POSIX locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), else English.
public enum CommandLanguage {
    public static func detect(
        _ localizer: Localizer, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> String
    {
        let negotiator = LanguageNegotiator(supported: localizer.languages, defaultLanguage: "en")
        for name in ["MENTORE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let tag = String(value.prefix { $0 != "." && $0 != "@" })
            if tag == "C" || tag == "POSIX" { return "en" }
            return negotiator.lookup(tag) ?? "en"
        }
        return "en"
    }
}

/// `mentore i18n lint|stats|parse|format|plural`: the language engine's tools.
struct I18nCommand: AnyAsyncCommand {
    var help: String { "Catalog tools: i18n lint | stats | parse FILE… | format … | plural …" }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        let localizer = app.mentore.localizer
        let language = CommandLanguage.detect(localizer)
        let out = Output(console: context.console, localizer: localizer, language: language)
        var arguments = context.input.arguments
        guard !arguments.isEmpty else { throw out.usage("cli-i18n-usage") }
        let subcommand = arguments.removeFirst()
        switch subcommand {
        case "lint": try lint(arguments, app: app, out: out)
        case "stats": try stats(arguments, app: app, out: out)
        case "parse": try parse(arguments, out: out)
        case "format": try format(arguments, localizer: localizer, out: out)
        case "plural": try plural(arguments, out: out)
        default: throw out.usage("cli-i18n-usage")
        }
    }

    struct Output {
        let console: any Console
        let localizer: Localizer
        let language: String

        init(console: any Console, localizer: Localizer, language: String) {
            (self.console, self.localizer, self.language) = (console, localizer, language)
        }

        /// The app's catalogs, in the language of the shell (`CommandLanguage`).
        init(_ context: CommandContext) {
            let localizer = context.application.mentore.localizer
            self.init(console: context.console, localizer: localizer, language: CommandLanguage.detect(localizer))
        }

        func t(_ key: String, _ args: [String: FTLValue] = [:]) -> String { localizer.t(key, args, in: language) }
        func print(_ text: String) { console.output(text.consoleText(), newLine: true) }
        func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

        func usage(_ key: String) -> CommandExit {
            error(t(key))
            return CommandExit(status: 2)
        }
    }

    /// `--name value` options (repeatable) and the remaining positional arguments.
    static func options(_ arguments: [String], flags: Set<String>, values: Set<String>) -> (
        options: [String: [String]], positional: [String]
    )? {
        var options: [String: [String]] = [:]
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                if flags.contains(name) {
                    options[name, default: []].append("")
                } else if values.contains(name), index + 1 < arguments.count {
                    options[name, default: []].append(arguments[index + 1])
                    index += 1
                } else {
                    return nil
                }
            } else {
                positional.append(argument)
            }
            index += 1
        }
        return (options, positional)
    }

    func loadCatalogs(_ options: [String: [String]], app: Application, out: Output) throws -> Localizer {
        let directory = options["locales"]?.last ?? app.mentore.config.localesDirectory
        do {
            return try Localizer.load(from: URL(fileURLWithPath: directory), pseudo: false)
        } catch {
            out.error(out.t("cli-i18n-unreadable", ["path": .string(directory)]))
            throw CommandExit(status: 2)
        }
    }

    func lint(_ arguments: [String], app: Application, out: Output) throws {
        guard let (options, positional) = Self.options(arguments, flags: [], values: ["locales", "sources"]),
            positional.isEmpty
        else { throw out.usage("cli-i18n-usage") }
        let localizer = try loadCatalogs(options, app: app, out: out)
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folders = (options["sources"] ?? ["Sources", "Resources/Views"]).map {
            $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : root.appendingPathComponent($0)
        }
        let usage = try KeyUsage.scan(folders, relativeTo: root)
        let findings = CatalogLint.run(localizer, usage: usage)
        for finding in findings {
            let text = out.t(
                "cli-lint-\(finding.code.rawValue)",
                ["subject": .string(finding.subject), "detail": .string(finding.detail)])
            out.print("\(finding.file):\(finding.line):\(finding.column): \(text)")
        }
        out.print(out.t("cli-lint-summary", ["count": .integer(findings.count)]))
        if !findings.isEmpty { throw CommandExit(status: 1) }
    }

    func stats(_ arguments: [String], app: Application, out: Output) throws {
        guard let (options, positional) = Self.options(arguments, flags: [], values: ["locales"]), positional.isEmpty
        else { throw out.usage("cli-i18n-usage") }
        let localizer = try loadCatalogs(options, app: app, out: out)
        for row in CatalogStats.compute(localizer) {
            var percent = NumberOptions()
            percent.minimumFractionDigits = 1
            percent.maximumFractionDigits = 1
            out.print(
                out.t(
                    "cli-stats-row",
                    [
                        "language": .string(row.language), "messages": .integer(row.messages),
                        "words": .integer(row.words), "missing": .integer(row.missing),
                        "percent": .number(FluentNumber(row.percent, options: percent)),
                    ]))
        }
    }

    /// One file: its AST, indented. Several: one compact AST a line (JSON Lines), in order.
    func parse(_ arguments: [String], out: Output) throws {
        guard !arguments.isEmpty else { throw out.usage("cli-i18n-usage") }
        var sources: [String] = []
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                out.error(out.t("cli-i18n-unreadable", ["path": .string(path)]))
                throw CommandExit(status: 2)
            }
            sources.append(String(decoding: data, as: UTF8.self))
        }
        for source in sources {
            let json = FluentParser.parse(source).referenceJSON(compact: sources.count > 1)
            FileHandle.standardOutput.write(Data(json.utf8))
        }
    }

    func format(_ arguments: [String], localizer shipped: Localizer, out: Output) throws {
        guard let (options, positional) = Self.options(arguments, flags: ["isolate"], values: ["locale", "file"]),
            let locale = options["locale"]?.last, let key = positional.first
        else { throw out.usage("cli-i18n-usage") }
        var args: [String: FTLValue] = [:]
        for pair in positional.dropFirst() {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw out.usage("cli-i18n-usage")
            }
            args[String(pair[..<equals])] = Self.value(String(pair[pair.index(after: equals)...]))
        }
        var localizer: Localizer
        if let files = options["file"] {
            var sources: [String] = []
            for path in files {
                guard let data = FileManager.default.contents(atPath: path) else {
                    out.error(out.t("cli-i18n-unreadable", ["path": .string(path)]))
                    throw CommandExit(status: 2)
                }
                sources.append(String(decoding: data, as: UTF8.self))
            }
            var bundle = FluentBundle(language: locale, locale: Localizer.locale(for: locale))
            for source in sources { bundle.add(FluentParser.parse(source)) }
            localizer = Localizer(bundles: [locale: bundle], fallbacks: [:])
        } else {
            guard shipped.bundles[locale] != nil else {
                out.error(out.t("cli-i18n-unknown-locale", ["locale": .string(locale)]))
                throw CommandExit(status: 2)
            }
            localizer = shipped
        }
        if options["isolate"] != nil {
            for language in localizer.languages { localizer.setIsolating(true, for: language) }
        }
        let (text, issues) = localizer.format(key, args, in: locale)
        if issues.contains(where: { if case .missingMessage = $0 { true } else { false } }) {
            out.error(out.t("cli-i18n-no-message", ["id": .string(key), "locale": .string(locale)]))
            throw CommandExit(status: 2)
        }
        out.print(text)
        var failed = false
        for case .error(let error) in issues {
            failed = true
            out.error(out.t("i18n-error-\(error.code)", ["name": .string(error.subject)]))
        }
        if failed { throw CommandExit(status: 1) }
    }

    /// `5` and `1.50` are numbers (the digits written are kept); `'5'`, `"5"` and anything else are strings.
    static func value(_ text: String) -> FTLValue {
        if text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first {
            return .string(String(text.dropFirst().dropLast()))
        }
        if let number = FluentNumber(literal: text) { return .number(number) }
        return .string(text)
    }

    func plural(_ arguments: [String], out: Output) throws {
        guard let (options, given) = Self.options(arguments, flags: ["ordinal"], values: ["locale"]),
            let locale = options["locale"]?.last, !given.isEmpty
        else { throw out.usage("cli-i18n-usage") }
        guard PluralRules.supports(locale) else {
            out.error(out.t("cli-i18n-unknown-locale", ["locale": .string(locale)]))
            throw CommandExit(status: 2)
        }
        let ordinal = options["ordinal"] != nil
        // `-` reads the numbers from standard input, one a line (for long runs).
        var numbers = given
        if numbers == ["-"] {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            numbers = String(decoding: input, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        }
        var lines: [String] = []
        lines.reserveCapacity(numbers.count)
        for number in numbers {
            guard let operands = PluralOperands(literal: number) else {
                out.error(out.t("cli-i18n-not-a-number", ["value": .string(number)]))
                throw CommandExit(status: 2)
            }
            lines.append(PluralRules.category(operands, language: locale, ordinal: ordinal).rawValue)
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
