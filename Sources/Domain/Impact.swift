/// What a mentor's money made possible, counted from vouchers only: aggregates, never a
/// beneficiary's identity.
public struct Impact: Sendable, Equatable {
    /// One voucher, as far as impact is concerned.
    public struct Voucher: Sendable, Equatable {
        public var status: VoucherStatus
        public var valueMinor: Int
        /// Given to a person (nominated, whether or not used since).
        public var hasBeneficiary: Bool
        /// Made from the value of an expired voucher (not a newly funded place).
        public var isReallocation: Bool
        /// Expired, and its value went on to a new voucher for someone waiting.
        public var wasReallocated: Bool
        public var isCircuit: Bool

        public init(
            status: VoucherStatus, valueMinor: Int, hasBeneficiary: Bool, isReallocation: Bool = false,
            wasReallocated: Bool = false, isCircuit: Bool = false
        ) {
            self.status = status
            self.valueMinor = valueMinor
            self.hasBeneficiary = hasBeneficiary
            self.isReallocation = isReallocation
            self.wasReallocated = wasReallocated
            self.isCircuit = isCircuit
        }
    }

    /// Places the money paid for when it was given (reallocations are not new places).
    public var placesFunded = 0
    /// Vouchers given to a person, reallocated ones included.
    public var nominated = 0
    /// Vouchers someone has used at the door (in use or completed).
    public var attended = 0
    public var circuitsCompleted = 0
    /// Value of vouchers fully used.
    public var redeemedMinor = 0
    /// Value of vouchers still to be used (issued, given, in use).
    public var outstandingMinor = 0
    /// Value of vouchers that expired and stayed in the fund (or went back to the mentor).
    public var expiredMinor = 0
    /// Value of expired vouchers that went on to someone on a waiting list.
    public var reallocatedMinor = 0

    public init() {}

    public init(_ vouchers: [Voucher]) {
        for voucher in vouchers { add(voucher) }
    }

    public mutating func add(_ voucher: Voucher) {
        if !voucher.isReallocation && voucher.status != .cancelled { placesFunded += 1 }
        if voucher.hasBeneficiary { nominated += 1 }
        switch voucher.status {
        case .issued, .nominated:
            outstandingMinor += voucher.valueMinor
        case .inUse:
            attended += 1
            outstandingMinor += voucher.valueMinor
        case .completed:
            attended += 1
            redeemedMinor += voucher.valueMinor
            if voucher.isCircuit { circuitsCompleted += 1 }
        case .expired:
            if voucher.wasReallocated {
                reallocatedMinor += voucher.valueMinor
            } else {
                expiredMinor += voucher.valueMinor
            }
        case .cancelled:
            break
        }
    }

    public static func + (lhs: Impact, rhs: Impact) -> Impact {
        var sum = lhs
        sum.placesFunded += rhs.placesFunded
        sum.nominated += rhs.nominated
        sum.attended += rhs.attended
        sum.circuitsCompleted += rhs.circuitsCompleted
        sum.redeemedMinor += rhs.redeemedMinor
        sum.outstandingMinor += rhs.outstandingMinor
        sum.expiredMinor += rhs.expiredMinor
        sum.reallocatedMinor += rhs.reallocatedMinor
        return sum
    }
}
