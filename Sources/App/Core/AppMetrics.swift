import Foundation
import Localization
import Prometheus

/// The Prometheus registry of one app, served at `/metrics`.
public struct AppMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    /// The metrics' names and help lines (for operators; not shown to users).
    enum Names {
        static var requests: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "http_requests", unitName: "total", helpText: "HTTP requests by method, route and status.")
        }
        static var requestDuration: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request durations by route.")
        }
        static var fallbacks: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "i18n_fallbacks", unitName: "total",
                helpText: "Messages shown in a fallback language, by requested and used language.")
        }
        static var missingMessages: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "i18n_missing_messages", unitName: "total", helpText: "Messages missing from every catalog."
            )
        }
        static var formatErrors: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "i18n_format_errors", unitName: "total", helpText: "Messages that could not be formatted.")
        }
        static var mailDeliveries: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "mail_deliveries", unitName: "total", helpText: "Mail delivery attempts by outcome.")
        }
        static var doorBatches: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "door_batches", unitName: "total",
                helpText: "Write transactions of the door's group commit.")
        }
        static var doorBatchScans: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "door_batch_scans", unitName: "total", helpText: "Scans made by the door's group commit.")
        }
        static var doorBatchesRemade: MetricNameDescriptor {
            MetricNameDescriptor(
                metricName: "door_batches_remade", unitName: "total",
                helpText: "Door batches rolled back and made again one scan at a time.")
        }
    }

    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Names.requests, labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: Names.requestDuration, labels: [("method", method), ("route", route)],
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
                registry.makeCounter(descriptor: Names.fallbacks, labels: [("from", from), ("to", to)]).increment()
            case .missingMessage:
                registry.makeCounter(descriptor: Names.missingMessages).increment()
            default:
                registry.makeCounter(descriptor: Names.formatErrors).increment()
            }
        }
    }

    func mail(_ outcome: String) {
        registry.makeCounter(descriptor: Names.mailDeliveries, labels: [("outcome", outcome)]).increment()
    }

    /// A write transaction of the door's group commit (`DoorQueue`): how many scans it took,
    /// and whether it had to be made again one scan at a time.
    func doorBatch(scans: Int, remade: Bool) {
        registry.makeCounter(descriptor: Names.doorBatches).increment()
        registry.makeCounter(descriptor: Names.doorBatchScans).increment(by: Int64(scans))
        if remade { registry.makeCounter(descriptor: Names.doorBatchesRemade).increment() }
    }

    public func render() -> String {
        var buffer = [UInt8]()
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
