import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The admin forms of translated content (venues, events, circuits, funds): the texts of each
/// language side by side, and reading them back from a submitted form.
enum TranslatedForm {
    /// The texts of one piece of content in it, sq and en side by side (stacked on narrow
    /// screens), each column saying whether that language is still missing, with who wrote
    /// it (a person or a machine) and which language is the original.
    static func columns(
        _ req: Request, original: String?, origins: [String: String], missing: (String) -> Bool,
        fields: (String) -> [FormView.Field]
    ) -> [FormView.Field] {
        var out: [FormView.Field] = [
            .init(
                name: "original-language", label: req.t("field-original-language"), type: "select",
                options: Language.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("language-name-\($0.rawValue)"),
                        selected: $0.rawValue == (original ?? "it"))
                }),
            .init(name: "translations", label: "", type: "columns-start"),
        ]
        for language in Language.allCases {
            let code = language.rawValue
            out.append(
                .init(
                    name: "column-\(code)", label: req.t("language-name-\(code)"), type: "column-start",
                    hint: missing(code) ? req.t("translation-missing") : nil, required: false, lang: code))
            out += fields(code)
            out.append(
                .init(
                    name: "origin-\(code)", label: req.t("field-text-origin"), type: "select",
                    options: TextOrigin.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("text-origin-\($0.rawValue)"),
                            selected: $0.rawValue == (origins[code] ?? "human"))
                    }))
            out.append(.init(name: "column-\(code)", label: "", type: "column-end"))
        }
        out.append(.init(name: "translations", label: "", type: "columns-end"))
        return out
    }

    /// A submitted form of translated content: its own fields, then the texts of `parts` in
    /// each language with their origins and the original language (`input(_:parts:)`).
    static func decode<Input: TranslatedInput>(
        _ type: Input.Type, _ req: Request, parts: [String] = ["title", "description"]
    ) throws -> Input {
        var input = try req.content.decode(Input.self)
        (input.texts, input.origins, input.originalLanguage) = Self.input(req, parts: parts)
        return input
    }

    /// A translated content's fields from a submitted form: `PART-LANG` for each part and
    /// language (`title-sq`, `purpose-en`, …), the origins and the original language.
    static func input(_ req: Request, parts: [String]) -> (
        texts: [String: String], origins: [String: String], original: String?
    ) {
        var texts: [String: String] = [:]
        for language in Language.allCases {
            for part in parts {
                texts["\(part)-\(language.rawValue)"] = try? req.content.get(
                    String.self, at: "\(part)-\(language.rawValue)")
            }
        }
        return (texts, origins(req), try? req.content.get(String.self, at: "original-language"))
    }

    /// The texts and origins a form shows for stored titles and descriptions (an event's, a
    /// circuit's), keyed as a submitted form keys them.
    static func stored(_ texts: [some TitledText]) -> (texts: [String: String], origins: [String: String]) {
        var out: [String: String] = [:]
        var origins: [String: String] = [:]
        for text in texts {
            out["title-\(text.language)"] = text.title
            out["description-\(text.language)"] = text.description
            origins[text.language] = text.origin.rawValue
        }
        return (out, origins)
    }

    /// Title and description per language, as `EventText.parse` reads them.
    static func titlesAndDescriptions(_ texts: [String: String]?) -> [Language: (title: String?, description: String?)]
    {
        var out: [Language: (title: String?, description: String?)] = [:]
        for language in Language.allCases {
            out[language] = (texts?["title-\(language.rawValue)"], texts?["description-\(language.rawValue)"])
        }
        return out
    }

    /// Origins keyed by language code, as drafts read them.
    static func originsByLanguage(_ origins: [String: String]?) -> [Language: String] {
        Dictionary(
            uniqueKeysWithValues: (origins ?? [:]).compactMap { key, value in
                Language(rawValue: key).map { ($0, value) }
            })
    }

    /// The title and description fields of one language's column.
    static func titleDescriptionFields(_ req: Request, texts: [String: String]?) -> (String) -> [FormView.Field] {
        { code in
            let name = req.t("language-name-\(code)")
            return [
                .init(
                    name: "title-\(code)", label: req.t("field-title-in", ["language": .string(name)]),
                    type: "text", value: texts?["title-\(code)"] ?? "", required: false, lang: code),
                .init(
                    name: "description-\(code)", label: req.t("field-description-in", ["language": .string(name)]),
                    type: "textarea", value: texts?["description-\(code)"] ?? "", required: false, lang: code),
            ]
        }
    }

    /// `origin-it`, `origin-sq`, `origin-en` from a submitted form.
    static func origins(_ req: Request) -> [String: String] {
        var origins: [String: String] = [:]
        for language in Language.allCases {
            origins[language.rawValue] = try? req.content.get(String.self, at: "origin-\(language.rawValue)")
        }
        return origins
    }
}

/// The form input of translated content: whatever fields it has, plus its texts per part and
/// language, their origins and the original language (`TranslatedForm.decode`).
protocol TranslatedInput: Content {
    var texts: [String: String]? { get set }
    var origins: [String: String]? { get set }
    var originalLanguage: String? { get set }
}

/// A stored title and description in one language, with who wrote it.
protocol TitledText {
    var language: String { get }
    var title: String { get }
    var description: String { get }
    var origin: TextOrigin { get }
}

extension EventTextModel: TitledText {}
extension CircuitTextModel: TitledText {}
