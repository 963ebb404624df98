import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Circuits as admins compose them: the draft's steps, and publishing it as a new version
/// (the plan that vouchers issued from then on keep, whatever later edits do).
enum Circuits {
    /// The draft as a plan: steps by position, each offering its events at today's prices.
    static func draftPlan(_ circuit: CircuitModel, on db: any Database) async throws -> CircuitPlan {
        let steps = try await CircuitStepModel.query(on: db).filter(\.$circuit.$id == circuit.requireID())
            .with(\.$events) { $0.with(\.$event) }.sort(\.$position).all()
        return CircuitPlan(
            steps: try steps.map { step in
                CircuitPlan.Step(
                    id: try step.requireID(),
                    options: step.events.map(\.event).sorted { $0.id!.uuidString < $1.id!.uuidString }.map {
                        .init(event: $0.id!, price: Money(minor: $0.priceMinor, currency: $0.currency))
                    })
            }, order: circuit.stepOrder, completion: circuit.completion)
    }

    /// How beneficiaries move along a circuit, over every version's vouchers, in the order of
    /// its newest version (or of the draft before the first publication). Counted by the
    /// database, grouped by step: nothing here names a beneficiary.
    static func funnel(_ circuit: CircuitModel, on db: any Database) async throws -> (
        plan: CircuitPlan, funnel: CircuitFunnel
    ) {
        let circuitID = try circuit.requireID()
        let versions = try await CircuitVersionModel.query(on: db).filter(\.$circuit.$id == circuitID)
            .sort(\.$version, .descending).all()
        let plan: CircuitPlan
        if let newest = versions.first { plan = try newest.plan } else { plan = try await draftPlan(circuit, on: db) }
        let versionIDs = try versions.map { try $0.requireID() }
        guard !versionIDs.isEmpty else {
            return (
                plan,
                CircuitFunnel(enrolled: 0, completed: 0, steps: plan.steps.map { _ in .init(reserved: 0, attended: 0) })
            )
        }
        let enrolled = try await VoucherModel.query(on: db).filter(\.$scope == .circuit)
            .filter(\.$scopeID ~~ versionIDs).filter(\.$beneficiary.$id != nil).count()
        let completed = try await CertificateModel.query(on: db).filter(\.$circuitVersion.$id ~~ versionIDs)
            .filter(\.$withdrawnAt == nil).count()
        let sql = db as! any SQLDatabase
        func countBySlot(_ table: String, standingOnly: Bool) async throws -> [UUID: Int] {
            var query = sql.select().column(SQLColumn("slot", table: "x"))
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(SQLAlias(SQLIdentifier(table), as: SQLIdentifier("x")))
                .join(
                    SQLAlias(SQLIdentifier(VoucherModel.schema), as: SQLIdentifier("v")), method: SQLJoinMethod.inner,
                    on: SQLColumn("voucher_id", table: "x"), .equal, SQLColumn("id", table: "v")
                )
                .where(SQLColumn("scope", table: "v"), .equal, SQLBind(VoucherScope.circuit.rawValue))
                .where(SQLColumn("scope_id", table: "v"), .in, SQLGroupExpression(versionIDs.map { SQLBind($0) }))
            if standingOnly { query = query.where(SQLColumn("voided_at", table: "x"), .is, SQLLiteral.null) }
            let rows = try await query.groupBy(SQLColumn("slot", table: "x")).all()
            var counts: [UUID: Int] = [:]
            for row in rows {
                counts[try row.decode(column: "slot", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
        let reserved = try await countBySlot(ReservationModel.schema, standingOnly: false)
        let attended = try await countBySlot(RedemptionModel.schema, standingOnly: true)
        return (
            plan,
            CircuitFunnel(
                enrolled: enrolled, completed: completed,
                steps: plan.steps.map { .init(reserved: reserved[$0.id] ?? 0, attended: attended[$0.id] ?? 0) })
        )
    }

    /// The newest published version of a circuit, if any.
    static func currentVersion(_ circuitID: UUID, on db: any Database) async throws -> CircuitVersionModel? {
        try await CircuitVersionModel.query(on: db).filter(\.$circuit.$id == circuitID)
            .sort(\.$version, .descending).first()
    }

    /// Publishes the draft. Refused, with every problem at once and nothing changed, without
    /// steps, with a step whose events have no session to come, with mixed currencies or a
    /// completion rule its steps cannot meet. A draft equal to the newest version only shows it
    /// again; otherwise it becomes version n + 1. Concurrent publishes (any instance) make one
    /// version: the version number moves by a conditional UPDATE. Returns the version shown.
    @discardableResult
    static func publish(_ circuitID: UUID, req: Request) async throws -> Int {
        try await publish(circuitID, app: req.application, on: req.db) { version, db in
            try await Audit.record(req, "publish", "circuit", circuitID, detail: "\(version)", on: db)
        }
    }

    /// The same, for the demo data and commands: `audit` records who published, in the transaction.
    @discardableResult
    static func publish(
        _ circuitID: UUID, app: Application, on db: any Database,
        audit: @escaping @Sendable (Int, any Database) async throws -> Void
    ) async throws -> Int {
        let now = app.mentore.now()
        for _ in 0..<3 {
            let outcome: Int? = try await db.writeTransaction { db in
                let circuit = try await CircuitModel.find(circuitID, on: db).orNotFound()
                let plan = try await draftPlan(circuit, on: db)
                let eventIDs = Set(plan.steps.flatMap { $0.options.map(\.event) })
                let upcoming = try await EventSessionModel.query(on: db).filter(\.$event.$id ~~ eventIDs)
                    .filter(\.$startsAt > now).filter(\.$cancelledAt == nil).all().map { $0.$event.id }
                try plan.checkPublishable(eventsWithUpcomingSessions: Set(upcoming))
                let sql = db as! any SQLDatabase
                if let latest = try await currentVersion(circuitID, on: db), try latest.plan == plan {
                    try await sql.update(CircuitModel.schema).set(
                        "status", to: SQLBind(CircuitStatus.published.rawValue)
                    )
                    .where("id", .equal, SQLBind(circuitID)).run()
                    try await audit(latest.version, db)
                    return latest.version
                }
                let version = circuit.currentVersion + 1
                let moved = try await sql.update(CircuitModel.schema)
                    .set("current_version", to: SQLBind(version))
                    .set("status", to: SQLBind(CircuitStatus.published.rawValue))
                    .where("id", .equal, SQLBind(circuitID))
                    .where("current_version", .equal, SQLBind(circuit.currentVersion))
                    .returning("id").all()
                // Another publish moved it first: look again (its version may be this very plan).
                guard moved.count == 1 else { return nil }
                guard let value = plan.valuePerPlace else { throw DomainError(.currencyMismatch, field: "steps") }
                let row = CircuitVersionModel()
                row.$circuit.id = circuitID
                row.version = version
                row.planJSON = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
                row.valueMinor = value.minor
                row.currency = value.currency
                row.publishedAt = now
                try await row.create(on: db)
                try await audit(version, db)
                return version
            }
            if let outcome { return outcome }
        }
        throw DomainError(.conflict)
    }

    /// Hides a published circuit; its versions and the vouchers issued for them stay as they are.
    static func unpublish(_ circuitID: UUID, req: Request) async throws {
        try await req.db.writeTransaction { db in
            guard
                try await db.transition(
                    CircuitModel.schema, id: circuitID, from: [CircuitStatus.published.rawValue],
                    to: CircuitStatus.unpublished.rawValue)
            else { throw DomainError(.conflict) }
            try await Audit.record(req, "unpublish", "circuit", circuitID, on: db)
        }
    }

    // MARK: Composing the draft

    /// Adds a step offering `events` at the end of the draft.
    @discardableResult
    static func addStep(_ circuitID: UUID, events: [UUID], on db: any Database) async throws -> CircuitStepModel {
        guard !events.isEmpty else { throw DomainError(.required, field: "events") }
        let known = try await EventModel.query(on: db).filter(\.$id ~~ events).count()
        guard known == Set(events).count else { throw DomainError(.invalidValue, field: "events") }
        return try await db.writeTransaction { db in
            let count = try await CircuitStepModel.query(on: db).filter(\.$circuit.$id == circuitID).count()
            let step = CircuitStepModel(circuitID: circuitID, position: count + 1)
            try await step.create(on: db)
            for event in Set(events) {
                try await CircuitStepEventModel(stepID: step.requireID(), eventID: event).create(on: db)
            }
            return step
        }
    }

    /// Removes a step of the draft; the steps after it move up.
    static func removeStep(_ stepID: UUID, circuitID: UUID, on db: any Database) async throws {
        try await db.writeTransaction { db in
            guard
                let step = try await CircuitStepModel.query(on: db).filter(\.$id == stepID)
                    .filter(\.$circuit.$id == circuitID).first()
            else { throw DomainError(.notFound) }
            try await CircuitStepEventModel.query(on: db).filter(\.$step.$id == stepID).delete()
            try await step.delete(on: db)
            try await renumber(circuitID, on: db)
        }
    }

    /// Moves a step one place up (`-1`) or down (`+1`); at either end nothing moves.
    static func moveStep(_ stepID: UUID, circuitID: UUID, by offset: Int, on db: any Database) async throws {
        try await db.writeTransaction { db in
            var steps = try await CircuitStepModel.query(on: db).filter(\.$circuit.$id == circuitID)
                .sort(\.$position).all()
            guard let index = steps.firstIndex(where: { $0.id == stepID }) else { throw DomainError(.notFound) }
            let target = index + offset
            guard steps.indices.contains(target) else { return }
            steps.swapAt(index, target)
            try await renumber(steps, on: db)
        }
    }

    /// Puts the circuit's steps in the order given (drag and drop): `order` must name each of
    /// its steps exactly once, or nothing changes.
    static func reorderSteps(_ circuitID: UUID, order: [UUID], on db: any Database) async throws {
        try await db.writeTransaction { db in
            let steps = try await CircuitStepModel.query(on: db).filter(\.$circuit.$id == circuitID)
                .sort(\.$position).all()
            let byID = Dictionary(uniqueKeysWithValues: try steps.map { (try $0.requireID(), $0) })
            guard order.count == steps.count, Set(order) == Set(byID.keys) else {
                throw DomainError(.invalidValue, field: "order")
            }
            try await renumber(order.compactMap { byID[$0] }, on: db)
        }
    }

    private static func renumber(_ circuitID: UUID, on db: any Database) async throws {
        try await renumber(
            try await CircuitStepModel.query(on: db).filter(\.$circuit.$id == circuitID).sort(\.$position).all(),
            on: db)
    }

    private static func renumber(_ steps: [CircuitStepModel], on db: any Database) async throws {
        for (index, step) in steps.enumerated() where step.position != index + 1 {
            step.position = index + 1
            try await step.update(on: db)
        }
    }
}
