import Foundation
import Testing

@testable import Domain

@Suite("Circuits: publishing rules, progression, reservations and admissions")
struct CircuitTests {
    static let events = (1...8).map { UUID(uuidString: "00000000-0000-4000-8000-0000000000\(10 + $0)")! }
    static let stepIDs = (1...4).map { UUID(uuidString: "00000000-0000-4000-8000-0000000001\(10 + $0)")! }

    static func eur(_ euros: Int) -> Money { Money(minor: euros * 100, currency: .eur) }

    /// `count` steps; step i offers events[2i] (and events[2i+1] at a higher price).
    static func plan(_ count: Int, order: StepOrder, completion: CompletionRule) -> CircuitPlan {
        CircuitPlan(
            steps: (0..<count).map { i in
                .init(
                    id: stepIDs[i],
                    options: [
                        .init(event: events[2 * i], price: eur(10 * (i + 1)), hours: 2),
                        .init(event: events[2 * i + 1], price: eur(10 * (i + 1) + 5), hours: 3),
                    ])
            }, order: order, completion: completion)
    }

    static let day = Date(timeIntervalSince1970: 2_000_000_000)

    // MARK: Publishing

    @Test("a plan with steps, upcoming sessions, one currency and a reachable rule may be published")
    func publishable() throws {
        let plan = Self.plan(3, order: .strict, completion: .atLeast(2))
        try plan.checkPublishable(eventsWithUpcomingSessions: [Self.events[0], Self.events[3], Self.events[4]])
        // The dearer option of each step: 15 + 25 + 35.
        #expect(plan.valuePerPlace == Self.eur(75))
    }

    @Test("publishing refuses no steps, a step without sessions, mixed currencies and a rule too large, all at once")
    func notPublishable() {
        #expect(throws: ValidationErrors([DomainError(.circuitNoSteps, field: "steps")])) {
            try CircuitPlan(steps: [], order: .any, completion: .all).checkPublishable(eventsWithUpcomingSessions: [])
        }
        var plan = Self.plan(2, order: .any, completion: .atLeast(3))
        plan.steps[1].options[0].price = Money(minor: 1000, currency: .all)
        #expect(plan.valuePerPlace == nil)
        #expect(
            throws: ValidationErrors([
                DomainError(.stepWithoutSession, field: "step-2"), DomainError(.currencyMismatch, field: "steps"),
                DomainError(.completionTooLarge, field: "completion"),
            ])
        ) {
            try plan.checkPublishable(eventsWithUpcomingSessions: [Self.events[0]])
        }
        #expect(throws: ValidationErrors([DomainError(.completionTooLarge, field: "completion")])) {
            try Self.plan(2, order: .any, completion: .atLeast(0))
                .checkPublishable(eventsWithUpcomingSessions: Set(Self.events))
        }
    }

    // MARK: Every rule combination, every set of attended steps

    static let combinations: [(StepOrder, CompletionRule)] = StepOrder.allCases.flatMap { order in
        [CompletionRule.all, .atLeast(1), .atLeast(2), .atLeast(3)].map { (order, $0) }
    }

    /// Every subset of the first `count` steps.
    static func subsets(_ count: Int) -> [Set<UUID>] {
        (0..<(1 << count)).map { mask in Set((0..<count).filter { mask & (1 << $0) != 0 }.map { stepIDs[$0] }) }
    }

    @Test("completion: any order counts steps, strict order needs the first N; more attendance never undoes it")
    func completion() {
        for (order, rule) in Self.combinations {
            let plan = Self.plan(3, order: order, completion: rule)
            let needed = rule.required(of: 3)
            for attended in Self.subsets(3) {
                let progress = CircuitProgress(attended: attended)
                let expected =
                    order == .any
                    ? attended.count >= needed
                    : Self.stepIDs.prefix(needed).allSatisfy(attended.contains)
                #expect(plan.isComplete(progress) == expected, "\(order) \(rule) \(attended.count)")
                // Monotone: adding any step keeps a complete circuit complete.
                if plan.isComplete(progress) {
                    for extra in Self.stepIDs.prefix(3) {
                        var more = attended
                        more.insert(extra)
                        #expect(plan.isComplete(CircuitProgress(attended: more)))
                    }
                }
                // Strict completion implies completion in any order under the same rule.
                if order == .strict, plan.isComplete(progress) {
                    #expect(Self.plan(3, order: .any, completion: rule).isComplete(progress))
                }
                #expect((plan.next(progress) == nil) == plan.isComplete(progress))
            }
        }
    }

    @Test("states and the door agree: a step is open exactly when the door would admit to it")
    func statesMatchAdmission() {
        for (order, rule) in Self.combinations {
            let plan = Self.plan(3, order: order, completion: rule)
            for attended in Self.subsets(3) {
                let progress = CircuitProgress(attended: attended)
                let states = plan.states(progress)
                for (index, step) in plan.steps.enumerated() {
                    let earlierMissing = Self.stepIDs.prefix(index).contains { !attended.contains($0) }
                    let expected: StepState =
                        attended.contains(step.id) ? .done : (order == .strict && earlierMissing ? .locked : .open)
                    #expect(states[index] == expected, "\(order) \(rule) step \(index + 1)")
                    // Either option of the step leads to the same answer.
                    for option in step.options {
                        let admitted = Result { () throws(DomainError) in
                            try plan.checkAdmission(event: option.event, progress: progress)
                        }
                        switch (expected, admitted) {
                        case (.open, .success(let found)): #expect(found.id == step.id)
                        case (.done, .failure(let error)): #expect(error.code == .stepDone)
                        case (.locked, .failure(let error)): #expect(error.code == .prerequisiteMissing)
                        default: Issue.record("\(order) \(rule) step \(index + 1): \(expected) vs \(admitted)")
                        }
                    }
                }
                if let next = plan.next(progress) {
                    #expect(states[plan.steps.firstIndex(of: next)!] == .open)
                }
            }
        }
    }

    @Test("a voided admission reopens its step; the circuit completes again when it is attended again")
    func voidAndReattempt() throws {
        let plan = Self.plan(3, order: .strict, completion: .all)
        var progress = CircuitProgress(attended: Set(Self.stepIDs.prefix(3)))
        #expect(plan.isComplete(progress))
        // Step 2's admission is voided (a mistake at the door): step 3 stays attended.
        progress.attended.remove(Self.stepIDs[1])
        #expect(!plan.isComplete(progress))
        #expect(plan.states(progress) == [.done, .open, .done])
        #expect(plan.next(progress)?.id == Self.stepIDs[1])
        #expect(try plan.checkAdmission(event: Self.events[3], progress: progress).id == Self.stepIDs[1])
        progress.attended.insert(Self.stepIDs[1])
        #expect(plan.isComplete(progress))
        #expect(throws: DomainError(.stepDone)) {
            try plan.checkAdmission(event: Self.events[2], progress: progress)
        }
    }

    @Test("N of M in any order: the circuit completes with any N, and the others stay open")
    func nOfMAnyOrder() {
        let plan = Self.plan(4, order: .any, completion: .atLeast(2))
        let progress = CircuitProgress(attended: [Self.stepIDs[3], Self.stepIDs[1]])
        #expect(plan.isComplete(progress))
        #expect(plan.states(progress) == [.open, .done, .open, .done])
        #expect(plan.next(progress) == nil)
    }

    // MARK: Reservations

    @Test("strict order: a later step may be reserved for a date after the earlier step's session")
    func strictReservations() throws {
        let plan = Self.plan(3, order: .strict, completion: .all)
        let first = Self.day
        var progress = CircuitProgress()
        #expect(throws: DomainError(.prerequisiteMissing)) {
            try plan.checkReservation(event: Self.events[2], start: first, progress: progress)
        }
        #expect(
            try plan.checkReservation(event: Self.events[1], start: first, progress: progress).id == Self.stepIDs[0])
        progress.reserved[Self.stepIDs[0]] = first
        #expect(plan.states(progress) == [.reserved, .open, .locked])
        // Step 2 on a date after step 1's session; not on the same day before it.
        let later = first.addingTimeInterval(7 * 86_400)
        #expect(
            try plan.checkReservation(event: Self.events[2], start: later, progress: progress).id == Self.stepIDs[1])
        #expect(throws: DomainError(.prerequisiteMissing)) {
            try plan.checkReservation(event: Self.events[2], start: first.addingTimeInterval(-3600), progress: progress)
        }
        #expect(throws: DomainError(.stepReserved)) {
            try plan.checkReservation(event: Self.events[0], start: later, progress: progress)
        }
        // The door still wants step 1 attended before step 2, whatever was reserved.
        progress.reserved[Self.stepIDs[1]] = later
        #expect(throws: DomainError(.prerequisiteMissing)) {
            try plan.checkAdmission(event: Self.events[2], progress: progress)
        }
        progress.attended.insert(Self.stepIDs[0])
        #expect(throws: DomainError(.stepDone)) {
            try plan.checkReservation(event: Self.events[0], start: later, progress: progress)
        }
        #expect(try plan.checkAdmission(event: Self.events[2], progress: progress).id == Self.stepIDs[1])
    }

    @Test("moving or cancelling an earlier reservation may not leave a later one without its prerequisite")
    func consistency() throws {
        let strict = Self.plan(3, order: .strict, completion: .all)
        let first = Self.day
        let later = first.addingTimeInterval(7 * 86_400)
        var progress = CircuitProgress(reserved: [Self.stepIDs[0]: first, Self.stepIDs[1]: later])
        try strict.checkConsistent(progress)
        // Step 1 cancelled, or moved after step 2: step 2's reservation would hang.
        var cancelled = progress
        cancelled.reserved[Self.stepIDs[0]] = nil
        #expect(throws: DomainError(.reservationNeeded)) { try strict.checkConsistent(cancelled) }
        var moved = progress
        moved.reserved[Self.stepIDs[0]] = later.addingTimeInterval(3600)
        #expect(throws: DomainError(.reservationNeeded)) { try strict.checkConsistent(moved) }
        // Once step 1 is attended, step 2 no longer leans on its reservation.
        progress.attended.insert(Self.stepIDs[0])
        progress.reserved[Self.stepIDs[0]] = nil
        try strict.checkConsistent(progress)
        // In any order nothing leans on anything.
        try Self.plan(3, order: .any, completion: .all).checkConsistent(cancelled)
    }

    @Test("any order: every step may be reserved at once; an event outside the circuit is refused")
    func anyOrderReservations() throws {
        let plan = Self.plan(3, order: .any, completion: .all)
        let progress = CircuitProgress()
        for (index, step) in plan.steps.enumerated() {
            #expect(
                try plan.checkReservation(event: Self.events[2 * index], start: Self.day, progress: progress) == step)
        }
        #expect(throws: DomainError(.notInCircuit)) {
            try plan.checkReservation(event: Self.events[7], start: Self.day, progress: progress)
        }
        #expect(throws: DomainError(.notInCircuit)) {
            try plan.checkAdmission(event: UUID(), progress: progress)
        }
    }

    @Test("a plan is stored as JSON and read back the same")
    func codable() throws {
        for (order, rule) in Self.combinations {
            let plan = Self.plan(3, order: order, completion: rule)
            let data = try JSONEncoder().encode(plan)
            #expect(try JSONDecoder().decode(CircuitPlan.self, from: data) == plan)
        }
    }
}

@Suite("A circuit's funnel")
struct CircuitFunnelTests {
    @Test("completion rate and drop-off between steps")
    func funnel() {
        let funnel = CircuitFunnel(
            enrolled: 10, completed: 4,
            steps: [.init(reserved: 9, attended: 8), .init(reserved: 7, attended: 6), .init(reserved: 5, attended: 4)])
        #expect(funnel.completionRate == 0.4)
        #expect(funnel.dropOff(at: 0) == 0.2)
        #expect(funnel.dropOff(at: 1) == 0.25)
        #expect(funnel.dropOff(at: 2) == Double(2) / 6)
        #expect(funnel.dropOff(at: 3) == nil)
    }

    @Test("nobody enrolled or nobody at the previous step: no rate; more people later: no negative drop-off")
    func edges() {
        let empty = CircuitFunnel(enrolled: 0, completed: 0, steps: [.init(reserved: 0, attended: 0)])
        #expect(empty.completionRate == nil)
        #expect(empty.dropOff(at: 0) == nil)
        let anyOrder = CircuitFunnel(
            enrolled: 3, completed: 1, steps: [.init(reserved: 1, attended: 1), .init(reserved: 3, attended: 3)])
        #expect(anyOrder.dropOff(at: 1) == 0)
        let stalled = CircuitFunnel(
            enrolled: 3, completed: 0, steps: [.init(reserved: 0, attended: 0), .init(reserved: 0, attended: 0)])
        #expect(stalled.dropOff(at: 0) == 1)
        #expect(stalled.dropOff(at: 1) == nil)
    }
}
