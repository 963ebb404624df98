import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The public pages of circuits: the list, and one circuit as a timeline of its steps, with
/// what a place is worth and the way to sponsor places.
enum CircuitsController {
    @Sendable static func list(req: Request) async throws -> Response {
        let circuits = try await CircuitModel.query(on: req.db).filter(\.$status == .published).with(\.$texts)
            .sort(\.$createdAt).all()
        let links = try circuits.map { circuit in
            let text = AdminCircuitsController.title(circuit, req: req)
            return Page<ListView>.Link(
                href: SiteRoute.circuit(.value(try circuit.requireID())).path, label: text?.title ?? "",
                lang: text?.language == req.language ? nil : text?.language)
        }
        struct View: Encodable {
            var intro: String
            var funds: [Page<ListView>.Link]?
            var empty: String
        }
        // The funds list's template: an introduction and links.
        return try await req.page(
            "funds", title: req.t("circuits-title"),
            View(intro: req.t("circuits-intro"), funds: links.isEmpty ? nil : links, empty: req.t("circuits-empty")))
    }

    struct StepView: Encodable {
        var position: Int
        var label: String
        var choice: String?
        var options: [EventPresenter.Card]
    }

    struct View: Encodable {
        var text: EventPresenter.Shown
        var facts: [Fact]
        var steps: [StepView]
        var sponsor: Page<View>.Link?
        var sponsorLater: String?
    }

    struct Fact: Encodable {
        var label: String
        var value: String
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("circuitID").flatMap(UUID.init(uuidString:)),
            let circuit = try await CircuitModel.query(on: req.db).filter(\.$id == id).filter(\.$status == .published)
                .with(\.$texts).first(),
            let version = try await Circuits.currentVersion(id, on: req.db)
        else { throw DomainError(.notFound) }
        let plan = try version.plan
        let text = AdminCircuitsController.title(circuit, req: req)
        let eventIDs = plan.steps.flatMap { $0.options.map(\.event) }
        let events = try await EventModel.query(on: req.db).filter(\.$id ~~ eventIDs)
            .with(\.$venue).with(\.$texts).with(\.$sessions).all()
        let now = req.now
        let steps = try plan.steps.enumerated().map { index, step in
            StepView(
                position: index + 1, label: req.t("circuit-step", ["position": .integer(index + 1)]),
                choice: step.options.count > 1 ? req.t("circuit-step-choice") : nil,
                options: try step.options.compactMap { option in
                    try events.first { $0.id == option.event }.map { try EventPresenter.card($0, req: req, now: now) }
                })
        }
        let value = FundsController.money(req, version.valueMinor, version.currency)
        // A circuit voucher names the version it was issued for (its plan never changes).
        let versions = try await CircuitVersionModel.query(on: req.db).filter(\.$circuit.$id == id).all()
            .compactMap(\.id)
        let funded = try await VoucherModel.query(on: req.db).filter(\.$scope == .circuit)
            .filter(\.$scopeID ~~ versions).count()
        var facts = [
            Fact(label: req.t("circuit-value"), value: value),
            Fact(label: req.t("circuit-funded"), value: req.t("circuit-places", ["count": .integer(funded)])),
            Fact(label: req.t("field-circuit-order"), value: req.t("circuit-order-\(plan.order.rawValue)")),
            Fact(
                label: req.t("field-circuit-completion"),
                value: req.t(
                    "circuit-completion",
                    ["required": .integer(plan.required), "count": .integer(plan.steps.count)])),
        ]
        if let until = circuit.validUntil {
            facts.append(
                Fact(label: req.t("field-circuit-valid-until"), value: Formatting.platform(req.language).date(until)))
        }
        let fund = try await FundModel.query(on: req.db).filter(\.$scope == .circuit).filter(\.$scopeID == id)
            .filter(\.$isOpen == true).first()
        let shown = EventPresenter.shown(
            text?.description ?? "", in: text?.language ?? req.language, origin: text?.origin ?? .human, req: req)
        return try await req.page(
            "circuit", title: text?.title ?? "", titleLang: shown.lang,
            View(
                text: shown, facts: facts, steps: steps,
                sponsor: try fund.map {
                    .init(href: SiteRoute.fund(.value(try $0.requireID())).path, label: req.t("circuit-sponsor"))
                },
                sponsorLater: fund == nil ? req.t("circuit-sponsor-later") : nil))
    }
}
