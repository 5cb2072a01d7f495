public import CoreMetrics
public import Prometheus
import SwitchboardDelivery
import SwitchboardRouting
import SwitchboardStorage

/// The swift-metrics backend of `switchboard serve`: every series goes into one Prometheus registry under a
/// Prometheus name with a `# HELP` line, so `/metrics` passes `promtool check metrics`. Hummingbird's request
/// metrics are renamed to Prometheus's conventions (`_total` counters, durations in seconds).
public struct SwitchboardMetricsFactory: MetricsFactory {
    /// Where the series are kept; `/metrics` renders it.
    public let registry: PrometheusCollectorRegistry

    /// Creates the factory over `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// A series' Prometheus name and help text.
    struct Series {
        let name: String
        let help: String

        var descriptor: MetricNameDescriptor { MetricNameDescriptor(metricName: name, unitName: "", helpText: help) }
    }

    /// Every series Switchboard records, by its swift-metrics label.
    static let known: [String: Series] = [
        "hb.requests": Series(name: "http_server_requests_total", help: "HTTP requests answered, by route, method and status."),
        "hb.request.errors": Series(name: "http_server_request_errors_total", help: "HTTP requests that ended in an error, by route, method and status."),
        "http.server.request.duration": Series(name: "http_server_request_duration_seconds", help: "How long HTTP requests took, by route, method and status."),
        "http.server.active_requests": Series(name: "http_server_active_requests", help: "HTTP requests in flight, by method."),
        DeliveryMetrics.deliveries: Series(name: DeliveryMetrics.deliveries, help: "Outbox entries delivered, by channel (webhook for webhook calls)."),
        DeliveryMetrics.failures: Series(name: DeliveryMetrics.failures, help: "Failed delivery attempts, by channel and outcome (retry or failed for good)."),
        RoutingMetrics.reservationsCreated: Series(name: RoutingMetrics.reservationsCreated, help: "TaskRouter reservations created."),
        RoutingMetrics.reservationsTimedOut: Series(name: RoutingMetrics.reservationsTimedOut, help: "TaskRouter reservations that timed out unanswered."),
        StorageMetrics.transactionDuration: Series(name: StorageMetrics.transactionDuration, help: "How long database write transactions took."),
    ]

    /// The series for `label`; one Switchboard does not know yet (a library's) keeps its label, made a valid name.
    static func series(_ label: String, isCounter: Bool) -> Series {
        if let series = known[label] { return series }
        var name = String(label.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if isCounter && !name.hasSuffix("_total") { name += "_total" }
        return Series(name: name, help: "Recorded as \(label) through swift-metrics.")
    }

    /// Buckets from 1 ms to 10 s: requests and transactions are mostly milliseconds.
    static let durationBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: Self.series(label, isCounter: true).descriptor, labels: dimensions)
    }

    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: Self.series(label, isCounter: true).descriptor, labels: dimensions)
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        let descriptor = Self.series(label, isCounter: false).descriptor
        guard aggregate else { return registry.makeGauge(descriptor: descriptor, labels: dimensions) }
        return registry.makeValueHistogram(descriptor: descriptor, labels: dimensions, buckets: [1, 5, 10, 50, 100, 500, 1000, 5000, 10000])
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: Self.series(label, isCounter: false).descriptor, labels: dimensions)
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(descriptor: Self.series(label, isCounter: false).descriptor, labels: dimensions, buckets: Self.durationBuckets)
    }

    public func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    public func destroyRecorder(_ handler: any RecorderHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
        if let histogram = handler as? Prometheus.ValueHistogram { registry.unregisterValueHistogram(histogram) }
    }

    public func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
    }

    public func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? Prometheus.DurationHistogram { registry.unregisterDurationHistogram(histogram) }
    }
}
