import Domain
import FluentKit
import Foundation

/// Where a circuit stands for the public.
public enum CircuitStatus: String, Codable, Sendable, CaseIterable {
    /// Being composed; never shown.
    case draft
    /// Shown, and open to sponsors and beneficiaries (its newest version).
    case published
    /// Hidden again; vouchers already issued keep their version.
    case unpublished
}

/// A circuit's draft: what admins edit. Publishing freezes it into a `CircuitVersionModel`.
public final class CircuitModel: Model, @unchecked Sendable {
    public static let schema = "circuits"

    @ID(key: .id) public var id: UUID?
    @Field(key: "status") public var status: CircuitStatus
    @Field(key: "step_order") public var stepOrder: StepOrder
    @OptionalField(key: "completion_count") public var completionCount: Int?
    @OptionalField(key: "valid_from") public var validFrom: Date?
    @OptionalField(key: "valid_until") public var validUntil: Date?
    @Field(key: "original_language") public var originalLanguage: String
    @Field(key: "current_version") public var currentVersion: Int
    @Children(for: \.$circuit) public var texts: [CircuitTextModel]
    @Children(for: \.$circuit) public var steps: [CircuitStepModel]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, stepOrder: StepOrder, completionCount: Int?, originalLanguage: String) {
        self.id = id
        self.status = .draft
        self.stepOrder = stepOrder
        self.completionCount = completionCount
        self.originalLanguage = originalLanguage
        self.currentVersion = 0
    }

    public var completion: CompletionRule { completionCount.map { .atLeast($0) } ?? .all }
}

/// A circuit's title and description in one language.
public final class CircuitTextModel: Model, @unchecked Sendable {
    public static let schema = "circuit_texts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "circuit_id") public var circuit: CircuitModel
    @Field(key: "language") public var language: String
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Field(key: "origin") public var origin: TextOrigin
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(circuitID: UUID, language: String, title: String, description: String, origin: TextOrigin) {
        self.$circuit.id = circuitID
        self.language = language
        self.title = title
        self.description = description
        self.origin = origin
    }
}

/// One step of a circuit's draft, at its position (1, 2, …).
public final class CircuitStepModel: Model, @unchecked Sendable {
    public static let schema = "circuit_steps"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "circuit_id") public var circuit: CircuitModel
    @Field(key: "position") public var position: Int
    @Children(for: \.$step) public var events: [CircuitStepEventModel]

    public init() {}

    public init(id: UUID? = nil, circuitID: UUID, position: Int) {
        self.id = id
        self.$circuit.id = circuitID
        self.position = position
    }
}

/// An event a step offers.
public final class CircuitStepEventModel: Model, @unchecked Sendable {
    public static let schema = "circuit_step_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "step_id") public var step: CircuitStepModel
    @Parent(key: "event_id") public var event: EventModel

    public init() {}

    public init(stepID: UUID, eventID: UUID) {
        self.$step.id = stepID
        self.$event.id = eventID
    }
}

/// One published version of a circuit: the plan vouchers issued for it keep.
public final class CircuitVersionModel: Model, @unchecked Sendable {
    public static let schema = "circuit_versions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "circuit_id") public var circuit: CircuitModel
    @Field(key: "version") public var version: Int
    @Field(key: "plan") public var planJSON: String
    @Field(key: "value_minor") public var valueMinor: Int
    @Field(key: "currency") public var currency: Currency
    @Field(key: "published_at") public var publishedAt: Date

    public init() {}

    public var plan: CircuitPlan {
        get throws { try JSONDecoder().decode(CircuitPlan.self, from: Data(planJSON.utf8)) }
    }
}
