import Foundation
import Hummingbird
import HummingbirdTesting
import Metrics
import Prometheus
import Testing
import SwitchboardDelivery
import SwitchboardStorage
@testable import SwitchboardAPI

@Suite struct MetricsControllerTests {
    @Test func metricsAnswerWithoutCredentialsInPrometheusTextWithTheStoredOutboxCounts() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(text.contains("# TYPE switchboard_outbox_entries gauge"))
                #expect(text.contains("switchboard_outbox_entries{status=\"pending\"} 0.0"))
                #expect(text.contains("switchboard_outbox_entries{status=\"delivered\"} 0.0"))
                #expect(text.contains("switchboard_outbox_oldest_pending_age_seconds 0.0"))
            }
        }
    }
}

@Suite struct SwitchboardMetricsFactoryTests {
    @Test func hummingbirdsAndSwitchboardsSeriesGetPrometheusNamesAndHelp() {
        let registry = PrometheusCollectorRegistry()
        let factory = SwitchboardMetricsFactory(registry: registry)
        Counter(label: "hb.requests", dimensions: [("http.route", "/health"), ("http.response.status_code", "200")], factory: factory).increment()
        Counter(label: DeliveryMetrics.deliveries, dimensions: [("channel", "sms")], factory: factory).increment(by: 2)
        Metrics.Timer(label: StorageMetrics.transactionDuration, factory: factory).recordMilliseconds(3)
        let text = registry.emitToString()
        #expect(text.contains("# HELP http_server_requests_total HTTP requests answered, by route, method and status."))
        #expect(text.contains("http_server_requests_total{http_route=\"/health\",http_response_status_code=\"200\"} 1"))
        #expect(text.contains("switchboard_outbox_deliveries_total{channel=\"sms\"} 2"))
        #expect(text.contains("# TYPE switchboard_database_transaction_duration_seconds histogram"))
        #expect(text.contains("switchboard_database_transaction_duration_seconds_count 1"))
    }

    @Test func aCounterSwitchboardDoesNotKnowKeepsItsLabelAsAValidNameEndingInTotalWithHelp() {
        let registry = PrometheusCollectorRegistry()
        Counter(label: "some.library.events", factory: SwitchboardMetricsFactory(registry: registry)).increment()
        let text = registry.emitToString()
        #expect(text.contains("# HELP some_library_events_total Recorded as some.library.events through swift-metrics."))
        #expect(text.contains("some_library_events_total 1"))
    }
}
