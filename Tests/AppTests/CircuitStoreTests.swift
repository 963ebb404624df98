import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Circuits stored: the draft, publishing checks, and versions that never change")
struct CircuitStoreTests {
    static let webMarketing = DemoData.events[0].id  // EUR 40, sessions to come
    static let branding = DemoData.events[1].id  // EUR 30
    static let platforms = DemoData.events[2].id  // ALL 2500: another currency
    static let exhibition = DemoData.events[3].id  // EUR 10

    static func draft(_ app: Application, order: StepOrder = .strict, completion: Int? = nil) async throws
        -> CircuitModel
    {
        let circuit = CircuitModel(stepOrder: order, completionCount: completion, originalLanguage: "it")
        try await circuit.create(on: app.db)
        try await CircuitTextModel(
            circuitID: circuit.requireID(), language: "it", title: "Dal filo al mercato",
            description: "Un percorso dalla bottega al mercato.", origin: .human
        ).create(on: app.db)
        return circuit
    }

    static func request(_ app: Application) -> Request {
        Request(application: app, on: app.eventLoopGroup.next())
    }

    @Test("publishing is refused with every problem at once, and nothing changes")
    func refused() async throws {
        try await withApp(seed: true) { app async throws in
            let circuit = try await Self.draft(app, completion: 3)
            let id = try circuit.requireID()
            await #expect(
                throws: ValidationErrors([
                    DomainError(.circuitNoSteps, field: "steps"), DomainError(.completionTooLarge, field: "completion"),
                ])
            ) {
                try await Circuits.publish(id, req: Self.request(app))
            }
            try await Circuits.addStep(id, events: [Self.webMarketing], on: app.db)
            try await Circuits.addStep(id, events: [Self.platforms], on: app.db)
            await #expect(
                throws: ValidationErrors([
                    DomainError(.currencyMismatch, field: "steps"),
                    DomainError(.completionTooLarge, field: "completion"),
                ])
            ) {
                try await Circuits.publish(id, req: Self.request(app))
            }
            // A step whose only event has no session to come.
            try await EventSessionModel.query(on: app.db).filter(\.$event.$id == Self.exhibition).delete()
            try await Circuits.addStep(id, events: [Self.exhibition], on: app.db)
            await #expect(throws: ValidationErrors.self) { try await Circuits.publish(id, req: Self.request(app)) }
            #expect(try await CircuitVersionModel.query(on: app.db).filter(\.$circuit.$id == id).count() == 0)
            #expect(try await CircuitModel.find(id, on: app.db)?.status == .draft)
            await #expect(throws: DomainError(.invalidValue, field: "events")) {
                try await Circuits.addStep(id, events: [UUID()], on: app.db)
            }
        }
    }

    @Test("a published version keeps its steps and prices; an edit makes the next version; no edit, no version")
    func versions() async throws {
        try await withApp(seed: true) { app async throws in
            let circuit = try await Self.draft(app)
            let id = try circuit.requireID()
            try await Circuits.addStep(id, events: [Self.webMarketing], on: app.db)
            try await Circuits.addStep(id, events: [Self.branding, Self.exhibition], on: app.db)
            #expect(try await Circuits.publish(id, req: Self.request(app)) == 1)
            let first = try #require(try await Circuits.currentVersion(id, on: app.db))
            // 40 + the dearer of 30 and 10.
            #expect(first.valueMinor == 7000)
            #expect(try first.plan.steps.map(\.options.count) == [1, 2])
            #expect(try await Circuits.publish(id, req: Self.request(app)) == 1, "nothing changed")

            // The price of an event changes and a step is added: version 2; version 1 stays.
            try await EventModel.query(on: app.db).filter(\.$id == Self.webMarketing).set(\.$priceMinor, to: 5000)
                .update()
            try await Circuits.addStep(id, events: [Self.exhibition], on: app.db)
            #expect(try await Circuits.publish(id, req: Self.request(app)) == 2)
            let again = try #require(
                try await CircuitVersionModel.query(on: app.db).filter(\.$circuit.$id == id).filter(\.$version == 1)
                    .first())
            #expect(again.valueMinor == 7000)
            #expect(try again.plan == first.plan)
            #expect(try await Circuits.currentVersion(id, on: app.db)?.valueMinor == 5000 + 3000 + 1000)

            try await Circuits.unpublish(id, req: Self.request(app))
            #expect(try await CircuitModel.find(id, on: app.db)?.status == .unpublished)
            await #expect(throws: DomainError(.conflict)) { try await Circuits.unpublish(id, req: Self.request(app)) }
            #expect(try await Circuits.publish(id, req: Self.request(app)) == 2)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$objectID == id.uuidString).count() == 5)
        }
    }

    @Test("steps move up and down and close ranks when one is removed")
    func reorder() async throws {
        try await withApp(seed: true) { app async throws in
            let id = try await Self.draft(app).requireID()
            let a = try await Circuits.addStep(id, events: [Self.webMarketing], on: app.db)
            let b = try await Circuits.addStep(id, events: [Self.branding], on: app.db)
            let c = try await Circuits.addStep(id, events: [Self.exhibition], on: app.db)
            func order() async throws -> [UUID?] {
                try await CircuitStepModel.query(on: app.db).filter(\.$circuit.$id == id).sort(\.$position).all()
                    .map(\.id)
            }
            try await Circuits.moveStep(c.requireID(), circuitID: id, by: -1, on: app.db)
            #expect(try await order() == [a.id, c.id, b.id])
            try await Circuits.moveStep(a.requireID(), circuitID: id, by: -1, on: app.db)
            #expect(try await order() == [a.id, c.id, b.id], "the first step cannot go higher")
            try await Circuits.removeStep(c.requireID(), circuitID: id, on: app.db)
            #expect(try await order() == [a.id, b.id])
            let positions = try await CircuitStepModel.query(on: app.db).filter(\.$circuit.$id == id)
                .sort(\.$position).all().map(\.position)
            #expect(positions == [1, 2])
            await #expect(throws: DomainError(.notFound)) {
                try await Circuits.removeStep(UUID(), circuitID: id, on: app.db)
            }
        }
    }

    @Test("concurrent publishes of one edit, through two app instances, make exactly one new version")
    func concurrentPublish() async throws {
        try await withTwoApps(seed: true) { first, second in
            let id = try await Self.draft(first).requireID()
            try await Circuits.addStep(id, events: [Self.webMarketing], on: first.db)
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<10 {
                    let app = n.isMultiple(of: 2) ? first : second
                    group.addTask { try await Circuits.publish(id, req: Self.request(app)) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(Set(versions) == [1])
            #expect(try await CircuitVersionModel.query(on: first.db).filter(\.$circuit.$id == id).count() == 1)
        }
    }
}
