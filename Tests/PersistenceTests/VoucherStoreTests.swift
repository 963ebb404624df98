import Domain
import FluentKit
import Foundation
import Persistence
import Testing

@Suite("Voucher store")
struct VoucherStoreTests {
    @Test("a transition moves a voucher only from the statuses the lifecycle allows")
    func lifecycleGuards() async throws {
        try await StoreDatabase.with { store in
            let db = store.db
            let fixture = try await Fixture.make(on: db)
            let (issued, nominated, inUse) = (fixture.vouchers[0], fixture.vouchers[1], fixture.vouchers[2])
            #expect(try await VoucherStore.transition(issued, VoucherLifecycle.admit, at: fixture.now, on: db) == false)
            #expect(
                try await VoucherStore.transition(inUse, VoucherLifecycle.withdraw, at: fixture.now, on: db) == false)
            #expect(try await VoucherStore.transition(inUse, VoucherLifecycle.cancel, at: fixture.now, on: db) == false)
            #expect(try await VoucherModel.find(inUse, on: db)?.status == .inUse, "a refused move changes nothing")
            #expect(try await VoucherStore.transition(nominated, VoucherLifecycle.withdraw, at: fixture.now, on: db))
            #expect(try await VoucherModel.find(nominated, on: db)?.status == .issued)
            #expect(try await VoucherStore.transition(inUse, VoucherLifecycle.complete, at: fixture.now, on: db))
            #expect(
                try await VoucherStore.transition(
                    inUse, VoucherLifecycle.void(admissionsLeft: false), at: fixture.now, on: db))
            #expect(try await VoucherModel.find(inUse, on: db)?.status == .nominated, "reopened")
        }
    }

    @Test("a transition only matches the row it names, with the values it requires")
    func matching() async throws {
        try await StoreDatabase.with { store in
            let db = store.db
            let fixture = try await Fixture.make(on: db)
            let other = UUID()
            #expect(
                try await VoucherStore.transition(
                    fixture.vouchers[0], VoucherLifecycle.cancel, at: fixture.now, matching: ["partner_id": other],
                    on: db) == false, "another partner's voucher is not moved")
            let moved = try await VoucherStore.transition(
                Set(fixture.vouchers), VoucherLifecycle.expire, at: fixture.now, on: db)
            #expect(moved == [fixture.vouchers[0], fixture.vouchers[1]], "the voucher in use does not expire")
        }
    }

    @Test("of concurrent moves of one voucher, exactly one happens")
    func concurrentMoves() async throws {
        try await StoreDatabase.with { store in
            let fixture = try await Fixture.make(on: store.db)
            let voucher = fixture.vouchers[1]
            let moves = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await store.db.writeTransaction { db in
                            try await VoucherStore.transition(
                                voucher, VoucherLifecycle.withdraw, at: fixture.now, on: db)
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(moves == 1)
            #expect(try await VoucherModel.find(voucher, on: store.db)?.status == .issued)
        }
    }
}
