import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Turns Events into what the public pages show, in the reader's language.
enum EventPresenter {
    /// The event's text in `language`, or else along the fallback chain.
    static func text(of event: EventModel, language: String, fallbacks: [String] = []) -> EventTextModel? {
        pick(event.$texts.value ?? [], language: \.language, for: language, fallbacks: fallbacks)
    }

    /// The event's text in the reader's language, or else along the reader's fallback chain.
    static func text(of event: EventModel, for req: Request) -> EventTextModel? {
        text(of: event, language: req.language, fallbacks: fallbacks(req))
    }

    static func fallbacks(_ req: Request) -> [String] {
        req.application.mentore.localizer.fallbacks[req.language] ?? []
    }

    /// The text in `language`, else the first along the fallback chain, else any.
    static func pick<Text>(
        _ texts: [Text], language key: KeyPath<Text, String>, for language: String, fallbacks: [String]
    )
        -> Text?
    {
        for candidate in [language] + fallbacks + Language.allCases.map(\.rawValue) {
            if let text = texts.first(where: { $0[keyPath: key] == candidate }) { return text }
        }
        return nil
    }

    /// A translated text as a page shows it: in which language (when not the page's), with
    /// the "not yet translated" note in the reader's language, and whether a machine wrote it.
    struct Shown: Encodable {
        var text: String
        var lang: String?
        var fallbackNote: String?
        var machineNote: String?
    }

    static func shown(_ text: String, in language: String, origin: TextOrigin, req: Request) -> Shown {
        let differs = language != req.language
        return Shown(
            text: text, lang: differs ? language : nil,
            fallbackNote: differs
                ? req.t("content-not-translated", ["code": .string(language)]) : nil,
            machineNote: origin == .machine ? req.t("content-machine-translated") : nil)
    }

    /// The venue's directions in the reader's language, else along the fallback chain.
    static func directions(of venue: VenueModel, req: Request) -> Shown? {
        return pick(venue.$texts.value ?? [], language: \.language, for: req.language, fallbacks: fallbacks(req)).map {
            shown($0.directions, in: $0.language, origin: $0.origin, req: req)
        }
    }

    struct Card: Encodable {
        var id: String
        var href: String
        var title: String
        var description: String
        /// The language the text is shown in, when it differs from the page's.
        var textLang: String?
        var fallbackNote: String?
        var machineNote: String?
        var kind: String
        var kindLabel: String
        var venue: String
        var city: String
        var price: String
        var languages: String
        var next: String?
        /// `next` as an ISO 8601 instant, for `<time datetime>`.
        var nextDateTime: String?
        var sessions: [SessionLine]
    }

    struct SessionLine: Encodable {
        var when: String
        var dateTime: String
        var seats: String
    }

    static func card(_ event: EventModel, req: Request, now: Date) throws -> Card {
        let text = text(of: event, for: req)
        let zone = TimeZone(identifier: event.venue.timeZone) ?? .gmt
        let format = Formatting(language: req.language, timeZone: zone)
        let upcoming = (event.$sessions.value ?? []).filter { $0.endsAt > now && $0.cancelledAt == nil }.sorted {
            $0.startsAt < $1.startsAt
        }
        let shownIn = text?.language ?? req.language
        return Card(
            id: try event.requireID().uuidString, href: SiteRoute.event(.value(try event.requireID())).path,
            title: text?.title ?? "", description: text?.description ?? "",
            textLang: shownIn == req.language ? nil : shownIn,
            fallbackNote: shownIn == req.language
                ? nil : req.t("content-not-translated", ["code": .string(shownIn)]),
            machineNote: text?.origin == .machine ? req.t("content-machine-translated") : nil,
            kind: event.kind.rawValue, kindLabel: req.t("event-kind-\(event.kind.rawValue)"),
            venue: event.venue.name, city: event.venue.city,
            price: format.money(
                minor: event.priceMinor, currency: event.currency.rawValue, minorUnits: event.currency.minorUnits),
            languages: event.languageList.map { req.t("language-name-\($0.rawValue)") }.joined(separator: ", "),
            next: upcoming.first.map { format.dateTime($0.startsAt) },
            nextDateTime: upcoming.first.map { $0.startsAt.formatted(.iso8601) },
            sessions: upcoming.map {
                SessionLine(
                    when: format.dateTime($0.startsAt) + " – " + format.time($0.endsAt),
                    dateTime: $0.startsAt.formatted(.iso8601),
                    seats: req.t("event-seats", ["capacity": .integer($0.capacity)]))
            })
    }
}

extension EventPresenter {
    /// What a voucher is for, in `language` or along `fallbacks`: its event's or circuit's
    /// title (and the language it is written in); nil for open credit.
    static func voucherTitle(_ voucher: VoucherModel, language: String, fallbacks: [String], on db: any Database)
        async throws -> (title: String, language: String)?
    {
        guard let id = voucher.scopeID else { return nil }
        return try await scopeTitles([(voucher.scope, id)], language: language, fallbacks: fallbacks, on: db)[id]
    }

    /// The same for many vouchers at once, in the reader's language.
    static func scopeTitles(_ scopes: [(VoucherScope, UUID?)], req: Request) async throws -> [UUID: (
        title: String, language: String
    )] {
        try await scopeTitles(scopes, language: req.language, fallbacks: fallbacks(req), on: req.db)
    }

    /// Scope id (an event, or a circuit version) → its title: two queries whatever the count.
    static func scopeTitles(
        _ scopes: [(VoucherScope, UUID?)], language: String, fallbacks: [String], on db: any Database
    ) async throws -> [UUID: (title: String, language: String)] {
        var out: [UUID: (title: String, language: String)] = [:]
        let eventIDs = Set(scopes.compactMap { $0.0 == .event ? $0.1 : nil })
        for event in try await EventModel.query(on: db).filter(\.$id ~~ eventIDs).with(\.$texts).all() {
            if let text = text(of: event, language: language, fallbacks: fallbacks), let id = event.id {
                out[id] = (text.title, text.language)
            }
        }
        let versionIDs = Set(scopes.compactMap { $0.0 == .circuit ? $0.1 : nil })
        let versions = try await CircuitVersionModel.query(on: db).filter(\.$id ~~ versionIDs).all()
        let circuits = try await CircuitModel.query(on: db).filter(\.$id ~~ Set(versions.map { $0.$circuit.id }))
            .with(\.$texts).all()
        for version in versions {
            guard let id = version.id, let circuit = circuits.first(where: { $0.id == version.$circuit.id }),
                let text = pick(circuit.texts, language: \.language, for: language, fallbacks: fallbacks)
            else { continue }
            out[id] = (text.title, text.language)
        }
        return out
    }
}
