import Foundation

/// The kinds of Event a Circuit can chain together.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    case training
    case education
    case culture
}

/// The languages the platform speaks, in the order they are offered.
public enum Language: String, Sendable, CaseIterable, Codable, Hashable {
    case it
    case sq
    case en
}

/// A user account as typed into the sign-up form, validated.
public struct SignUp: Sendable, Equatable {
    public var email: String
    public var password: String
    public var displayName: String

    public static let minimumPasswordLength = 10

    public init(email: String?, password: String?, confirmation: String?, displayName: String?)
        throws(ValidationErrors)
    {
        var v = Validator()
        self.displayName = v.text(displayName, field: "displayName", max: 100)
        self.email = v.email(email)
        self.password = v.newPassword(password, confirmation: confirmation)
        try v.finish()
    }
}

extension Validator {
    /// Lower-cases and checks an e-mail address: one `@`, a dot in the domain, no spaces.
    public mutating func email(_ value: String?, field: String = "email") -> String {
        let email = text(value, field: field, max: 254).lowercased()
        guard !email.isEmpty else { return email }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        if !valid { add(.invalidEmail, field: field) }
        return email
    }

    /// A new password: long enough, and typed the same twice.
    public mutating func newPassword(_ value: String?, confirmation: String?) -> String {
        let password = value ?? ""
        if password.isEmpty {
            add(.required, field: "password")
        } else if password.count < SignUp.minimumPasswordLength {
            add(.tooShort, field: "password")
        } else if password.count > 200 {
            add(.tooLong, field: "password")
        } else if password != confirmation {
            add(.passwordMismatch, field: "confirmation")
        }
        return password
    }
}

/// The fields of a Venue, validated.
public struct VenueDraft: Sendable, Equatable {
    public var name: String
    public var address: String
    public var city: String
    public var country: String
    public var timeZone: String
    /// How to get there and in (transport, entrance, accessibility), per language.
    public var directions: [Language: String]
    /// What the venue offers people with a disability, as ticked on its form.
    public var accessibility: Set<Accessibility>

    public init(
        name: String?, address: String?, city: String?, country: String?, timeZone: String?,
        directions: [Language: String?] = [:], accessibility: [String] = []
    ) throws(ValidationErrors) {
        var v = Validator()
        self.accessibility = Accessibility.parse(accessibility, into: &v)
        var texts: [Language: String] = [:]
        for language in Language.allCases {
            let text = v.text(
                directions[language] ?? nil, field: "directions-\(language.rawValue)", required: false, max: 2000,
                multiline: true)
            if !text.isEmpty { texts[language] = text }
        }
        self.directions = texts
        self.name = v.text(name, field: "name")
        self.address = v.text(address, field: "address")
        self.city = v.text(city, field: "city", max: 100)
        let country = v.text(country, field: "country", max: 2).uppercased()
        if !country.isEmpty, country.count != 2 || !country.allSatisfy({ ("A"..."Z").contains($0) }) {
            v.add(.invalidValue, field: "country")
        }
        self.country = country
        let zone = v.text(timeZone, field: "timeZone", max: 64)
        if !zone.isEmpty, TimeZone(identifier: zone) == nil {
            v.add(.unknownTimeZone, field: "timeZone")
        }
        self.timeZone = zone
        try v.finish()
    }
}

/// The texts of an Event in one language.
public struct EventText: Sendable, Equatable {
    public var title: String
    public var description: String
    public var origin: TextOrigin

    public init(title: String, description: String, origin: TextOrigin = .human) {
        self.title = title
        self.description = description
        self.origin = origin
    }
}

extension EventText {
    /// Titles, descriptions and their origins per language, as a form sends them: a language
    /// with a description needs a title, at least one language is needed, and the original
    /// language must be one of those given. Problems go to `v`, by field (`title-sq`, …).
    public static func parse(
        _ texts: [Language: (title: String?, description: String?)], origins: [Language: String],
        originalLanguage: String?, into v: inout Validator
    ) -> (texts: [Language: EventText], original: Language) {
        var parsed: [Language: EventText] = [:]
        for language in Language.allCases {
            let input = texts[language] ?? (nil, nil)
            let title = v.text(input.title, field: "title-\(language.rawValue)", required: false, max: 200)
            let description = v.text(
                input.description, field: "description-\(language.rawValue)", required: false, max: 5000,
                multiline: true)
            let origin = origins[language].map { TextOrigin(rawValue: $0) } ?? .human
            if origin == nil { v.add(.invalidValue, field: "origin-\(language.rawValue)") }
            if !title.isEmpty {
                parsed[language] = EventText(title: title, description: description, origin: origin ?? .human)
            } else if !description.isEmpty {
                v.add(.required, field: "title-\(language.rawValue)")
            }
        }
        if parsed.isEmpty { v.add(.required, field: "title-it") }
        let original =
            originalLanguage.map { Language(rawValue: $0) } ?? Language.allCases.first { parsed[$0] != nil } ?? .it
        if original == nil { v.add(.invalidValue, field: "original-language") }
        if let original, !parsed.isEmpty, parsed[original] == nil {
            // The original must be one of the texts given; a translation cannot stand alone as the source.
            v.add(.required, field: "title-\(original.rawValue)")
        }
        return (parsed, original ?? .it)
    }
}

/// Who wrote a translated text: a person, or a machine (shown as such to readers).
public enum TextOrigin: String, Codable, Sendable, CaseIterable {
    case human, machine
}

/// The fields of an Event, validated. Texts are kept per language; at least one is required.
public struct EventDraft: Sendable, Equatable {
    public var kind: EventKind
    public var price: Money
    public var languages: [Language]
    public var texts: [Language: EventText]
    /// The language the texts were first written in; the others are translations of it.
    public var originalLanguage: Language
    /// Whether a place must be reserved ahead (else people may simply come).
    public var bookingRequired: Bool
    /// Until how many hours before a session reservations may be made, moved or cancelled;
    /// nil: the platform's default.
    public var changeCutoffHours: Int?

    public init(
        kind: String?, price: String?, currency: String?, languages: [String],
        texts: [Language: (title: String?, description: String?)], origins: [Language: String] = [:],
        originalLanguage: String? = nil, bookingRequired: Bool = true, changeCutoffHours: String? = nil
    ) throws(ValidationErrors) {
        var v = Validator()
        self.bookingRequired = bookingRequired
        self.changeCutoffHours = BookingCutoff.parse(changeCutoffHours, into: &v)
        let rawKind = (kind ?? "").trimmingCharacters(in: .whitespaces)
        let knownKind = EventKind(rawValue: rawKind)
        if knownKind == nil { v.add(rawKind.isEmpty ? .required : .invalidValue, field: "kind") }
        self.kind = knownKind ?? .training

        let knownCurrency = Currency(code: currency ?? "")
        if knownCurrency == nil { v.add(.unknownCurrency, field: "currency") }
        let priceText = (price ?? "").trimmingCharacters(in: .whitespaces)
        var money = Money(minor: 0, currency: knownCurrency ?? .eur)
        if priceText.isEmpty {
            v.add(.required, field: "price")
        } else if priceText.hasPrefix("-") {
            v.add(.negative, field: "price")
        } else if let parsed = Money(parsing: priceText, currency: knownCurrency ?? .eur) {
            money = parsed
        } else {
            v.add(.invalidValue, field: "price")
        }
        self.price = money

        let known = languages.compactMap(Language.init(rawValue:))
        if known.isEmpty {
            v.add(.required, field: "languages")
        }
        if known.count != languages.count { v.add(.invalidValue, field: "languages") }
        self.languages = Language.allCases.filter(known.contains)

        (self.texts, self.originalLanguage) = EventText.parse(
            texts, origins: origins, originalLanguage: originalLanguage, into: &v)
        try v.finish()
    }
}

/// A dated Session of an Event, validated. Times are typed in the venue's time zone.
public struct SessionDraft: Sendable, Equatable {
    public var startsAt: Date
    public var endsAt: Date
    public var capacity: Int

    /// A session typed in a form: times as wall time in the venue's `timeZone`. With `now`, a
    /// session starting before it is refused (`in-the-past`).
    public init(starts: String?, ends: String?, capacity: String?, timeZone: TimeZone, now: Date? = nil)
        throws(ValidationErrors)
    {
        try self.init(starts: starts, ends: ends, capacity: capacity, now: now) {
            Self.parseLocal($0, timeZone: timeZone)
        }
    }

    /// A session as the API sends it: RFC 3339 instants (`2027-03-01T18:00:00+01:00`).
    public init(instantStarts starts: String?, ends: String?, capacity: String?, now: Date? = nil)
        throws(ValidationErrors)
    {
        try self.init(starts: starts, ends: ends, capacity: capacity, now: now, parse: Self.parseInstant)
    }

    private init(
        starts: String?, ends: String?, capacity: String?, now: Date?, parse: (String?) -> Date?
    ) throws(ValidationErrors) {
        var v = Validator()
        let start = parse(starts)
        let end = parse(ends)
        if (starts ?? "").isEmpty {
            v.add(.required, field: "startsAt")
        } else if start == nil {
            v.add(.invalidDate, field: "startsAt")
        } else if let start, let now, start <= now {
            v.add(.inThePast, field: "startsAt")
        }
        if (ends ?? "").isEmpty {
            v.add(.required, field: "endsAt")
        } else if end == nil {
            v.add(.invalidDate, field: "endsAt")
        }
        if let start, let end, end <= start { v.add(.endBeforeStart, field: "endsAt") }
        let capacityText = (capacity ?? "").trimmingCharacters(in: .whitespaces)
        var seats = 0
        if capacityText.isEmpty {
            v.add(.required, field: "capacity")
        } else if let value = Int(capacityText) {
            if value < 1 { v.add(value < 0 ? .negative : .invalidValue, field: "capacity") }
            if value > Self.maximumCapacity { v.add(.invalidValue, field: "capacity") }
            seats = value
        } else {
            v.add(.invalidValue, field: "capacity")
        }
        self.startsAt = start ?? Date(timeIntervalSince1970: 0)
        self.endsAt = end ?? Date(timeIntervalSince1970: 0)
        self.capacity = seats
        try v.finish()
    }

    /// The most places one session may offer.
    public static let maximumCapacity = 100_000

    /// Reads an RFC 3339 instant with its offset (fractions of a second allowed), between the
    /// years 2000 and 2200.
    public static func parseInstant(_ text: String?) -> Date? {
        guard let text, !text.isEmpty, text.count <= 40 else { return nil }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else { return nil }
        let year = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date).year ?? 0
        return (2000...2200).contains(year) ? date : nil
    }

    /// Reads an HTML `datetime-local` value ("2026-12-01T18:30", seconds optional) as wall time in `timeZone`.
    public static func parseLocal(_ text: String?, timeZone: TimeZone) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let pieces = text.split(whereSeparator: { "-T:".contains($0) }).map { Int($0) }
        guard pieces.count == 5 || pieces.count == 6, !pieces.contains(nil) else { return nil }
        let values = pieces.map { $0! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(
            year: values[0], month: values[1], day: values[2], hour: values[3], minute: values[4],
            second: values.count == 6 ? values[5] : 0)
        guard (1...12).contains(values[1]), (1...31).contains(values[2]), (0...23).contains(values[3]),
            (0...59).contains(values[4]), (2000...2200).contains(values[0]),
            let date = calendar.date(from: components),
            calendar.component(.day, from: date) == values[2]
        else { return nil }
        return date
    }

    /// The `datetime-local` form of a date in `timeZone`, for re-filling a form.
    public static func formatLocal(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 2000)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute))"
    }
}

/// A URL-safe identifier made from a name: lower-case ASCII letters, digits and dashes.
public enum Slug {
    public static func make(from name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(60))
    }

    /// A slug for `name` that is not in `taken`: `name`, then `name-2`, `name-3`, …
    /// `fallback` stands in for names with no usable letters.
    public static func unique(from name: String, fallback: String, taken: Set<String>) -> String {
        let made = make(from: name)
        let base = made.isEmpty ? fallback : made
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
