import Foundation

/// How a circuit's steps depend on each other.
public enum StepOrder: String, Sendable, Codable, CaseIterable {
    /// Each step needs the one before it: step 3 is open once steps 1 and 2 are done.
    case strict
    /// Steps in any order.
    case any
}

/// When a circuit is complete.
public enum CompletionRule: Sendable, Hashable, Codable {
    /// Every step.
    case all
    /// At least `n` steps (in strict order: the first `n`, since each needs the one before).
    case atLeast(Int)

    /// How many steps complete a circuit of `count` steps.
    public func required(of count: Int) -> Int {
        switch self {
        case .all: count
        case .atLeast(let n): min(n, count)
        }
    }
}

/// A circuit as it was when a voucher was issued for it: its steps, their rules and prices.
/// Stored as a version; editing a published circuit makes a new version and never changes
/// the plan of vouchers already issued.
public struct CircuitPlan: Sendable, Hashable, Codable {
    /// One event a step offers; the beneficiary picks one of its sessions.
    public struct Option: Sendable, Hashable, Codable {
        public var event: UUID
        public var price: Money
        /// Hours of attendance, for the certificate.
        public var hours: Double?

        public init(event: UUID, price: Money, hours: Double? = nil) {
            (self.event, self.price, self.hours) = (event, price, hours)
        }
    }

    public struct Step: Sendable, Hashable, Codable, Identifiable {
        public var id: UUID
        public var options: [Option]

        public init(id: UUID, options: [Option]) {
            (self.id, self.options) = (id, options)
        }

        /// What one place on this step costs: the dearest option, so that a voucher pays for
        /// whichever the beneficiary picks.
        public var price: Money? { options.max { $0.price.minor < $1.price.minor }?.price }
    }

    public var steps: [Step]
    public var order: StepOrder
    public var completion: CompletionRule

    public init(steps: [Step], order: StepOrder, completion: CompletionRule) {
        (self.steps, self.order, self.completion) = (steps, order, completion)
    }

    /// How many steps make the circuit complete.
    public var required: Int { completion.required(of: steps.count) }

    /// The value of one place: the sum of the steps' prices; nil without steps or with mixed currencies.
    public var valuePerPlace: Money? {
        let prices = steps.compactMap(\.price)
        let currencies = Set(steps.flatMap { $0.options.map(\.price.currency) })
        guard prices.count == steps.count, currencies.count == 1, let currency = currencies.first else { return nil }
        return Money(minor: prices.reduce(0) { $0 + $1.minor }, currency: currency)
    }

    /// The step that offers `event`, if any.
    public func step(offering event: UUID) -> Step? {
        steps.first { $0.options.contains { $0.event == event } }
    }

    /// Whether the circuit may be published: it has steps, every step offers an event with a
    /// session still to come, one currency throughout, and a completion rule its steps can meet.
    /// Every problem is reported at once, each named by its field (`steps`, `step-N`, `completion`).
    public func checkPublishable(eventsWithUpcomingSessions upcoming: Set<UUID>) throws(ValidationErrors) {
        var v = Validator()
        if steps.isEmpty { v.add(.circuitNoSteps, field: "steps") }
        for (index, step) in steps.enumerated() where !step.options.contains(where: { upcoming.contains($0.event) }) {
            v.add(.stepWithoutSession, field: "step-\(index + 1)")
        }
        let currencies = Set(steps.flatMap { $0.options.map(\.price.currency) })
        if currencies.count > 1 { v.add(.currencyMismatch, field: "steps") }
        if case .atLeast(let n) = completion, n < 1 || n > steps.count {
            v.add(.completionTooLarge, field: "completion")
        }
        try v.finish()
    }
}

/// Where a beneficiary stands on a circuit: the steps attended (admissions not voided) and
/// the sessions reserved for the others.
public struct CircuitProgress: Sendable, Hashable {
    /// Step ids with an admission that stands. A voided admission is simply not here.
    public var attended: Set<UUID>
    /// Step id → start of the session reserved for it.
    public var reserved: [UUID: Date]

    public init(attended: Set<UUID> = [], reserved: [UUID: Date] = [:]) {
        (self.attended, self.reserved) = (attended, reserved)
    }
}

/// What a step is for one beneficiary.
public enum StepState: Sendable, Hashable {
    /// Attended.
    case done
    /// A session is reserved and its prerequisites are met or on the way.
    case reserved
    /// May be reserved now.
    case open
    /// Waits for an earlier step (strict order).
    case locked
}

extension CircuitPlan {
    /// The steps before `step` that it needs (strict order), or none.
    func prerequisites(of step: UUID) -> ArraySlice<Step> {
        guard order == .strict, let index = steps.firstIndex(where: { $0.id == step }) else { return [] }
        return steps[..<index]
    }

    /// Each step's state, in the circuit's order.
    public func states(_ progress: CircuitProgress) -> [StepState] {
        steps.map { step in
            if progress.attended.contains(step.id) { return .done }
            if progress.reserved[step.id] != nil { return .reserved }
            let waiting = prerequisites(of: step.id).contains {
                !progress.attended.contains($0.id) && progress.reserved[$0.id] == nil
            }
            return waiting ? .locked : .open
        }
    }

    /// Whether the steps attended complete the circuit: in any order, enough of them; in
    /// strict order, the first `required` ones (each needs the one before).
    public func isComplete(_ progress: CircuitProgress) -> Bool {
        guard !steps.isEmpty else { return false }
        switch order {
        case .any: return steps.filter { progress.attended.contains($0.id) }.count >= required
        case .strict: return steps.prefix(required).allSatisfy { progress.attended.contains($0.id) }
        }
    }

    /// The first step not yet attended that is open or reserved: what the beneficiary does next.
    public func next(_ progress: CircuitProgress) -> Step? {
        guard !isComplete(progress) else { return nil }
        let states = states(progress)
        return zip(steps, states).first { $0.1 == .open || $0.1 == .reserved }?.0
    }

    /// Whether a session of `event` starting at `start` may be reserved: the event belongs to a
    /// step, that step is not attended nor reserved already, and in strict order every earlier
    /// step is attended or reserved for a session that starts before this one.
    public func checkReservation(event: UUID, start: Date, progress: CircuitProgress) throws(DomainError) -> Step {
        guard let step = step(offering: event) else { throw DomainError(.notInCircuit) }
        if progress.attended.contains(step.id) { throw DomainError(.stepDone) }
        if progress.reserved[step.id] != nil { throw DomainError(.stepReserved) }
        for earlier in prerequisites(of: step.id) where !progress.attended.contains(earlier.id) {
            guard let before = progress.reserved[earlier.id], before < start else {
                throw DomainError(.prerequisiteMissing)
            }
        }
        return step
    }

    /// Whether every reservation still stands on its prerequisites (strict order): each reserved
    /// step's earlier steps are attended or reserved for sessions that start before it. Checked
    /// after a reservation is cancelled or moved, so that no later reservation is left hanging.
    public func checkConsistent(_ progress: CircuitProgress) throws(DomainError) {
        for (step, start) in progress.reserved where !progress.attended.contains(step) {
            for earlier in prerequisites(of: step) where !progress.attended.contains(earlier.id) {
                guard let before = progress.reserved[earlier.id], before < start else {
                    throw DomainError(.reservationNeeded)
                }
            }
        }
    }

    /// Whether a beneficiary may be admitted to a session of `event`: the event belongs to a
    /// step not attended yet and, in strict order, every earlier step was attended.
    public func checkAdmission(event: UUID, progress: CircuitProgress) throws(DomainError) -> Step {
        guard let step = step(offering: event) else { throw DomainError(.notInCircuit) }
        if progress.attended.contains(step.id) { throw DomainError(.stepDone) }
        if prerequisites(of: step.id).contains(where: { !progress.attended.contains($0.id) }) {
            throw DomainError(.prerequisiteMissing)
        }
        return step
    }
}

/// A circuit's settings as an admin types them, checked: texts per language (as for events),
/// the order of its steps, how many steps complete it (empty: all), and an optional window of
/// validity (days, inclusive).
public struct CircuitDraft: Sendable, Equatable {
    public var texts: [Language: EventText]
    public var originalLanguage: Language
    public var order: StepOrder
    public var completionCount: Int?
    public var validFrom: Date?
    public var validUntil: Date?

    public init(
        texts: [Language: (title: String?, description: String?)], origins: [Language: String],
        originalLanguage: String?, order: String?, completionCount: String?, validFrom: String?,
        validUntil: String?
    ) throws(ValidationErrors) {
        var v = Validator()
        (self.texts, self.originalLanguage) = EventText.parse(
            texts, origins: origins, originalLanguage: originalLanguage, into: &v)
        let knownOrder = StepOrder(rawValue: (order ?? "").trimmingCharacters(in: .whitespaces))
        if knownOrder == nil { v.add((order ?? "").isEmpty ? .required : .invalidValue, field: "order") }
        self.order = knownOrder ?? .strict
        let count = (completionCount ?? "").trimmingCharacters(in: .whitespaces)
        if count.isEmpty {
            self.completionCount = nil
        } else if let n = Int(count), n >= 1, n <= 50 {
            self.completionCount = n
        } else {
            self.completionCount = nil
            v.add(.invalidValue, field: "completionCount")
        }
        self.validFrom = Self.day(validFrom, field: "validFrom", into: &v)
        self.validUntil = Self.day(validUntil, field: "validUntil", into: &v).map { $0.addingTimeInterval(86_399) }
        if let from = self.validFrom, let until = self.validUntil, until < from {
            v.add(.endBeforeStart, field: "validUntil")
        }
        try v.finish()
    }

    /// `YYYY-MM-DD` as the start of that day (UTC); empty is none.
    static func day(_ text: String?, field: String, into v: inout Validator) -> Date? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let parts = trimmed.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        components.timeZone = .gmt
        if parts.count == 3 { (components.year, components.month, components.day) = (parts[0], parts[1], parts[2]) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard parts.count == 3, components.isValidDate(in: calendar), let date = calendar.date(from: components) else {
            v.add(.invalidDate, field: field)
            return nil
        }
        return date
    }
}

/// How a circuit's beneficiaries move along it, counted per step: how many hold a voucher for
/// it, how many reserved and attended each step, how many completed it, and where they stop.
public struct CircuitFunnel: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// Reservations made for the step (those since attended included).
        public var reserved: Int
        /// Standing admissions (voided ones not counted).
        public var attended: Int

        public init(reserved: Int, attended: Int) {
            (self.reserved, self.attended) = (reserved, attended)
        }
    }

    /// Vouchers given to a beneficiary.
    public var enrolled: Int
    /// Certificates issued.
    public var completed: Int
    /// In the circuit's order.
    public var steps: [Step]

    public init(enrolled: Int, completed: Int, steps: [Step]) {
        (self.enrolled, self.completed, self.steps) = (enrolled, completed, steps)
    }

    /// Completed over enrolled, 0…1; nil while nobody is enrolled.
    public var completionRate: Double? {
        enrolled > 0 ? min(1, Double(completed) / Double(enrolled)) : nil
    }

    /// The share of those who reached the point before step `index` (enrolled, for the first
    /// step; attended the previous step, for the others) who did not attend this one, 0…1;
    /// nil when nobody reached that point. In any order a later step may have more people: no
    /// drop-off then (0), never a negative one.
    public func dropOff(at index: Int) -> Double? {
        guard steps.indices.contains(index) else { return nil }
        let before = index == 0 ? enrolled : steps[index - 1].attended
        guard before > 0 else { return nil }
        return Double(max(0, before - steps[index].attended)) / Double(before)
    }
}
