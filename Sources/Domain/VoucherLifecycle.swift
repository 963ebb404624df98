/// Every way a voucher's status may change, as typed transitions (ARCHITECTURE §4): the one
/// place that says which moves exist. Stores write a status only through one of these, as a
/// single guarded statement (`status IN from`), so a move the lifecycle does not allow can
/// never reach the database, and of two concurrent moves of one voucher only one happens.
public enum VoucherLifecycle {
    /// One move: the statuses it may start from, and the one it leads to.
    public struct Transition: Sendable, Hashable, CustomStringConvertible {
        /// What happened, for logs and errors.
        public let name: String
        public let from: Set<VoucherStatus>
        public let to: VoucherStatus

        init(_ name: String, from: Set<VoucherStatus>, to: VoucherStatus) {
            self.name = name
            self.from = from
            self.to = to
        }

        /// Whether a voucher in `status` may make this move.
        public func allows(_ status: VoucherStatus) -> Bool { from.contains(status) }

        /// The status after the move, or nil when it is not allowed from `status`.
        public func apply(to status: VoucherStatus) -> VoucherStatus? { allows(status) ? to : nil }

        public var description: String { "\(name): \(from.map(\.rawValue).sorted()) → \(to.rawValue)" }
    }

    /// A partner gives an issued voucher to a beneficiary.
    public static let nominate = Transition("nominate", from: [.issued], to: .nominated)
    /// A nomination nobody has used is taken back: the voucher may be given to someone else.
    public static let withdraw = Transition("withdraw", from: [.nominated], to: .issued)
    /// A holder is admitted to a step that does not complete the voucher.
    public static let admit = Transition("admit", from: [.nominated, .inUse], to: .inUse)
    /// A holder is admitted to the step that completes the voucher (every step attended).
    public static let complete = Transition("complete", from: [.nominated, .inUse], to: .completed)
    /// An admission is undone. Undoing the admission that completed a voucher reopens it: the
    /// step is open again and may be attended (the certificate is withdrawn meanwhile), which
    /// is what the door's undo is for (a wrong voucher scanned). With other admissions still
    /// standing the voucher stays in use, else it is as it was before its first admission.
    public static func void(admissionsLeft: Bool) -> Transition {
        Transition("void", from: [.inUse, .completed], to: admissionsLeft ? .inUse : .nominated)
    }
    /// A voucher nobody used passes its date; its value goes back by the mentor's rule.
    public static let expire = Transition("expire", from: [.issued, .nominated], to: .expired)
    /// An admin (or a refund) cancels a voucher nobody used: its value goes back to the fund.
    public static let cancel = Transition("cancel", from: [.issued, .nominated], to: .cancelled)
    /// A refund takes back a voucher that nobody holds yet.
    public static let refund = Transition("refund", from: [.issued], to: .cancelled)

    /// Every transition; `void` in both of its forms.
    public static let all: [Transition] = [
        nominate, withdraw, admit, complete, void(admissionsLeft: true), void(admissionsLeft: false), expire, cancel,
        refund,
    ]

    /// The transition an admission makes: completing the voucher, or not.
    public static func admission(completes: Bool) -> Transition { completes ? complete : admit }
}

/// The life of a voucher (ARCHITECTURE §4): issued → nominated → in use → completed, or
/// expired / cancelled. A voucher is created issued (`Bookings.issue`); every later move is a
/// `VoucherLifecycle` transition.
public enum VoucherStatus: String, Sendable, CaseIterable, Codable {
    case issued
    case nominated
    case inUse = "in_use"
    case completed
    case expired
    case cancelled

    /// The statuses this one may move to, by some transition of the lifecycle.
    public var next: Set<VoucherStatus> {
        Set(VoucherLifecycle.all.filter { $0.allows(self) }.map(\.to)).subtracting([self])
    }

    public func canMove(to status: VoucherStatus) -> Bool { next.contains(status) }

    /// Whether value may still be released back to the fund (nothing of it was used).
    public var isUnused: Bool { self == .issued || self == .nominated }
}
