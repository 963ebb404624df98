import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Admins compose circuits: settings and texts, then steps in order (up and down without
/// JavaScript), each offering one or more events; publishing freezes a version.
enum AdminCircuitsController {
    struct Input: TranslatedInput {
        var order: String?
        var completionCount: String?
        var validFrom: String?
        var validUntil: String?
        var texts: [String: String]?
        var origins: [String: String]?
        var originalLanguage: String?
    }

    static func circuit(_ req: Request) async throws -> CircuitModel {
        try await CircuitModel.query(on: req.db).filter(\.$id == req.idParameter("circuitID"))
            .with(\.$texts).first().orNotFound()
    }

    /// A circuit's title in the reader's language, or along the fallback chain.
    static func title(_ circuit: CircuitModel, req: Request) -> CircuitTextModel? {
        EventPresenter.pick(
            circuit.$texts.value ?? [], language: \.language, for: req.language,
            fallbacks: EventPresenter.fallbacks(req))
    }

    static func day(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601.year().month().day()) } ?? ""
    }

    static func form(_ req: Request, action: String, input: Input, errors: [String: String] = [:]) -> FormView {
        var fields: [FormView.Field] = [
            .init(
                name: "order", label: req.t("field-circuit-order"), type: "select",
                options: StepOrder.allCases.map {
                    .init(
                        value: $0.rawValue, label: req.t("circuit-order-\($0.rawValue)"),
                        selected: $0.rawValue == (input.order ?? "strict"))
                }),
            .init(
                name: "completionCount", label: req.t("field-circuit-completion"), type: "number",
                value: input.completionCount ?? "", hint: req.t("hint-circuit-completion"), required: false),
            .init(
                name: "validFrom", label: req.t("field-circuit-valid-from"), type: "date",
                value: input.validFrom ?? "", required: false),
            .init(
                name: "validUntil", label: req.t("field-circuit-valid-until"), type: "date",
                value: input.validUntil ?? "", required: false),
        ]
        fields += TranslatedForm.columns(
            req, original: input.originalLanguage, origins: input.origins ?? [:],
            missing: { (input.texts?["title-\($0)"] ?? "").isEmpty },
            fields: TranslatedForm.titleDescriptionFields(req, texts: input.texts))
        var form = FormView(action: action, submit: req.t("action-save"), fields: fields)
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let circuits = try await CircuitModel.query(on: req.db).with(\.$texts).sort(\.$createdAt).all()
        let rows = try circuits.map { circuit -> ListView.Row in
            let id = try circuit.requireID()
            let text = title(circuit, req: req)
            return ListView.Row(
                cells: [
                    .data(text?.title ?? "—", lang: text?.language),
                    .text(req.t("circuit-status-\(circuit.status.rawValue)")),
                    .data(circuit.currentVersion == 0 ? "—" : String(circuit.currentVersion)),
                ],
                actions: [
                    .init(href: SiteRoute.adminCircuitSteps(.value(id)).path, label: req.t("action-circuit-steps")),
                    .init(href: SiteRoute.adminCircuitEdit(.value(id)).path, label: req.t("action-edit")),
                    .init(href: SiteRoute.adminCircuitStats(.value(id)).path, label: req.t("action-circuit-stats")),
                ])
        }
        let view = ListView(
            intro: .text(req.t("admin-circuits-intro")),
            columns: [req.t("column-title"), req.t("column-status"), req.t("column-circuit-version")], rows: rows,
            empty: req.t("admin-circuits-empty"),
            links: [.init(href: SiteRoute.adminCircuitNew.path, label: req.t("admin-circuit-new"))])
        return try await req.page("list", title: req.t("admin-circuits-title"), view)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let existing = req.parameters.get("circuitID") == nil ? nil : try await circuit(req)
        let action = existing.map { SiteRoute.adminCircuitEdit(.value($0.id!)).path } ?? SiteRoute.adminCircuitNew.path
        let title = req.t(existing == nil ? "admin-circuit-new" : "admin-circuit-edit")
        if req.method == .GET {
            let (texts, origins) = TranslatedForm.stored(existing?.texts ?? [])
            let input = Input(
                order: existing?.stepOrder.rawValue, completionCount: existing?.completionCount.map(String.init),
                validFrom: day(existing?.validFrom), validUntil: day(existing?.validUntil), texts: texts,
                origins: origins, originalLanguage: existing?.originalLanguage)
            return try await req.page("form", title: title, form(req, action: action, input: input))
        }
        let input = try TranslatedForm.decode(Input.self, req)
        do {
            let draft = try CircuitDraft(
                texts: TranslatedForm.titlesAndDescriptions(input.texts),
                origins: TranslatedForm.originsByLanguage(input.origins),
                originalLanguage: input.originalLanguage, order: input.order, completionCount: input.completionCount,
                validFrom: input.validFrom, validUntil: input.validUntil)
            let circuit =
                existing
                ?? CircuitModel(
                    stepOrder: draft.order, completionCount: draft.completionCount,
                    originalLanguage: draft.originalLanguage.rawValue)
            circuit.id = circuit.id ?? UUID()
            circuit.stepOrder = draft.order
            circuit.completionCount = draft.completionCount
            circuit.validFrom = draft.validFrom
            circuit.validUntil = draft.validUntil
            circuit.originalLanguage = draft.originalLanguage.rawValue
            let id = try circuit.requireID()
            let texts = draft.texts.map { language, text in
                CircuitTextModel(
                    circuitID: id, language: language.rawValue, title: text.title, description: text.description,
                    origin: text.origin)
            }
            try await CatalogStore.save(
                circuit, texts: texts,
                record: .init(
                    audit: Audit.event(
                        req, existing == nil ? "create" : "edit", "circuit", id,
                        detail: draft.texts[draft.originalLanguage]?.title ?? "")),
                on: req.db)
            return req.redirect(to: SiteRoute.adminCircuitSteps(.value(id)).path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await req.page(
                "form", title: title, form(req, action: action, input: input, errors: req.messages(for: errors)),
                status: .unprocessableEntity)
        }
    }

    // MARK: Steps

    @Sendable static func steps(req: Request) async throws -> Response {
        try await renderSteps(req, circuit: try await circuit(req))
    }

    static func renderSteps(
        _ req: Request, circuit: CircuitModel, selected: [String] = [], errors: [String: String] = [:],
        notice: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let id = try circuit.requireID()
        let steps = try await CircuitStepModel.query(on: req.db).filter(\.$circuit.$id == id)
            .with(\.$events) { $0.with(\.$event) { $0.with(\.$texts) } }.sort(\.$position).all()
        let plan = try await Circuits.draftPlan(circuit, on: req.db)
        let rows = try steps.map { step -> ListView.Row in
            let stepID = try step.requireID()
            let titles = step.events.map { EventPresenter.text(of: $0.event, for: req)?.title ?? "—" }.sorted()
            let price = plan.steps.first { $0.id == stepID }?.price
            return ListView.Row(
                cells: [
                    .data(String(step.position)), .data(titles.joined(separator: " · ")),
                    .data(price.map { FundsController.money(req, $0.minor, $0.currency) } ?? "—"),
                ],
                actions: ["up", "down", "remove"].map { move in
                    .init(
                        href: SiteRoute.adminCircuitStep(.value(id), step: .value(stepID), move: .value(move)).path,
                        label: req.t("action-step-\(move)", ["position": .integer(step.position)]), method: "post")
                }, key: stepID.uuidString.lowercased())
        }
        let events = try await EventModel.query(on: req.db).with(\.$texts).sort(\.$createdAt).all()
        var form = FormView(
            action: SiteRoute.adminCircuitSteps(.value(id)).path, submit: req.t("action-add-step"),
            fields: [
                .init(
                    name: "events", label: req.t("field-step-events"), type: "checkboxes",
                    options: events.map { event in
                        let text = EventPresenter.text(of: event, for: req)
                        return .init(
                            value: event.id!.uuidString.lowercased(),
                            label: (text?.title ?? "—") + " — "
                                + FundsController.money(req, event.priceMinor, event.currency),
                            selected: selected.contains(event.id!.uuidString.lowercased()), data: true)
                    })
            ], intro: req.t("admin-circuit-step-hint"))
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        let value = plan.valuePerPlace.map { FundsController.money(req, $0.minor, $0.currency) }
        var links: [ListView.Action] = [
            .init(href: SiteRoute.adminCircuitEdit(.value(id)).path, label: req.t("admin-circuit-edit")),
            .init(
                href: SiteRoute.adminCircuitPublish(.value(id), action: .value("publish")).path,
                label: req.t("action-publish"), method: "post"),
        ]
        if circuit.status == .published {
            links.append(
                .init(
                    href: SiteRoute.adminCircuitPublish(.value(id), action: .value("unpublish")).path,
                    label: req.t("action-unpublish"), method: "post"))
            links.append(.init(href: SiteRoute.circuit(.value(id)).path, label: req.t("action-view")))
        }
        links.append(.init(href: SiteRoute.adminCircuitStats(.value(id)).path, label: req.t("action-circuit-stats")))
        let heading = title(circuit, req: req)?.title ?? ""
        let view = ListView(
            intro: .text(
                req.t(
                    "admin-circuit-steps-intro",
                    [
                        "title": .string(heading), "value": .string(value ?? "—"),
                        "status": .string(req.t("circuit-status-\(circuit.status.rawValue)")),
                    ])),
            columns: [req.t("column-step"), req.t("column-step-events"), req.t("column-step-price")], rows: rows,
            empty: req.t("admin-circuit-no-steps"), links: links, notice: notice, form: form,
            reorder: steps.count > 1
                ? .init(
                    action: SiteRoute.adminCircuitStepsOrder(.value(id)).path, hint: req.t("admin-steps-drag-hint"))
                : nil)
        return try await req.page("list", title: req.t("admin-circuit-steps-title"), view, status: status)
    }

    @Sendable static func addStep(req: Request) async throws -> Response {
        let circuit = try await circuit(req)
        struct StepInput: Content { var events: [String]? }
        let selected = (try req.content.decode(StepInput.self).events ?? []).map { $0.lowercased() }
        do {
            let ids = try selected.map { raw in
                guard let id = UUID(uuidString: raw) else { throw DomainError(.invalidValue, field: "events") }
                return id
            }
            let step = try await Circuits.addStep(try circuit.requireID(), events: ids, on: req.db)
            return try await renderSteps(
                req, circuit: circuit, notice: req.t("admin-step-added", ["position": .integer(step.position)]))
        } catch let error as DomainError where error.field == "events" {
            return try await renderSteps(
                req, circuit: circuit, selected: selected, errors: req.messages(for: ValidationErrors([error])),
                status: .unprocessableEntity)
        }
    }

    @Sendable static func moveStep(req: Request) async throws -> Response {
        let circuit = try await circuit(req)
        let circuitID = try circuit.requireID()
        let stepID = try req.idParameter("stepID")
        switch req.parameters.get("move") {
        case "up": try await Circuits.moveStep(stepID, circuitID: circuitID, by: -1, on: req.db)
        case "down": try await Circuits.moveStep(stepID, circuitID: circuitID, by: 1, on: req.db)
        case "remove": try await Circuits.removeStep(stepID, circuitID: circuitID, on: req.db)
        default: throw DomainError(.notFound)
        }
        return try await renderSteps(req, circuit: circuit, notice: req.t("admin-steps-saved"))
    }

    /// Drag and drop's answer: the steps in their new order (`order`, step ids separated by
    /// commas). Anything but the circuit's own steps, each once, is refused and changes nothing.
    @Sendable static func reorder(req: Request) async throws -> Response {
        let circuit = try await circuit(req)
        struct OrderInput: Content { var order: String? }
        let raw = try req.content.decode(OrderInput.self).order ?? ""
        do {
            let ids = try raw.split(separator: ",").map { part in
                guard let id = UUID(uuidString: part.trimmingCharacters(in: .whitespaces)) else {
                    throw DomainError(.invalidValue, field: "order")
                }
                return id
            }
            try await Circuits.reorderSteps(try circuit.requireID(), order: ids, on: req.db)
            return try await renderSteps(req, circuit: circuit, notice: req.t("admin-steps-saved"))
        } catch let error as DomainError where error.field == "order" {
            return try await renderSteps(
                req, circuit: circuit, notice: req.t("admin-steps-order-invalid"), status: .unprocessableEntity)
        }
    }

    /// Per circuit: enrolled, reserved and attended per step, completion rate, drop-off.
    @Sendable static func stats(req: Request) async throws -> Response {
        let circuit = try await circuit(req)
        let id = try circuit.requireID()
        let (plan, funnel) = try await Circuits.funnel(circuit, on: req.db)
        let events = try await EventModel.query(on: req.db).filter(
            \.$id ~~ Set(plan.steps.flatMap { $0.options.map(\.event) })
        )
        .with(\.$texts).all()
        let percent = { (share: Double?) -> String in
            var options = NumberOptions()
            options.style = .percent
            return share.map { req.t("stats-share", ["value": .number(FluentNumber($0, options: options))]) } ?? "—"
        }
        let rows = plan.steps.enumerated().map { index, step -> ListView.Row in
            let titles = step.options.compactMap { option in events.first { $0.id == option.event } }
                .map { EventPresenter.text(of: $0, for: req)?.title ?? "—" }.sorted()
            let counts = funnel.steps[index]
            return ListView.Row(cells: [
                .data(String(index + 1)), .data(titles.joined(separator: " · ")), .data(String(counts.reserved)),
                .data(String(counts.attended)), .data(percent(funnel.dropOff(at: index))),
            ])
        }
        let view = ListView(
            intro: .text(
                req.t(
                    "admin-circuit-stats-intro",
                    [
                        "title": .string(title(circuit, req: req)?.title ?? ""), "enrolled": .integer(funnel.enrolled),
                        "completed": .integer(funnel.completed), "rate": .string(percent(funnel.completionRate)),
                    ])),
            columns: [
                req.t("column-step"), req.t("column-step-events"), req.t("column-reserved"), req.t("column-attended"),
                req.t("column-drop-off"),
            ], rows: rows, empty: req.t("admin-circuit-no-steps"),
            links: [.init(href: SiteRoute.adminCircuitSteps(.value(id)).path, label: req.t("action-circuit-steps"))])
        return try await req.page("list", title: req.t("admin-circuit-stats-title"), view)
    }

    @Sendable static func publish(req: Request) async throws -> Response {
        let circuit = try await circuit(req)
        let id = try circuit.requireID()
        do {
            let notice: String
            switch req.parameters.get("action") {
            case "publish":
                let version = try await Circuits.publish(id, req: req)
                notice = req.t("admin-circuit-published", ["version": .integer(version)])
            case "unpublish":
                try await Circuits.unpublish(id, req: req)
                notice = req.t("admin-circuit-unpublished")
            default: throw DomainError(.notFound)
            }
            // Read again: the status (and the buttons it shows) changed.
            return try await renderSteps(req, circuit: try await Self.circuit(req), notice: notice)
        } catch let errors as ValidationErrors {
            return try await renderSteps(
                req, circuit: circuit,
                notice: errors.errors.map { problem in
                    let step = problem.field.flatMap { $0.hasPrefix("step-") ? String($0.dropFirst(5)) : nil }
                    let message = req.t("error-\(problem.code.rawValue)")
                    return step.map {
                        req.t("admin-step-problem", ["position": .string($0), "problem": .string(message)])
                    }
                        ?? message
                }.joined(separator: " "), status: .unprocessableEntity)
        }
    }
}
