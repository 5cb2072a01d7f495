public import Hummingbird
import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The `CumulativeStatistics` of a workspace, its queues, its workflows and its workers on `taskrouter`: what
/// happened over a window (`StartDate`, `EndDate`, `Minutes`; the last 15 minutes by default), counted from
/// the workspace's events.
public struct CumulativeStatisticsController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Workspaces/:workspaceSid/CumulativeStatistics", use: workspace)
        routes.get("Workspaces/:workspaceSid/TaskQueues/:sid/CumulativeStatistics", use: queue)
        routes.get("Workspaces/:workspaceSid/Workflows/:sid/CumulativeStatistics", use: workflow)
        routes.get("Workspaces/:workspaceSid/Workers/CumulativeStatistics", use: workers)
        return routes
    }

    @Sendable func workspace(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            try await Self.workspaceFields(query, workspace: workspace, session: session)
        }
        return StatisticsResource.respond(workspace, fields, path: "/CumulativeStatistics", context: context)
    }

    @Sendable func queue(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return try await Self.queueFields(query, queues: [queue], workspace: workspace, session: session)[0]
        }
        return StatisticsResource.respond(workspace, fields, sids: [("task_queue_sid", sid)], path: "/TaskQueues/\(sid)/CumulativeStatistics", context: context)
    }

    @Sendable func workflow(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            return try await Self.workflowFields(query, workflowSid: sid, workspace: workspace, session: session)
        }
        return StatisticsResource.respond(workspace, fields, sids: [("workflow_sid", sid)], path: "/Workflows/\(sid)/CumulativeStatistics", context: context)
    }

    @Sendable func workers(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            let workers = try await session.workers.all(workspaceSid: workspace.sid)
            return try await Self.workerFields(query, workers: workers, everyWorker: true, workspace: workspace, session: session)
        }
        return StatisticsResource.respond(workspace, fields, path: "/Workers/CumulativeStatistics", context: context)
    }

    // MARK: Fields, shared with the combined Statistics resources

    static func workspaceFields(_ query: StatisticsQuery, workspace: Workspace, session: any StorageSession) async throws -> [(String, JSONValue)] {
        let statistics = try await query.cumulative(StatisticsScope(), workspaceSid: workspace.sid, session: session)
        return CumulativeStatisticsRepresentation.workspace(statistics, window: query.window)
    }

    /// The fields of each queue, in order, from one read of the window's events.
    static func queueFields(_ query: StatisticsQuery, queues: [TaskQueue], workspace: Workspace, session: any StorageSession) async throws -> [[(String, JSONValue)]] {
        let scopes = queues.map { StatisticsScope(taskQueueSid: $0.sid) }
        return try await query.cumulative(scopes, workspaceSid: workspace.sid, session: session)
            .map { CumulativeStatisticsRepresentation.queue($0, window: query.window) }
    }

    static func workflowFields(_ query: StatisticsQuery, workflowSid: String, workspace: Workspace, session: any StorageSession) async throws -> [(String, JSONValue)] {
        let statistics = try await query.cumulative(StatisticsScope(workflowSid: workflowSid), workspaceSid: workspace.sid, session: session)
        return CumulativeStatisticsRepresentation.workflow(statistics, window: query.window)
    }

    /// The fields of `workers`: their reservations (every reservation of the workspace when `everyWorker`,
    /// which includes workers since deleted) and the time they spent in each activity.
    static func workerFields(
        _ query: StatisticsQuery, workers: [Worker], everyWorker: Bool, workspace: Workspace, session: any StorageSession
    ) async throws -> [(String, JSONValue)] {
        let scope = StatisticsScope(workerSids: everyWorker ? nil : Set(workers.map(\.sid)))
        let statistics = try await query.cumulative(scope, workspaceSid: workspace.sid, session: session)
        let durations = try await query.activityDurations(of: workers, workspaceSid: workspace.sid, session: session)
        let activities = try await session.activities.list(workspaceSid: workspace.sid, friendlyName: nil, available: nil,
                                                           page: PageRequest(size: PageRequest.maximumSize)).items
        return CumulativeStatisticsRepresentation.workers(statistics, durations: durations, activities: activities, window: query.window)
    }
}
