import Foundation
public import Hummingbird
import NIOCore
import Prometheus
import SwitchboardCore
import SwitchboardStorage

/// `GET /metrics`: Prometheus's text format, without credentials like `/health`, for operators on loopback. What
/// the process counted (requests, deliveries, reservations, transactions) comes from the registry; what is
/// stored (the outbox, tasks) is counted from the database at each scrape, so every process sharing one
/// PostgreSQL reports the same and nothing drifts.
public struct MetricsController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The route.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("metrics", use: scrape)
        return routes
    }

    @Sendable func scrape(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let now = dependencies.time.now()
        let (outbox, oldestPending, tasks) = try await dependencies.storage.read { session in
            (try await session.outbox.countByStatus(), try await session.outbox.oldestPendingCreation(), try await session.tasks.countByStatus())
        }
        let stored = PrometheusCollectorRegistry()
        let entries = MetricNameDescriptor(
            metricName: "switchboard_outbox_entries", unitName: "",
            helpText: "Outbox entries of every account by status; pending is the outbox's depth, delivered the kept history.")
        for status in OutboxStatus.allCases {
            stored.makeGauge(descriptor: entries, labels: [("status", status.rawValue)]).set(to: Double(outbox[status, default: 0]))
        }
        stored.makeGauge(descriptor: MetricNameDescriptor(
            metricName: "switchboard_outbox_oldest_pending_age_seconds", unitName: "",
            helpText: "How long the oldest pending outbox entry has waited; 0 when none is pending."))
            .set(to: oldestPending.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        let taskCounts = MetricNameDescriptor(
            metricName: "switchboard_tasks", unitName: "", helpText: "TaskRouter tasks by workspace and assignment status.")
        for count in tasks {
            stored.makeGauge(descriptor: taskCounts, labels: [("workspace_sid", count.workspaceSid), ("assignment_status", count.status.rawValue)])
                .set(to: Double(count.count))
        }
        let counted = StorageCounters.read()
        for (name, help, value) in [
            ("switchboard_database_units_of_work_total", "Units of work this process committed.", counted.unitsOfWork),
            ("switchboard_database_commits_total", "Transactions this process committed; on SQLite one holds many units of work.", counted.commits),
            ("switchboard_database_statements_total", "Statements this process ran on SQLite.", counted.statements),
        ] {
            stored.makeCounter(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help)).increment(by: Int64(value))
        }
        var text = dependencies.metrics.emitToBuffer()
        stored.emit(into: &text)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: text)))
    }
}
