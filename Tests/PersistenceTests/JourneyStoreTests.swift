import Domain
import FluentKit
import Foundation
import Persistence
import Testing

@Suite("Journey store")
struct JourneyStoreTests {
    @Test("its plain reads give every field Fluent reads, relations included")
    func readParity() async throws {
        try await StoreDatabase.with { store in
            let db = store.db
            let fixture = try await Fixture.make(on: db)
            let ids = fixture.vouchers
            let fluentVouchers = try await VoucherModel.query(on: db).with(\.$beneficiary).all()
            let plainVouchers = try await JourneyStore.vouchers(
                codes: Set(fluentVouchers.map(\.code)), ids: [], on: db)
            #expect(ModelParity.differences(plainVouchers, fluentVouchers) == [])
            for (plain, fluent) in zip(
                plainVouchers.sorted { $0.id!.uuidString < $1.id!.uuidString },
                fluentVouchers.sorted { $0.id!.uuidString < $1.id!.uuidString })
            {
                switch (plain.$beneficiary.value, fluent.$beneficiary.value) {
                case (.some(let a?), .some(let b?)): #expect(ModelParity.differences(a, b) == [])
                case (.some(nil), .some(nil)): break
                default: Issue.record("the holder of \(plain.code) is not loaded alike")
                }
            }
            #expect(
                ModelParity.differences(
                    try await JourneyStore.vouchers(codes: [], ids: Set(ids.prefix(2)), on: db),
                    fluentVouchers.filter { ids.prefix(2).contains($0.id!) }) == [])

            let sessions = try await EventSessionModel.query(on: db).with(\.$event) { $0.with(\.$venue) }.all()
            let plainSessions = try await JourneyStore.sessions(Set(sessions.map { $0.id! }), on: db)
            #expect(ModelParity.differences(Array(plainSessions.values), sessions) == [])
            for session in sessions {
                let plain = try #require(plainSessions[session.id!])
                #expect(ModelParity.differences(plain.event, session.event) == [])
                #expect(ModelParity.differences(plain.event.venue, session.event.venue) == [])
            }

            let reservations = try await ReservationModel.query(on: db).filter(\.$voucher.$id ~~ ids)
                .with(\.$session).all()
            let plainReservations = try await JourneyStore.reservations(of: ids, on: db)
            #expect(reservations.count == 2)
            #expect(ModelParity.differences(plainReservations, reservations) == [])
            let admissions = try await RedemptionModel.query(on: db).filter(\.$voucher.$id ~~ ids)
                .filter(\.$voidedAt == nil).with(\.$session).all()
            let plainAdmissions = try await JourneyStore.redemptions(of: ids, on: db)
            #expect(admissions.count == 1)
            #expect(ModelParity.differences(plainAdmissions, admissions) == [])
            for admission in plainAdmissions {
                let fluent = try #require(admissions.first { $0.id == admission.id })
                #expect(ModelParity.differences(admission.session, fluent.session) == [])
            }
        }
    }

    @Test("a field a read forgets is named as a difference")
    func parityNamesAMissingField() async throws {
        let fluent = VoucherModel()
        fluent.code = "A"
        fluent.valueMinor = 100
        let plain = VoucherModel()
        plain.code = "A"
        #expect(ModelParity.differences(plain, fluent) == ["vouchers.value_minor: unset in the plain read"])
    }

    @Test("the last seat goes once, and a released seat can be taken again")
    func seats() async throws {
        try await StoreDatabase.with { store in
            let fixture = try await Fixture.make(on: store.db)
            // Two of two seats are taken by the fixture's reservations.
            #expect(try await JourneyStore.takeSeat(session: fixture.sessions[0], on: store.db) == false)
            let reservation = try #require(
                try await ReservationModel.query(on: store.db).filter(\.$voucher.$id == fixture.vouchers[1]).first())
            #expect(try await JourneyStore.release(reservation: reservation.requireID(), on: store.db))
            #expect(
                try await JourneyStore.release(reservation: reservation.requireID(), on: store.db) == false,
                "released once")
            #expect(try await JourneyStore.takeSeat(session: fixture.sessions[0], on: store.db))
            #expect(try await EventSessionModel.find(fixture.sessions[0], on: store.db)?.reserved == 2)
        }
    }

    @Test("concurrent takes of the last seats give each seat once")
    func concurrentSeats() async throws {
        try await StoreDatabase.with { store in
            let fixture = try await Fixture.make(on: store.db)
            let session = fixture.sessions[1]
            let taken = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await store.db.writeTransaction { db in
                            try await JourneyStore.takeSeat(session: session, on: db)
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(taken == 2)
            #expect(try await EventSessionModel.find(session, on: store.db)?.reserved == 2)
        }
    }

    @Test("a second standing admission of a step is skipped, not added")
    func admissionsOncePerStep() async throws {
        try await StoreDatabase.with { store in
            let fixture = try await Fixture.make(on: store.db)
            let first = try #require(
                try await RedemptionModel.query(on: store.db).filter(\.$voucher.$id == fixture.vouchers[2]).first())
            let again = RedemptionModel()
            again.id = UUID.timeOrdered()
            again.$voucher.id = fixture.vouchers[2]
            again.$session.id = fixture.sessions[1]
            again.$event.id = fixture.event
            (again.slot, again.activeSlot) = (first.slot, first.slot)
            (again.amountMinor, again.currency, again.admittedBy, again.admittedAt) = (0, .eur, "test", fixture.now)
            again.$organizer.id = fixture.organizer
            #expect(try await JourneyStore.insertAdmissions([again], on: store.db) == 0)
            #expect(try await RedemptionModel.query(on: store.db).count() == 1)
        }
    }
}
