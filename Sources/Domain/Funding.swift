/// What unused value does when a voucher expires (the mentor chooses at contribution time).
public enum UnusedValueRule: String, Sendable, CaseIterable, Codable {
    /// To the next person on the waiting list of the same circuit or fund (the default).
    case reallocate
    /// Back to the fund, for any use.
    case returnToFund = "return_to_fund"
    /// Back to the mentor.
    case refund
}
