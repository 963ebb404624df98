import Foundation

/// What a mentor asks for on a contribution form or in the API, checked.
///
/// `places` sponsors N places at the price in force now (locked into the contribution);
/// `amount` gives open credit to the fund. Amounts are whole minor units of the fund's
/// currency, at least one voucher's worth for places, and never above `ceiling`.
public struct ContributionDraft: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case places, amount }

    public static let maximumPlaces = 500
    public static let maximumDedication = 200

    public var kind: Kind
    public var places: Int?
    public var unitPrice: Money?
    public var amount: Money
    public var anonymous: Bool
    public var dedication: String?
    public var unusedRule: UnusedValueRule

    /// - Parameters:
    ///   - unitPrice: the price of one place now (places), nil when the fund has none.
    ///   - currency: the fund's currency; a different `currencyCode` is refused.
    ///   - ceiling: the largest amount accepted (configurable), in the fund's currency.
    public init(
        kind: String?, places: String?, amount: String?, currencyCode: String?, anonymous: Bool,
        dedication: String?, unusedRule: String?, unitPrice: Money?, currency: Currency, ceiling: Money
    ) throws(ValidationErrors) {
        var v = Validator()
        let knownKind = Kind(rawValue: (kind ?? "").trimmingCharacters(in: .whitespaces))
        if knownKind == nil { v.add((kind ?? "").isEmpty ? .required : .invalidValue, field: "kind") }
        self.kind = knownKind ?? .amount
        if let code = currencyCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            if Currency(code: code) == nil {
                v.add(.unknownCurrency, field: "currency")
            } else if Currency(code: code) != currency {
                v.add(.currencyMismatch, field: "currency")
            }
        }
        self.amount = Money(minor: 0, currency: currency)
        switch self.kind {
        case .places:
            let text = (places ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                v.add(.required, field: "places")
            } else if text.hasPrefix("-") || text == "0" {
                v.add(.negative, field: "places")
            } else if let count = Int(text), count > 0 {
                if count > Self.maximumPlaces {
                    v.add(.tooManyPlaces, field: "places")
                } else if let unitPrice {
                    self.places = count
                    self.unitPrice = unitPrice
                    self.amount = Money(minor: unitPrice.minor * count, currency: currency)
                    if self.amount.minor > ceiling.minor { v.add(.amountTooLarge, field: "places") }
                } else {
                    v.add(.invalidValue, field: "kind")
                }
            } else {
                v.add(.invalidValue, field: "places")
            }
        case .amount:
            let text = (amount ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                v.add(.required, field: "amount")
            } else if text.hasPrefix("-") {
                v.add(.negative, field: "amount")
            } else if let parsed = Money(parsing: text, currency: currency) {
                if parsed.minor == 0 {
                    v.add(.amountTooSmall, field: "amount")
                } else if parsed.minor > ceiling.minor {
                    v.add(.amountTooLarge, field: "amount")
                } else {
                    self.amount = parsed
                }
            } else {
                v.add(.invalidValue, field: "amount")
            }
        }
        self.anonymous = anonymous
        let line = v.text(dedication, field: "dedication", required: false, max: Self.maximumDedication)
        self.dedication = line.isEmpty ? nil : line
        let rule = (unusedRule ?? "").trimmingCharacters(in: .whitespaces)
        if rule.isEmpty {
            self.unusedRule = .reallocate
        } else if let known = UnusedValueRule(rawValue: rule) {
            self.unusedRule = known
        } else {
            self.unusedRule = .reallocate
            v.add(.invalidValue, field: "unusedRule")
        }
        try v.finish()
    }

    /// A digest of everything asked, so a retried request is told apart from a different
    /// one sent with the same idempotency key.
    public var fingerprint: String {
        [
            kind.rawValue, places.map(String.init) ?? "", String(amount.minor), amount.currency.rawValue,
            anonymous ? "1" : "0", dedication ?? "", unusedRule.rawValue,
        ].joined(separator: "\u{1F}")
    }
}

/// A Fund as an admin describes it, checked.
public struct FundDraft: Sendable, Equatable {
    public struct Text: Sendable, Equatable {
        public var name: String
        public var purpose: String
    }

    public var currency: Currency
    /// The value of one open-credit voucher, if the fund issues them from amounts.
    public var faceValue: Money?
    public var texts: [Language: Text]
    public var originalLanguage: Language

    /// At least one language needs both a name and a purpose; a language with one of the
    /// two needs the other.
    public init(
        currency: String?, faceValue: String?, texts: [Language: (name: String?, purpose: String?)],
        originalLanguage: String?
    ) throws(ValidationErrors) {
        var v = Validator()
        let known = Currency(code: currency ?? "")
        if known == nil { v.add(.unknownCurrency, field: "currency") }
        self.currency = known ?? .eur
        let face = (faceValue ?? "").trimmingCharacters(in: .whitespaces)
        if face.isEmpty {
            self.faceValue = nil
        } else if face.hasPrefix("-") {
            self.faceValue = nil
            v.add(.negative, field: "faceValue")
        } else if let money = Money(parsing: face, currency: self.currency), money.minor > 0 {
            self.faceValue = money
        } else {
            self.faceValue = nil
            v.add(.invalidValue, field: "faceValue")
        }
        var written: [Language: Text] = [:]
        for language in Language.allCases {
            let pair = texts[language]
            let name = v.text(pair?.name ?? nil, field: "name-\(language.rawValue)", required: false, max: 120)
            let purpose = v.text(
                pair?.purpose ?? nil, field: "purpose-\(language.rawValue)", required: false, max: 2000,
                multiline: true)
            if name.isEmpty && purpose.isEmpty { continue }
            if name.isEmpty { v.add(.required, field: "name-\(language.rawValue)") }
            if purpose.isEmpty { v.add(.required, field: "purpose-\(language.rawValue)") }
            written[language] = Text(name: name, purpose: purpose)
        }
        if written.isEmpty { v.add(.required, field: "name-it") }
        self.texts = written
        let original =
            Language(rawValue: originalLanguage ?? "") ?? written.keys.sorted { $0.rawValue < $1.rawValue }.first ?? .it
        if written[original] == nil, !written.isEmpty { v.add(.required, field: "name-\(original.rawValue)") }
        self.originalLanguage = original
        try v.finish()
    }
}

/// A Partner hands a voucher to a Beneficiary: the least personal data that does the job.
public struct NominationDraft: Sendable, Equatable {
    public enum Delivery: String, Sendable, CaseIterable { case email, print }

    /// A name or an alias: whatever the partner and the person agree on.
    public var name: String
    public var email: String?
    public var language: Language
    public var note: String?
    public var delivery: Delivery

    public init(name: String?, email: String?, language: String?, note: String?, delivery: String?)
        throws(ValidationErrors)
    {
        var v = Validator()
        self.name = v.text(name, field: "name", max: 100)
        let typed = (email ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        self.email = typed.isEmpty ? nil : v.email(typed)
        let known = Language(rawValue: (language ?? "").trimmingCharacters(in: .whitespaces))
        if known == nil { v.add((language ?? "").isEmpty ? .required : .invalidValue, field: "language") }
        self.language = known ?? .it
        let note = v.text(note, field: "note", required: false, max: 500, multiline: true)
        self.note = note.isEmpty ? nil : note
        let way = Delivery(rawValue: (delivery ?? "print").trimmingCharacters(in: .whitespaces))
        if way == nil { v.add(.invalidValue, field: "delivery") }
        self.delivery = way ?? .print
        if self.delivery == .email && self.email == nil && typed.isEmpty { v.add(.required, field: "email") }
        try v.finish()
    }
}

extension NominationDraft {
    /// A person for something named by its id (a voucher to nominate, a fund's waiting list),
    /// checked together so that every problem of both is reported at once.
    public static func target(
        _ rawID: String?, field: String, name: String?, email: String?, language: String?, note: String?,
        delivery: String?
    ) throws(ValidationErrors) -> (UUID, NominationDraft) {
        var problems: [DomainError] = []
        let id = rawID.flatMap(UUID.init(uuidString:))
        if id == nil { problems.append(DomainError((rawID ?? "").isEmpty ? .required : .invalidValue, field: field)) }
        let draft: NominationDraft
        do {
            draft = try NominationDraft(name: name, email: email, language: language, note: note, delivery: delivery)
        } catch {
            throw ValidationErrors(problems + error.errors)
        }
        guard let id, problems.isEmpty else { throw ValidationErrors(problems) }
        return (id, draft)
    }
}
