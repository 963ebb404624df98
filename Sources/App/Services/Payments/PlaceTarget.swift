import Domain
import FluentKit
import Foundation
import Persistence

/// What a fund's "sponsor N places" buys: places at one event, or places in a circuit — its
/// newest published version, whose steps and prices the vouchers then keep.
enum PlaceTarget: Sendable {
    case event(EventModel)
    case circuit(CircuitVersionModel)

    /// The price of one place now, locked into the contribution.
    var price: Money {
        switch self {
        case .event(let event): Money(minor: event.priceMinor, currency: event.currency)
        case .circuit(let version): Money(minor: version.valueMinor, currency: version.currency)
        }
    }

    var scope: VoucherScope {
        switch self {
        case .event: .event
        case .circuit: .circuit
        }
    }

    /// The event, or the circuit version (never the circuit: versions do not change).
    var scopeID: UUID? {
        switch self {
        case .event(let event): event.id
        case .circuit(let version): version.id
        }
    }

    /// The places a fund sponsors, if it is earmarked for an event or a published circuit.
    static func of(_ fund: FundModel, on db: any Database) async throws -> PlaceTarget? {
        guard let id = fund.scopeID else { return nil }
        switch fund.scope {
        case .event:
            return try await EventModel.query(on: db).filter(\.$id == id).with(\.$texts).first().map { .event($0) }
        case .circuit:
            guard
                try await CircuitModel.query(on: db).filter(\.$id == id).filter(\.$status == .published).count() == 1
            else { return nil }
            // A circuit priced in another currency than the fund's sponsors no places from it.
            guard let version = try await Circuits.currentVersion(id, on: db), version.currency == fund.currency
            else { return nil }
            return .circuit(version)
        default:
            return nil
        }
    }
}
