import Domain
import Fluent
import Persistence
import Vapor

/// The demonstration data, drawn from the source documents. Fixed ids make seeding idempotent.
enum DemoData {
    static let password = "mentore-demo"

    struct DemoUser {
        var id: UUID
        var email: String
        var name: String
        var label: String
        var language: String
        var admin = false
        var mentor = false
    }

    static let slowMill = UUID(uuidString: "0000d000-0000-4000-8000-000000000001")!
    static let dora = UUID(uuidString: "0000d000-0000-4000-8000-000000000002")!
    static let iparticipate = UUID(uuidString: "0000d000-0000-4000-8000-000000000003")!
    static let icse = UUID(uuidString: "0000d000-0000-4000-8000-000000000004")!
    static let millVenue = UUID(uuidString: "0000d000-0000-4000-8000-000000000011")!
    static let shkoderVenue = UUID(uuidString: "0000d000-0000-4000-8000-000000000012")!

    static let users: [DemoUser] = [
        .init(
            id: UUID(uuidString: "0000d000-0000-4000-8000-0000000000a1")!, email: "admin@mentore.test",
            name: "Admin Mentore", label: "admin", language: "it", admin: true),
        .init(
            id: UUID(uuidString: "0000d000-0000-4000-8000-0000000000a2")!, email: "mentor@mentore.test",
            name: "Arben Krasniqi", label: "mentor", language: "sq", mentor: true),
        .init(
            id: UUID(uuidString: "0000d000-0000-4000-8000-0000000000a3")!, email: "partner@mentore.test",
            name: "Elira Hoxha", label: "partner coordinator, Dora e Pajtimit", language: "sq"),
        .init(
            id: UUID(uuidString: "0000d000-0000-4000-8000-0000000000a4")!, email: "organizer@mentore.test",
            name: "Giulia Ferri", label: "organizer manager, Slow Mill", language: "it"),
        .init(
            id: UUID(uuidString: "0000d000-0000-4000-8000-0000000000a5")!, email: "door@mentore.test",
            name: "Marco Bianchi", label: "door staff, Slow Mill", language: "it"),
    ]

    struct DemoEvent {
        var id: UUID
        var venue: UUID
        var kind: EventKind
        var price: Money
        var languages: [Language]
        var texts: [Language: EventText]
        /// Sessions as (days from seeding, hour in the venue's time zone, hours long, capacity).
        var sessions: [(day: Int, hour: Int, hours: Int, capacity: Int)]
    }

    static let events: [DemoEvent] = [
        DemoEvent(
            id: UUID(uuidString: "0000d000-0000-4000-8000-000000000101")!, venue: millVenue, kind: .training,
            price: Money(minor: 4000, currency: .eur), languages: [.it, .sq],
            texts: [
                .it: .init(
                    title: "Web marketing per artigiani",
                    description:
                        "Come presentare e promuovere online i prodotti dell'artigianato: social network, fotografie, storie dei prodotti."
                ),
                .sq: .init(
                    title: "Marketing në internet për artizanët",
                    description:
                        "Si të prezantoni dhe promovoni në internet produktet artizanale: rrjetet sociale, fotografitë, historitë e produkteve."
                ),
                .en: .init(
                    title: "Web marketing for artisans",
                    description:
                        "How to present and promote craft products online: social networks, photography, product stories."
                ),
            ],
            sessions: [(7, 18, 3, 20), (14, 18, 3, 20)]),
        DemoEvent(
            id: UUID(uuidString: "0000d000-0000-4000-8000-000000000102")!, venue: millVenue, kind: .training,
            price: Money(minor: 3000, currency: .eur), languages: [.it, .sq, .en],
            texts: [
                .it: .init(
                    title: "Personal branding",
                    description:
                        "Costruire il proprio marchio personale come strumento di crescita della propria attività e di networking."
                ),
                .sq: .init(
                    title: "Markë personale",
                    description:
                        "Ndërtimi i markës personale si mjet për rritjen e veprimtarisë dhe për krijimin e rrjeteve."),
                .en: .init(
                    title: "Personal branding",
                    description: "Building a personal brand as a way to grow your business and your network."),
            ],
            sessions: [(10, 10, 4, 15)]),
        DemoEvent(
            id: UUID(uuidString: "0000d000-0000-4000-8000-000000000103")!, venue: shkoderVenue, kind: .training,
            price: Money(minor: 2500, currency: .all), languages: [.sq],
            texts: [
                .it: .init(
                    title: "Vendere sulle piattaforme internazionali",
                    description:
                        "Le piattaforme di vendita internazionale più comuni per i prodotti artigianali, passo per passo."
                ),
                .sq: .init(
                    title: "Shitja në platformat ndërkombëtare",
                    description:
                        "Platformat më të zakonshme të shitjes ndërkombëtare për produktet artizanale, hap pas hapi."),
                .en: .init(
                    title: "Selling on international platforms",
                    description: "The most common international sales platforms for craft products, step by step."),
            ],
            sessions: [(12, 9, 6, 12)]),
        DemoEvent(
            id: UUID(uuidString: "0000d000-0000-4000-8000-000000000104")!, venue: millVenue, kind: .culture,
            price: Money(minor: 1000, currency: .eur), languages: [.it, .sq, .en],
            texts: [
                .it: .init(
                    title: "Mostra del tessile albanese",
                    description: "Tessuti, ricami e tappeti realizzati dalle artigiane di Scutari e dintorni."),
                .sq: .init(
                    title: "Ekspozita e tekstilit shqiptar",
                    description: "Pëlhura, qëndisma dhe qilima të punuara nga artizanet e Shkodrës dhe rrethinave."),
                .en: .init(
                    title: "Albanian textile exhibition",
                    description:
                        "Fabrics, embroidery and rugs made by women artisans from Shkodër and its surroundings."),
            ],
            sessions: [(5, 17, 3, 60), (6, 17, 3, 60)]),
        DemoEvent(
            id: UUID(uuidString: "0000d000-0000-4000-8000-000000000105")!, venue: millVenue, kind: .culture,
            price: Money(minor: 1500, currency: .eur), languages: [.it, .sq],
            texts: [
                .it: .init(
                    title: "Concerto di musica tradizionale albanese",
                    description: "Una serata di canti e strumenti della tradizione albanese a Slow Mill."),
                .sq: .init(
                    title: "Koncert i muzikës tradicionale shqiptare",
                    description: "Një mbrëmje me këngë dhe vegla të traditës shqiptare në Slow Mill."),
                .en: .init(
                    title: "Concert of traditional Albanian music",
                    description: "An evening of songs and instruments of the Albanian tradition at Slow Mill."),
            ],
            sessions: [(20, 21, 2, 80)]),
        DemoEvent(
            id: UUID(uuidString: "0000d000-0000-4000-8000-000000000106")!, venue: millVenue, kind: .education,
            price: Money(minor: 2000, currency: .eur), languages: [.it],
            texts: [
                .it: .init(
                    title: "Laboratorio di marketing territoriale per giovani",
                    description:
                        "Un percorso di formazione-intervento per giovani che vogliono promuovere il proprio territorio con gli strumenti digitali."
                ),
                .en: .init(
                    title: "Territorial marketing workshop for young people",
                    description:
                        "A learning-by-doing path for young people who want to promote their area with digital tools."),
            ],
            sessions: [(9, 15, 3, 10)]),
    ]

    /// Creates whatever is missing; returns how many records it created.
    @discardableResult
    static func seed(_ app: Application) async throws -> Int {
        let hash = try await Passwords.hash(password, app: app)
        let now = app.mentore.now()
        return try await app.db.transaction { db in
            var created = 0
            func ensure<M: Model>(_ model: M, id: M.IDValue) async throws where M.IDValue == UUID {
                if try await M.find(id, on: db) == nil {
                    try await model.create(on: db)
                    created += 1
                }
            }
            for user in users {
                try await ensure(
                    UserModel(
                        id: user.id, email: user.email, passwordHash: hash, displayName: user.name,
                        language: user.language, isAdmin: user.admin, isMentor: user.mentor), id: user.id)
            }
            try await ensure(
                OrganizerModel(
                    id: slowMill, slug: "slow-mill", name: "Slow Mill", city: "Milano",
                    description: "Centro culturale gestito dall'associazione italo-albanese Dora e Pajtimit.",
                    contactEmail: "organizer@mentore.test", status: .approved, applicantID: users[3].id), id: slowMill)
            try await ensure(
                PartnerModel(
                    id: dora, slug: "dora-e-pajtimit", name: "Dora e Pajtimit", city: "Milano",
                    description: "Associazione italo-albanese."), id: dora)
            try await ensure(
                PartnerModel(
                    id: iparticipate, slug: "iparticipate", name: "IParticipate", city: "Shkodër",
                    description: "Associazione di partecipazione civica."), id: iparticipate)
            try await ensure(
                PartnerModel(
                    id: icse, slug: "icse-co", name: "Icse&Co", city: "Firenze",
                    description: "Associazione per la cooperazione."), id: icse)
            if try await OrganizerMemberModel.query(on: db).filter(\.$organizer.$id == slowMill).count() == 0 {
                try await OrganizerMemberModel(organizerID: slowMill, userID: users[3].id, role: .manager).create(
                    on: db)
                try await OrganizerMemberModel(organizerID: slowMill, userID: users[4].id, role: .door).create(on: db)
                created += 2
            }
            if try await PartnerMemberModel.query(on: db).filter(\.$partner.$id == dora).count() == 0 {
                try await PartnerMemberModel(partnerID: dora, userID: users[2].id).create(on: db)
                created += 1
            }
            // Directions in Italian (the original) and Albanian; English readers see the Italian
            // text with a "not yet translated" note until someone writes it.
            let mill = try VenueDraft(
                name: "Slow Mill", address: "Via Volturno 32", city: "Milano", country: "IT", timeZone: "Europe/Rome",
                directions: [
                    .it:
                        "Metro M5 Isola o M2 Garibaldi, poi cinque minuti a piedi. Ingresso senza gradini dal cortile.",
                    .sq: "Metro M5 Isola ose M2 Garibaldi, pastaj pesë minuta në këmbë. Hyrja pa shkallë nga oborri.",
                ])
            if try await VenueModel.find(millVenue, on: db) == nil {
                try await ensure(VenueModel(id: millVenue, organizerID: slowMill, draft: mill), id: millVenue)
                for (language, directions) in mill.directions {
                    try await VenueTextModel(
                        venueID: millVenue, language: language, directions: directions,
                        origin: language == .sq ? .machine : .human
                    ).create(on: db)
                }
            }
            let shkoder = try VenueDraft(
                name: "Laboratori tekstil Artisan OnLine", address: "Rruga Kolë Idromeno", city: "Shkodër",
                country: "AL", timeZone: "Europe/Tirane")
            try await ensure(VenueModel(id: shkoderVenue, organizerID: slowMill, draft: shkoder), id: shkoderVenue)
            for event in events {
                guard try await EventModel.find(event.id, on: db) == nil else { continue }
                let draft = try EventDraft(
                    kind: event.kind.rawValue, price: event.price.decimalString,
                    currency: event.price.currency.rawValue,
                    languages: event.languages.map(\.rawValue),
                    texts: event.texts.mapValues { ($0.title, $0.description) })
                try await EventModel(
                    id: event.id, organizerID: slowMill, venueID: event.venue, draft: draft, published: true
                ).create(on: db)
                for (language, text) in draft.texts {
                    try await EventTextModel(eventID: event.id, language: language, text: text).create(on: db)
                }
                let zone = TimeZone(identifier: event.venue == millVenue ? "Europe/Rome" : "Europe/Tirane")!
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                for session in event.sessions {
                    let day = calendar.startOfDay(for: now.addingTimeInterval(Double(session.day) * 86400))
                    let start = calendar.date(byAdding: .hour, value: session.hour, to: day)!
                    let draft = try SessionDraft(
                        starts: SessionDraft.formatLocal(start, timeZone: zone),
                        ends: SessionDraft.formatLocal(
                            start.addingTimeInterval(Double(session.hours) * 3600), timeZone: zone),
                        capacity: String(session.capacity), timeZone: zone)
                    try await EventSessionModel(eventID: event.id, draft: draft).create(on: db)
                }
                created += 1
            }
            created += try await seedCircuit(app, on: db)
            created += try await seedFunding(app, on: db)
            return created
        }
    }

    static let demoCircuit = UUID(uuidString: "0000d000-0000-4000-8000-000000000301")!

    /// "From craft to market": the exhibition of Albanian textiles, then web marketing, then
    /// personal branding, in order; published as version 1.
    static func seedCircuit(_ app: Application, on db: any Database) async throws -> Int {
        guard try await CircuitModel.find(demoCircuit, on: db) == nil else { return 0 }
        let circuit = CircuitModel(id: demoCircuit, stepOrder: .strict, completionCount: nil, originalLanguage: "it")
        try await circuit.create(on: db)
        let texts: [(String, String, String)] = [
            (
                "it", "Dal filo al mercato",
                "Dalla tradizione tessile di Scutari alla vendita online: una mostra, un corso di web marketing e uno di personal branding, uno dopo l'altro."
            ),
            (
                "sq", "Nga peri te tregu",
                "Nga tradita e tekstilit të Shkodrës te shitja në internet: një ekspozitë, një kurs marketingu në internet dhe një për markën personale, njëri pas tjetrit."
            ),
            (
                "en", "From craft to market",
                "From Shkodër's textile tradition to selling online: an exhibition, a web-marketing course and a personal-branding session, one after the other."
            ),
        ]
        for (language, title, description) in texts {
            try await CircuitTextModel(
                circuitID: demoCircuit, language: language, title: title, description: description, origin: .human
            ).create(on: db)
        }
        for (index, event) in [events[3].id, events[0].id, events[1].id].enumerated() {
            let step = CircuitStepModel(
                id: UUID(uuidString: "0000d000-0000-4000-8000-00000000031\(index + 1)")!, circuitID: demoCircuit,
                position: index + 1)
            try await step.create(on: db)
            try await CircuitStepEventModel(stepID: step.requireID(), eventID: event).create(on: db)
        }
        try await Circuits.publish(demoCircuit, app: app, on: db) { version, db in
            try await Audit.recordCommand("publish", "circuit", demoCircuit, detail: "\(version)", app: app, on: db)
        }
        return 1
    }

    static let generalFund = UUID(uuidString: "0000d000-0000-4000-8000-000000000201")!
    static let webMarketingFund = UUID(uuidString: "0000d000-0000-4000-8000-000000000202")!
    static let doraFund = UUID(uuidString: "0000d000-0000-4000-8000-000000000203")!
    static let circuitFund = UUID(uuidString: "0000d000-0000-4000-8000-000000000204")!

    /// Three funds (general, one event's places, one partner's) and two paid demo
    /// contributions, so that fund pages, vouchers and the ledger have something real to show.
    static func seedFunding(_ app: Application, on db: any Database) async throws -> Int {
        var created = 0
        let funds: [(UUID, FundScope, UUID?, Int?, [Language: (String, String)])] = [
            (
                generalFund, .general, nil, 4000,
                [
                    .it: (
                        "Fondo Mentore", "Paga i posti di chi non potrebbe permetterseli, in qualsiasi corso o evento."
                    ),
                    .sq: (
                        "Fondi Mentore", "Paguan vendet e atyre që nuk do t'i përballonin dot, në çdo kurs ose ngjarje."
                    ),
                    .en: (
                        "Mentore Fund",
                        "Pays for the places of people who could not afford them, at any course or event."
                    ),
                ]
            ),
            (
                webMarketingFund, .event, events[0].id, nil,
                [
                    .it: ("Posti per il web marketing", "Posti al corso di web marketing per artigiane di Scutari."),
                    .sq: (
                        "Vende për marketingun në internet",
                        "Vende në kursin e marketingut në internet për artizanet e Shkodrës."
                    ),
                ]
            ),
            (
                circuitFund, .circuit, demoCircuit, nil,
                [
                    .it: (
                        "Posti nel percorso Dal filo al mercato",
                        "Un posto è l'intero percorso: mostra, web marketing e personal branding, per un'artigiana di Scutari."
                    ),
                    .sq: (
                        "Vende në rrugëtimin Nga peri te tregu",
                        "Një vend është i gjithë rrugëtimi: ekspozita, marketingu në internet dhe marka personale, për një artizane të Shkodrës."
                    ),
                    .en: (
                        "Places in the circuit From craft to market",
                        "One place is the whole path: exhibition, web marketing and personal branding, for a woman artisan from Shkodër."
                    ),
                ]
            ),
            (
                doraFund, .partner, dora, 4000,
                [
                    .it: (
                        "Fondo Dora e Pajtimit",
                        "Voucher che Dora e Pajtimit assegna ai giovani e alle famiglie che segue."
                    ),
                    .sq: (
                        "Fondi Dora e Pajtimit", "Vauçerë që Dora e Pajtimit u jep të rinjve dhe familjeve që ndjek."
                    ),
                ]
            ),
        ]
        for (id, scope, scopeID, face, texts) in funds where try await FundModel.find(id, on: db) == nil {
            let fund = FundModel(
                id: id, currency: .eur, scope: scope, scopeID: scopeID, isPublic: true, isOpen: true,
                originalLanguage: "it")
            fund.faceValueMinor = face
            try await fund.create(on: db)
            for (language, text) in texts {
                try await FundTextModel(
                    fundID: id, language: language.rawValue, name: text.0, purpose: text.1, origin: .human
                ).create(on: db)
            }
            created += 1
        }
        let mentor = users[1].id
        let euro = { (minor: Int) in Money(minor: minor, currency: .eur) }
        let gifts: [(String, UUID, ContributionDraft)] = [
            (
                "demo-seed-places-web-marketing", webMarketingFund,
                try ContributionDraft(
                    kind: "places", places: "3", amount: nil, currencyCode: "EUR", anonymous: false,
                    dedication: "Per le artigiane di Scutari", unusedRule: "reallocate", unitPrice: events[0].price,
                    currency: .eur, ceiling: euro(1_000_000))
            ),
            (
                "demo-seed-amount-dora", doraFund,
                try ContributionDraft(
                    kind: "amount", places: nil, amount: "100", currencyCode: "EUR", anonymous: true,
                    dedication: nil, unusedRule: "return_to_fund", unitPrice: nil, currency: .eur,
                    ceiling: euro(1_000_000))
            ),
        ]
        for (key, fundID, draft) in gifts {
            guard
                try await ContributionModel.query(on: db).filter(\.$mentor.$id == mentor)
                    .filter(\.$idempotencyKey == key).first() == nil,
                let fund = try await FundModel.find(fundID, on: db)
            else { continue }
            _ = try await Funding.contribute(
                draft, fund: fund, places: try await PlaceTarget.of(fund, on: db), mentorID: mentor, provider: "demo",
                idempotencyKey: key,
                language: "it", app: app, db: db, seeding: true)
            created += 1
        }
        // Dora e Pajtimit's waiting list for the web-marketing places: the first people to get
        // the value of an expired voucher whose mentor chose reallocation.
        let waiting = [
            ("Elira", "sq", "Vajza e një familjeje që ndjekim në Milano."),
            ("Marsela", "sq", "Artigiane e tekstilit, vjen nga Shkodra në qershor."),
        ]
        if try await WaitingEntryModel.query(on: db).filter(\.$partner.$id == dora).count() == 0 {
            let start = app.mentore.now()
            for (index, (name, language, note)) in waiting.enumerated() {
                let person = try NominationDraft(
                    name: name, email: nil, language: language, note: note, delivery: "print")
                try await WaitingEntryModel(
                    partnerID: dora, fundID: webMarketingFund, draft: person, addedBy: users[2].id,
                    at: start.addingTimeInterval(Double(index - waiting.count) * 60)
                ).create(on: db)
                created += 1
            }
        }
        return created
    }
}
