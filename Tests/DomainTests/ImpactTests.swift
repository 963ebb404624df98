import Testing

@testable import Domain

@Suite("A mentor's impact, counted from vouchers")
struct ImpactTests {
    @Test("every status counts where it belongs, reallocations are not new places")
    func counts() {
        let impact = Impact([
            .init(status: .issued, valueMinor: 4000, hasBeneficiary: false),
            .init(status: .nominated, valueMinor: 4000, hasBeneficiary: true),
            .init(status: .inUse, valueMinor: 9000, hasBeneficiary: true, isCircuit: true),
            .init(status: .completed, valueMinor: 9000, hasBeneficiary: true, isCircuit: true),
            .init(status: .completed, valueMinor: 4000, hasBeneficiary: true),
            .init(status: .expired, valueMinor: 4000, hasBeneficiary: true, wasReallocated: true),
            .init(status: .nominated, valueMinor: 4000, hasBeneficiary: true, isReallocation: true),
            .init(status: .expired, valueMinor: 2500, hasBeneficiary: false),
            .init(status: .cancelled, valueMinor: 4000, hasBeneficiary: false),
        ])
        #expect(impact.placesFunded == 7)
        #expect(impact.nominated == 6)
        #expect(impact.attended == 3)
        #expect(impact.circuitsCompleted == 1)
        #expect(impact.redeemedMinor == 13000)
        #expect(impact.outstandingMinor == 4000 + 4000 + 9000 + 4000)
        #expect(impact.expiredMinor == 2500)
        #expect(impact.reallocatedMinor == 4000)
    }

    @Test("totals add up per contribution")
    func sums() {
        let a = Impact([.init(status: .completed, valueMinor: 100, hasBeneficiary: true)])
        let b = Impact([.init(status: .issued, valueMinor: 50, hasBeneficiary: false)])
        let total = a + b
        #expect(total.placesFunded == 2 && total.redeemedMinor == 100 && total.outstandingMinor == 50)
        #expect(Impact() + a == a)
    }
}
