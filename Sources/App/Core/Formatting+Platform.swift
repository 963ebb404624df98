import Foundation
import Localization

extension Formatting {
    /// Where dates not tied to a venue are shown (a voucher's validity, a receipt, a list's
    /// "since"): Italy, where the platform and its funds are run. Venue dates use the venue's
    /// own time zone instead.
    static let platformTimeZone = TimeZone(identifier: "Europe/Rome") ?? .gmt

    static func platform(_ language: String) -> Formatting {
        Formatting(language: language, timeZone: platformTimeZone)
    }
}
