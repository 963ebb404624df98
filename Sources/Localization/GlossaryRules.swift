import Foundation

/// The rules of `Locales/GLOSSARY.md` that a program can check, as data: `CatalogLint` applies
/// them to every message value and attribute (each variant of a selector on its own).
public struct GlossaryRules: Sendable {
    /// A word or phrase the glossary replaces by its term in one language.
    public struct Forbidden: Sendable {
        public var language: String
        /// An ICU regular expression (`NSRegularExpression`) matched against the message text.
        public var pattern: String
        /// What to write instead, shown in the finding.
        public var use: String

        public init(_ language: String, _ pattern: String, use: String) {
            self.language = language
            self.pattern = pattern
            self.use = use
        }
    }

    /// A term a family of messages must use: every message whose id matches `ids` contains `pattern`.
    public struct Required: Sendable {
        public var language: String
        public var ids: String
        public var pattern: String
        public var use: String

        public init(_ language: String, ids: String, _ pattern: String, use: String) {
            self.language = language
            self.ids = ids
            self.pattern = pattern
            self.use = use
        }
    }

    public var forbidden: [Forbidden]
    public var required: [Required]
    /// The quotation marks and the apostrophe each language writes; any other mark of
    /// `GlossaryRules.marks` is reported.
    public var marks: [String: Set<Character>]
    /// Variables that hold a count besides those a plural selector switches on somewhere.
    public var countVariables: Set<String>
    /// Words that may stand between two counts ("3 of 5") without making a sentence of them.
    public var countConnectors: [String: Set<String>]
    /// Variables that hold a formatted date.
    public var dateVariables: Set<String>
    /// Articles (with their prepositions) that must not stand before a date: Italian writes
    /// "l'8", "dall'11", so "il { $date }" is wrong for some days and "in data { $date }" is used.
    public var articlesBeforeDate: [String: [String]]

    public init(
        forbidden: [Forbidden], required: [Required], marks: [String: Set<Character>], countVariables: Set<String>,
        countConnectors: [String: Set<String>], dateVariables: Set<String>, articlesBeforeDate: [String: [String]]
    ) {
        self.forbidden = forbidden
        self.required = required
        self.marks = marks
        self.countVariables = countVariables
        self.countConnectors = countConnectors
        self.dateVariables = dateVariables
        self.articlesBeforeDate = articlesBeforeDate
    }

    /// Every quotation mark and apostrophe the typography checks look at.
    public static let marks: Set<Character> = ["\"", "'", "“", "”", "„", "‟", "«", "»", "‹", "›", "‚", "‘", "’"]

    /// The project's glossary (`Locales/GLOSSARY.md`).
    public static let project = GlossaryRules(
        forbidden: [
            // "e-mail" in every language; "--email" and "EMAIL" in the usage lines are command syntax.
            .init("en", #"(?<![\p{L}-])[Ee]mail"#, use: "e-mail"),
            .init("it", #"(?<![\p{L}-])[Ee]mail"#, use: "e-mail"),
            .init("sq", #"(?<![\p{L}-])[Ee]mail"#, use: "e-mail (e-maili, e-mailit)"),
            .init("en", #"(?i)\bcoupons?\b"#, use: "voucher"),
            .init("sq", #"(?i)\bkupon\p{L}*"#, use: "vauçer"),
            .init("sq", #"(?i)\bevent(i|it|in|et|eve|e)?\b"#, use: "ngjarje"),
            .init("sq", #"\bDraft\b"#, use: "Skicë"),
            .init("sq", #"(?i)\bmandat\p{L}*"#, use: "dëftesë"),
            .init("sq", #"(?i)\bkredi e lirë\b"#, use: "vlerë për çdo ngjarje"),
            .init("sq", #"(?i)\bopsional\p{L}*"#, use: "sipas dëshirës"),
            .init("sq", #"(?i)\bprinto\p{L}*"#, use: "shtyp"),
            .init("sq", #"(?i)\btoken-\p{L}+"#, use: "tokeni, tokenin"),
            .init("sq", #"\(i detyrueshëm\)"#, use: "(detyrimisht)"),
            .init("it", #"(?i)\bmentor\b"#, use: "mentore, mentori"),
            .init("it", #"(?i)\bQR code\b"#, use: "codice QR"),
            .init("it", #"(?i)\bluog(o|hi)\b"#, use: "sede, sedi"),
            .init("it", #"(?i)\b(voi|vostr[aeio])\b"#, use: "tu"),
            .init("it", #"\b[Ss]ei (invitat|entrat)[oa]\b"#, use: "Hai ricevuto un invito, Hai effettuato l'accesso"),
        ],
        required: [
            .init("en", ids: "venue", #"(?i)\bvenues?\b"#, use: "venue"),
            .init("it", ids: "venue", #"(?i)\bsed[ei]\b"#, use: "sede"),
            .init("sq", ids: "venue", #"(?i)\bvendndodhj"#, use: "vendndodhje"),
        ],
        marks: ["en": ["“", "”", "‘", "’", "'"], "it": ["«", "»", "'"], "sq": ["«", "»", "’"]],
        countVariables: [
            "count", "capacity", "reserved", "admitted", "done", "required", "completed", "enrolled", "min", "hours",
            "messages", "words", "missing", "transactions", "accounts", "pending", "places",
        ],
        countConnectors: ["en": ["of"], "it": ["su", "di"], "sq": ["nga"]],
        dateVariables: ["date", "until", "since", "expires", "first", "last"],
        articlesBeforeDate: [
            "it": ["il", "lo", "l'", "al", "all'", "dal", "dall'", "del", "dell'", "nel", "nell'", "sul", "sull'"]
        ]
    )
}
