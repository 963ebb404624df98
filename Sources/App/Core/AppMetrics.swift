import Foundation
import Localization
import Prometheus

/// The Prometheus registry of one app, served at `/metrics`.
public struct AppMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(name: "http_requests_total", labels: labels).increment()
        registry.makeDurationHistogram(
            name: "http_request_duration_seconds", labels: [("method", method), ("route", route)],
            buckets: [
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
            ]
        ).recordNanoseconds(Int64(seconds * 1_000_000_000))
    }

    func record(_ issues: [LocalizationIssue]) {
        for issue in issues {
            switch issue {
            case .fellBack(_, let from, let to):
                registry.makeCounter(name: "i18n_fallbacks_total", labels: [("from", from), ("to", to)]).increment()
            case .missingMessage:
                registry.makeCounter(name: "i18n_missing_messages_total").increment()
            default:
                registry.makeCounter(name: "i18n_format_errors_total").increment()
            }
        }
    }

    func mail(_ outcome: String) {
        registry.makeCounter(name: "mail_deliveries_total", labels: [("outcome", outcome)]).increment()
    }

    /// A write transaction of the door's group commit (`DoorQueue`): how many scans it took,
    /// and whether it had to be made again one scan at a time.
    func doorBatch(scans: Int, remade: Bool) {
        registry.makeCounter(name: "door_batches_total").increment()
        registry.makeCounter(name: "door_batch_scans_total").increment(by: Int64(scans))
        if remade { registry.makeCounter(name: "door_batches_remade_total").increment() }
    }

    public func render() -> String {
        var buffer = [UInt8]()
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
