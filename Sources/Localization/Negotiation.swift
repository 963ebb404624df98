/// Chooses the language of a response.
///
/// Order: the signed-in user's preference, then an explicit choice (URL or cookie),
/// then `Accept-Language`, then the default (Italian).
public struct LanguageNegotiator: Sendable {
    public let supported: [String]
    public let defaultLanguage: String

    /// Tags that mean Albanian to us: ISO 639-2/B and /T codes, the macrolanguage's
    /// ISO 639-3 code, Gheg and Arbëresh.
    public static let aliases: [String: String] = [
        "als": "sq", "sqi": "sq", "alb": "sq", "aln": "sq", "aae": "sq",
        "ita": "it", "eng": "en",
    ]

    public init(supported: [String] = ["it", "sq", "en"], defaultLanguage: String = "it") {
        self.supported = supported
        self.defaultLanguage = defaultLanguage
    }

    public func negotiate(userPreference: String?, explicit: String?, acceptLanguage: String?) -> String {
        if let match = userPreference.flatMap(lookup) { return match }
        if let match = explicit.flatMap(lookup) { return match }
        for range in Self.parseAcceptLanguage(acceptLanguage ?? "") {
            if let match = lookup(range) { return match }
        }
        return defaultLanguage
    }

    /// RFC 4647 lookup: try the tag, then trim subtags from the end (`sq-Latn-XK` → `sq-Latn` → `sq`).
    public func lookup(_ tag: String) -> String? {
        var subtags = tag.lowercased().replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        while !subtags.isEmpty {
            let candidate = subtags.joined(separator: "-")
            if let match = supported.first(where: { $0.lowercased() == candidate }) { return match }
            if subtags.count == 1, let alias = Self.aliases[candidate], supported.contains(alias) { return alias }
            subtags.removeLast()
            // A single-letter subtag (an extension or private-use marker) is dropped with what follows it.
            if let last = subtags.last, last.count == 1 { subtags.removeLast() }
        }
        return nil
    }

    /// The language ranges of an `Accept-Language` header (RFC 9110), best first;
    /// ranges with `q=0` and the wildcard are left out; equal weights keep their order.
    public static func parseAcceptLanguage(_ header: String) -> [String] {
        var ranges: [(tag: String, q: Double, position: Int)] = []
        for (position, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty, tag != "*",
                tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { continue }
            var q = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                if pair.count == 2, pair[0].lowercased() == "q" {
                    q = Double(pair[1]).map { min(max($0, 0), 1) } ?? 0
                }
            }
            if q > 0 { ranges.append((tag, q, position)) }
        }
        return ranges.sorted { $0.q != $1.q ? $0.q > $1.q : $0.position < $1.position }.map(\.tag)
    }
}
