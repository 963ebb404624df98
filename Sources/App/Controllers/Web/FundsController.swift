import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// Public fund pages, the contribution form, and a mentor's view of one contribution.
enum FundsController {
    static func money(_ req: Request, _ minor: Int, _ currency: Currency) -> String {
        Formatting(language: req.language, timeZone: .gmt).money(
            minor: minor, currency: currency.rawValue, minorUnits: currency.minorUnits)
    }

    static func fund(_ req: Request) async throws -> FundModel {
        guard let id = req.parameters.get("fundID").flatMap(UUID.init(uuidString:)),
            let fund = try await FundModel.query(on: req.db).filter(\.$id == id).with(\.$texts).first()
        else { throw DomainError(.notFound) }
        return fund
    }

    // MARK: Pages

    @Sendable static func list(req: Request) async throws -> Response {
        let funds = try await FundModel.query(on: req.db).filter(\.$isOpen == true).with(\.$texts).sort(\.$createdAt)
            .all()
        struct View: Encodable {
            var intro: String
            var funds: [Page<View>.Link]?
            var empty: String
        }
        let links = try funds.map { fund in
            let text = FundPresenter.text(of: fund, for: req)
            return Page<View>.Link(
                href: SiteRoute.fund(.value(try fund.requireID())).path, label: text?.name ?? "",
                lang: text?.language == req.language ? nil : text?.language)
        }
        return try await req.page(
            "funds", title: req.t("funds-title"),
            View(intro: req.t("funds-intro"), funds: links.isEmpty ? nil : links, empty: req.t("funds-empty")))
    }

    struct ContributionInput: Content {
        var kind: String?
        var places: String?
        var amount: String?
        var currency: String?
        var anonymous: String?
        var dedication: String?
        var unusedRule: String?
        var provider: String?
        var idempotencyKey: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let fund = try await fund(req)
        return try await render(req, fund: fund, input: ContributionInput())
    }

    @Sendable static func contribute(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fund = try await fund(req)
        let input = try req.content.decode(ContributionInput.self)
        let target = try await PlaceTarget.of(fund, on: req.db)
        do {
            let (contribution, paymentPage) = try await Funding.submit(
                .init(
                    kind: input.kind ?? (target == nil ? "amount" : nil), places: input.places, amount: input.amount,
                    currency: input.currency, anonymous: input.anonymous == "1", dedication: input.dedication,
                    unusedRule: input.unusedRule, provider: input.provider, idempotencyKey: input.idempotencyKey),
                fund: fund, places: target, user: user, req: req)
            if let paymentPage {
                // To the provider's payment page; its webhook marks the contribution paid, not the return.
                return req.redirect(to: paymentPage, redirectType: .normal)
            }
            return req.redirect(
                to: SiteRoute.contribution(.value(try contribution.requireID())).path, redirectType: .normal)
        } catch let errors as ValidationErrors {
            return try await render(req, fund: fund, input: input, errors: req.messages(for: errors))
        } catch let error as DomainError where error.code != .notFound {
            return try await render(
                req, fund: fund, input: input, errors: req.messages(for: ValidationErrors([error])),
                status: LocalizedErrorMiddleware.status(for: error.code))
        }
    }

    struct FundView: Encodable {
        var name: String
        var purpose: String
        var textLang: String?
        var fallbackNote: String?
        var machineNote: String?
        var event: Page<FundView>.Link?
        var faceValue: String?
        var impact: [String]?
        var closed: String?
        var demoNote: String?
        var signIn: [Page<FundView>.Link]?
        var form: FormView?
    }

    static func render(
        _ req: Request, fund: FundModel, input: ContributionInput, errors: [String: String] = [:],
        status: HTTPStatus? = nil
    ) async throws -> Response {
        let text = FundPresenter.text(of: fund, for: req)
        let shownIn = text?.language ?? req.language
        let target = try await PlaceTarget.of(fund, on: req.db)
        let fundID = try fund.requireID()
        var view = FundView(
            name: text?.name ?? "", purpose: text?.purpose ?? "", textLang: shownIn == req.language ? nil : shownIn,
            fallbackNote: shownIn == req.language ? nil : req.t("content-not-translated", ["code": .string(shownIn)]),
            machineNote: text?.origin == .machine ? req.t("content-machine-translated") : nil,
            faceValue: fund.faceValueMinor.map { money(req, $0, fund.currency) })
        switch target {
        case .event(let event):
            let eventText = EventPresenter.text(of: event, for: req)
            view.event = .init(
                href: SiteRoute.event(.value(try event.requireID())).path, label: eventText?.title ?? "",
                lang: eventText?.language == req.language ? nil : eventText?.language)
        case .circuit(let version):
            if let circuit = try await CircuitModel.query(on: req.db).filter(\.$id == version.$circuit.id)
                .with(\.$texts).first()
            {
                let title = AdminCircuitsController.title(circuit, req: req)
                view.event = .init(
                    href: SiteRoute.circuit(.value(version.$circuit.id)).path, label: title?.title ?? "",
                    lang: title?.language == req.language ? nil : title?.language)
            }
        case nil: break
        }
        if fund.isPublic {
            let paid = try await ContributionModel.query(on: req.db).filter(\.$fund.$id == fundID)
                .filter(\.$status == .paid).all()
            let vouchers = try await VoucherModel.query(on: req.db).filter(\.$fund.$id == fundID).count()
            view.impact = [
                req.t("fund-impact-contributions", ["count": .integer(paid.count)]),
                req.t("fund-impact-vouchers", ["count": .integer(vouchers)]),
                req.t(
                    "fund-impact-raised",
                    ["amount": .string(money(req, paid.reduce(0) { $0 + $1.amountMinor }, fund.currency))]),
            ]
        }
        let providers = req.application.mentore.config.paymentProviders
        if providers.contains("demo") { view.demoNote = req.t("demo-mode-note") }
        if !fund.isOpen {
            view.closed = req.t("error-fund-closed")
        } else if req.currentUser == nil {
            let here = SiteRoute.fund(.value(fundID)).path
            view.signIn = [
                .init(href: SiteRoute.login(next: here).path, label: req.t("nav-login")),
                .init(
                    href: SiteRoute.signUp.path + "?next="
                        + (here.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                    label: req.t("nav-signup")),
            ]
        } else {
            view.form = contributionForm(req, fund: fund, target: target, input: input, errors: errors)
        }
        return try await req.page(
            "fund", title: view.name, titleLang: view.textLang, view,
            status: status ?? (errors.isEmpty ? .ok : .unprocessableEntity))
    }

    static func contributionForm(
        _ req: Request, fund: FundModel, target: PlaceTarget?, input: ContributionInput, errors: [String: String]
    ) -> FormView {
        var fields: [FormView.Field] = []
        if let target {
            let price = money(req, target.price.minor, target.price.currency)
            fields.append(
                .init(
                    name: "kind", label: req.t("field-contribution-kind"), type: "select",
                    options: ContributionDraft.Kind.allCases.map {
                        .init(
                            value: $0.rawValue, label: req.t("contribution-kind-\($0.rawValue)"),
                            selected: $0.rawValue == (input.kind ?? "places"))
                    }))
            fields.append(
                .init(
                    name: "places", label: req.t("field-places"), type: "number", value: input.places ?? "1",
                    hint: req.t("hint-places", ["price": .string(price)]), required: false))
        } else {
            fields.append(.init(name: "kind", label: "", type: "hidden", value: "amount"))
        }
        let providers: [FormView.Option] = req.application.mentore.config.paymentProviders.map { name in
            FormView.Option(value: name, label: req.t("provider-\(name)"), selected: name == input.provider)
        }
        let rules: [FormView.Option] = UnusedValueRule.allCases.map { rule in
            FormView.Option(
                value: rule.rawValue, label: req.t("unused-rule-\(rule.rawValue)"),
                selected: rule.rawValue == (input.unusedRule ?? UnusedValueRule.reallocate.rawValue))
        }
        fields += [
            .init(
                name: "amount", label: req.t("field-amount", ["currency": .string(fund.currency.rawValue)]),
                type: "text", value: input.amount ?? "", required: target == nil),
            .init(name: "currency", label: "", type: "hidden", value: fund.currency.rawValue),
            .init(
                name: "dedication", label: req.t("field-dedication"), type: "text", value: input.dedication ?? "",
                hint: req.t("hint-dedication"), required: false),
            .init(
                name: "anonymous", label: req.t("field-anonymous"), type: "checkbox",
                value: input.anonymous == "1" ? "1" : "", required: false),
            .init(name: "unusedRule", label: req.t("field-unused-rule"), type: "select", options: rules),
            .init(name: "provider", label: req.t("field-provider"), type: "select", options: providers),
            // A new key for each form shown: resubmitting this form finds the same contribution.
            .init(
                name: "idempotencyKey", label: "", type: "hidden",
                value: Funding.validKey(input.idempotencyKey) ?? UUID().uuidString.lowercased()),
        ]
        var form = FormView(
            action: SiteRoute.fundContributions(.value(fund.id!)).path, submit: req.t("contribution-submit"),
            fields: fields)
        form.apply(errors: errors, summary: req.t("form-has-errors"))
        return form
    }

    // MARK: One contribution

    @Sendable static func contribution(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("contributionID").flatMap(UUID.init(uuidString:)),
            let contribution = try await ContributionModel.query(on: req.db).filter(\.$id == id)
                .with(\.$fund, { $0.with(\.$texts) }).first(),
            contribution.$mentor.id == user.id || user.isAdmin
        else { throw DomainError(.notFound) }
        let vouchers = try await VoucherModel.query(on: req.db).filter(\.$contribution.$id == id).count()
        let config = req.application.mentore.config
        let amount = money(req, contribution.amountMinor, contribution.currency)
        struct Fact: Encodable {
            var label: String
            var value: String
            var data: Bool
        }
        struct View: Encodable {
            var facts: [Fact]
            var instructions: String?
            var bank: [Fact]?
            var vouchers: String?
            var demo: String?
            var pay: Page<View>.Link?
            var receipt: Page<View>.Link?
            var fund: Page<View>.Link
        }
        let fundText = FundPresenter.text(of: contribution.fund, for: req)
        var view = View(
            facts: [
                Fact(
                    label: req.t("contribution-status"),
                    value: req.t("contribution-status-\(contribution.status.rawValue)"), data: false),
                Fact(label: req.t("contribution-amount"), value: amount, data: true),
            ], bank: nil,
            fund: .init(
                href: SiteRoute.fund(.value(contribution.$fund.id)).path, label: fundText?.name ?? "",
                lang: fundText?.language == req.language ? nil : fundText?.language))
        if contribution.status == .pending && contribution.provider == "bank-transfer" {
            view.instructions = req.t(
                "contribution-transfer-instructions",
                ["amount": .string(amount), "reference": .string(contribution.paymentReference)])
            view.bank = [
                Fact(label: req.t("bank-holder"), value: config.bankAccountHolder, data: true),
                Fact(label: req.t("bank-iban"), value: config.bankIBAN, data: true),
                Fact(label: req.t("bank-bic"), value: config.bankBIC, data: true),
                Fact(label: req.t("bank-reference"), value: contribution.paymentReference, data: true),
            ]
        }
        if contribution.status == .paid {
            view.vouchers = req.t("contribution-vouchers", ["count": .integer(vouchers)])
        }
        if contribution.provider == "demo" { view.demo = req.t("contribution-demo") }
        if contribution.status == .paid || contribution.status == .refunded {
            view.receipt = .init(href: SiteRoute.contributionReceipt(.value(id)).path, label: req.t("action-receipt"))
        }
        if contribution.status == .pending && contribution.provider == "stripe" {
            // Back from the payment page before the webhook came: the payment is being confirmed.
            let returned = (try? req.query.get(String.self, at: "checkout")) == "done"
            view.instructions = req.t(returned ? "contribution-card-confirming" : "contribution-card-waiting")
            if !returned, let url = contribution.checkoutURL {
                view.pay = .init(href: url, label: req.t("contribution-card-pay"))
            }
        }
        if contribution.refundedMinor > 0 {
            view.facts.append(
                Fact(
                    label: req.t("contribution-refunded"),
                    value: money(req, contribution.refundedMinor, contribution.currency), data: true))
        }
        return try await req.page(
            "contribution", title: req.t("contribution-title", ["number": .integer(contribution.number)]), view)
    }
}
