import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins create Funds and record the bank transfers that pay contributions.
enum AdminFundsController {
    // MARK: Funds

    @Sendable static func funds(req: Request) async throws -> Response {
        let funds = try await FundModel.query(on: req.db).with(\.$texts).sort(\.$createdAt, .descending).all()
        let rows = try funds.map { fund -> ListView.Row in
            let id = try fund.requireID()
            let text = FundPresenter.text(of: fund, for: req)
            return ListView.Row(
                cells: [
                    .data(text?.name ?? "—", lang: text?.language), .data(fund.currency.rawValue),
                    .text(req.t("fund-scope-\(fund.scope.rawValue)")),
                    .text(req.t(fund.isOpen ? "fund-state-open" : "fund-state-closed")),
                ],
                actions: [
                    .init(href: SiteRoute.adminFundEdit(.value(id)).path, label: req.t("action-edit")),
                    .init(href: SiteRoute.fund(.value(id)).path, label: req.t("action-view")),
                ])
        }
        let view = ListView(
            columns: [req.t("column-name"), req.t("column-currency"), req.t("column-scope"), req.t("column-status")],
            rows: rows, empty: req.t("admin-funds-empty"),
            links: [.init(href: SiteRoute.adminFundNew.path, label: req.t("admin-fund-new"))])
        return try await req.page("list", title: req.t("admin-funds-title"), view)
    }

    struct FundInput: TranslatedInput {
        var currency: String?
        var faceValue: String?
        var event: String?
        var partner: String?
        var circuit: String?
        var isPublic: String?
        var isOpen: String?
        var texts: [String: String]?
        var origins: [String: String]?
        var originalLanguage: String?
    }

    static func fundForm(_ req: Request, action: String, input: FundInput, errors: [String: String] = [:])
        async throws -> FormView
    {
        let events = try await EventModel.query(on: req.db).with(\.$texts).sort(\.$createdAt).all()
        let partners = try await PartnerModel.query(on: req.db).sort(\.$name).all()
        let circuits = try await CircuitModel.query(on: req.db).with(\.$texts).sort(\.$createdAt).all()
        let none = FormView.Option(value: "", label: req.t("option-none"), selected: false)
        var fields: [FormView.Field] = [
            .init(
                name: "currency", label: req.t("field-currency"), type: "select",
                options: Currency.allCases.map {
                    .init(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == (input.currency ?? "EUR"))
                }),
            .init(
                name: "faceValue", label: req.t("field-face-value"), type: "text", value: input.faceValue ?? "",
                hint: req.t("hint-face-value"), required: false),
            .init(
                name: "event", label: req.t("field-fund-event"), type: "select", required: false,
                options: [none]
                    + events.map {
                        .init(
                            value: $0.id!.uuidString, label: EventPresenter.text(of: $0, for: req)?.title ?? "",
                            selected: $0.id!.uuidString == input.event)
                    }),
            .init(
                name: "partner", label: req.t("field-fund-partner"), type: "select", required: false,
                options: [none]
                    + partners.map {
                        .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == input.partner)
                    }),
            .init(
                name: "circuit", label: req.t("field-fund-circuit"), type: "select", required: false,
                options: [none]
                    + circuits.map {
                        .init(
                            value: $0.id!.uuidString, label: AdminCircuitsController.title($0, req: req)?.title ?? "",
                            selected: $0.id!.uuidString == input.circuit)
                    }),
        ]
        fields += TranslatedForm.columns(
            req, original: input.originalLanguage, origins: input.origins ?? [:],
            missing: { (input.texts?["name-\($0)"] ?? "").isEmpty },
            fields: { code in
                [
                    .init(
                        name: "name-\(code)", label: req.t("field-fund-name"), type: "text",
                        value: input.texts?["name-\(code)"] ?? "", required: false, lang: code),
                    .init(
                        name: "purpose-\(code)", label: req.t("field-fund-purpose"), type: "textarea",
                        value: input.texts?["purpose-\(code)"] ?? "", required: false, lang: code),
                ]
            })
        fields += [
            .init(
                name: "isPublic", label: req.t("field-fund-public"), type: "checkbox",
                value: input.isPublic == nil ? "" : "1", required: false),
            .init(
                name: "isOpen", label: req.t("field-fund-open"), type: "checkbox",
                value: input.isOpen == nil ? "" : "1", required: false),
        ]
        var form = FormView(action: action, submit: req.t("action-save"), fields: fields)
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func saveFund(req: Request) async throws -> Response {
        let existing =
            try await req.parameters.get("fundID") == nil
            ? nil : FundModel.find(req.idParameter("fundID"), on: req.db).orNotFound()
        let action = existing.map { SiteRoute.adminFundEdit(.value($0.id!)).path } ?? SiteRoute.adminFundNew.path
        let title = req.t(existing == nil ? "admin-fund-new" : "admin-fund-edit-title")
        if req.method == .GET {
            let texts = try await existing?.$texts.get(on: req.db) ?? []
            var values: [String: String] = [:]
            for text in texts {
                values["name-\(text.language)"] = text.name
                values["purpose-\(text.language)"] = text.purpose
            }
            let input = FundInput(
                currency: existing?.currency.rawValue,
                faceValue: existing?.faceValueMinor.map {
                    Money(minor: $0, currency: existing!.currency).decimalString
                }, event: existing?.scope == .event ? existing?.scopeID?.uuidString : nil,
                partner: existing?.scope == .partner ? existing?.scopeID?.uuidString : nil,
                circuit: existing?.scope == .circuit ? existing?.scopeID?.uuidString : nil,
                isPublic: existing.map { $0.isPublic ? "1" : nil } ?? "1",
                isOpen: existing.map { $0.isOpen ? "1" : nil } ?? "1", texts: values,
                origins: Dictionary(texts.map { ($0.language, $0.origin.rawValue) }) { first, _ in first },
                originalLanguage: existing?.originalLanguage)
            return try await req.page("form", title: title, fundForm(req, action: action, input: input))
        }
        let input = try TranslatedForm.decode(FundInput.self, req, parts: ["name", "purpose"])
        do {
            var problems: [DomainError] = []
            var draft: FundDraft?
            do {
                draft = try FundDraft(
                    currency: input.currency, faceValue: input.faceValue,
                    texts: Dictionary(
                        uniqueKeysWithValues: Language.allCases.map {
                            ($0, (input.texts?["name-\($0.rawValue)"], input.texts?["purpose-\($0.rawValue)"]))
                        }), originalLanguage: input.originalLanguage)
            } catch { problems = error.errors }
            let eventID = input.event.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
            let partnerID = input.partner.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
            if !(input.event ?? "").isEmpty, eventID == nil {
                problems.append(DomainError(.invalidValue, field: "event"))
            }
            let circuitID = input.circuit.flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) }
            // One earmark at most: an event, a partner or a circuit.
            if [eventID, partnerID, circuitID].compactMap({ $0 }).count > 1 {
                problems.append(DomainError(.invalidValue, field: partnerID != nil ? "partner" : "circuit"))
            }
            if !(input.circuit ?? "").isEmpty,
                try await circuitID.asyncMap({ try await CircuitModel.find($0, on: req.db) }) ?? nil == nil
            {
                problems.append(DomainError(.invalidValue, field: "circuit"))
            } else if let circuitID, let draft,
                let version = try await Circuits.currentVersion(circuitID, on: req.db),
                version.currency != draft.currency
            {
                problems.append(DomainError(.currencyMismatch, field: "currency"))
            }
            if let eventID, let event = try await EventModel.find(eventID, on: req.db) {
                if let draft, event.currency != draft.currency {
                    problems.append(DomainError(.currencyMismatch, field: "currency"))
                }
            } else if eventID != nil {
                problems.append(DomainError(.invalidValue, field: "event"))
            }
            if let partnerID, try await PartnerModel.find(partnerID, on: req.db) == nil {
                problems.append(DomainError(.invalidValue, field: "partner"))
            }
            if let existing, let draft, existing.currency != draft.currency,
                try await ContributionModel.query(on: req.db).filter(\.$fund.$id == existing.requireID()).count() > 0
            {
                // Money already given in one currency never changes currency.
                problems.append(DomainError(.currencyMismatch, field: "currency"))
            }
            guard let draft, problems.isEmpty else { throw ValidationErrors(problems) }
            let fund =
                existing
                ?? FundModel(
                    currency: draft.currency, scope: .general, scopeID: nil, isPublic: true, isOpen: true,
                    originalLanguage: draft.originalLanguage.rawValue)
            fund.currency = draft.currency
            fund.faceValueMinor = draft.faceValue?.minor
            fund.scope = eventID != nil ? .event : partnerID != nil ? .partner : circuitID != nil ? .circuit : .general
            fund.scopeID = eventID ?? partnerID ?? circuitID
            fund.isPublic = input.isPublic == "1"
            fund.isOpen = input.isOpen == "1"
            fund.originalLanguage = draft.originalLanguage.rawValue
            let origins = input.origins ?? [:]
            fund.id = fund.id ?? UUID()
            let fundID = try fund.requireID()
            let texts = draft.texts.map { language, text in
                FundTextModel(
                    fundID: fundID, language: language.rawValue, name: text.name, purpose: text.purpose,
                    origin: origins[language.rawValue].flatMap(TextOrigin.init(rawValue:)) ?? .human)
            }
            try await FundStore.save(
                fund, texts: texts,
                record: .init(
                    audit: Audit.event(
                        req, existing == nil ? "create" : "edit", "fund", fundID,
                        detail: draft.texts[draft.originalLanguage]?.name ?? "")),
                on: req.db)
            return req.redirect(to: SiteRoute.adminFunds.path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title, fundForm(req, action: action, input: input, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }

    // MARK: Contributions

    @Sendable static func contributions(req: Request) async throws -> Response {
        let contributions = try await ContributionModel.query(on: req.db).with(\.$mentor)
            .sort(\.$number, .descending).range(..<200).all()
        // Refunds owed by the mentor's rule that no provider can send by itself (bank transfers).
        var owed: [UUID: Int] = [:]
        for c in contributions where c.unusedRule == .refund && c.status == .paid {
            let amount = try await Refunds.owedByRule(c, on: req.db)
            if amount > 0 { owed[try c.requireID()] = amount }
        }
        let rows = try contributions.map { c -> ListView.Row in
            let id = try c.requireID()
            var actions: [ListView.Action] = [
                .init(href: SiteRoute.contribution(.value(id)).path, label: req.t("action-view"))
            ]
            if c.status == .pending && c.provider == "bank-transfer" {
                actions.append(
                    .init(
                        href: SiteRoute.adminContributionTransfer(.value(id)).path,
                        label: req.t("action-record-transfer")))
            }
            if c.status == .paid || c.status == .refunded {
                actions.append(
                    .init(href: SiteRoute.adminContributionVouchers(.value(id)).path, label: req.t("action-vouchers")))
            }
            if c.status == .paid {
                actions.append(
                    .init(href: SiteRoute.adminContributionRefund(.value(id)).path, label: req.t("action-refund")))
            }
            return ListView.Row(
                cells: [
                    .data(c.paymentReference), .data(c.mentor.email),
                    .data(FundsController.money(req, c.amountMinor, c.currency)),
                    .text(req.t("provider-\(c.provider)")),
                    .text(
                        owed[id].map {
                            req.t(
                                "contribution-refund-owed",
                                ["amount": .string(FundsController.money(req, $0, c.currency))])
                        } ?? req.t("contribution-status-\(c.status.rawValue)")),
                ], actions: actions)
        }
        let view = ListView(
            columns: [
                req.t("bank-reference"), req.t("column-mentor"), req.t("column-amount"), req.t("column-provider"),
                req.t("column-status"),
            ], rows: rows, empty: req.t("admin-contributions-empty"))
        return try await req.page("list", title: req.t("admin-contributions-title"), view)
    }

    @Sendable static func transfer(req: Request) async throws -> Response {
        let id = try req.idParameter("contributionID")
        guard let contribution = try await ContributionModel.find(id, on: req.db) else {
            throw DomainError(.notFound)
        }
        struct Input: Content {
            var amount: String?
            var bankReference: String?
        }
        let input = req.method == .POST ? try req.content.decode(Input.self) : Input()
        var errors: [String: String] = [:]
        var notice: String?
        if req.method == .POST {
            do {
                let paid = try await Funding.recordTransfer(
                    contribution, amount: input.amount, bankReference: input.bankReference, app: req.application,
                    on: req.db)
                if paid {
                    try await Audit.record(
                        req, "record-transfer", "contribution", id, detail: contribution.paymentReference, on: req.db)
                }
                notice = req.t(paid ? "admin-transfer-recorded" : "admin-transfer-already")
            } catch let problems as ValidationErrors {
                errors = req.messages(for: problems)
            } catch let error as DomainError where error.code == .conflict {
                errors = req.messages(for: ValidationErrors([error]))
            }
        }
        let amount = FundsController.money(req, contribution.amountMinor, contribution.currency)
        var form = FormView(
            action: SiteRoute.adminContributionTransfer(.value(id)).path, submit: req.t("action-record-transfer"),
            fields: notice == nil
                ? [
                    .init(
                        name: "amount",
                        label: req.t("field-received-amount", ["currency": .string(contribution.currency.rawValue)]),
                        type: "text", value: input.amount ?? ""),
                    .init(
                        name: "bankReference", label: req.t("field-bank-reference"), type: "text",
                        value: input.bankReference ?? ""),
                ] : [],
            intro: req.t(
                "admin-transfer-intro",
                ["reference": .string(contribution.paymentReference), "amount": .string(amount)]))
        form.notice = notice
        form.links = [.init(href: SiteRoute.adminContributions.path, label: req.t("admin-contributions-title"))]
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return try await req.page(
            "form", title: req.t("admin-transfer-title"), form, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
