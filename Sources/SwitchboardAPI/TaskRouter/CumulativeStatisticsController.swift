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
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let (workspace, fields) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace, try await Self.workspaceFields(query, workspace: workspace, session: session))
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/CumulativeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + fields
            + [("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func queue(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return (workspace, try await Self.queueFields(query, queues: [queue], workspace: workspace, session: session)[0])
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/TaskQueues/" + sid + "/CumulativeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + fields
            + [("task_queue_sid", .string(sid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func workflow(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            return (workspace, try await Self.workflowFields(query, workflowSid: sid, workspace: workspace, session: session))
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workflows/" + sid + "/CumulativeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + fields
            + [("workflow_sid", .string(sid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func workers(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let (workspace, fields) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let workers = try await session.workers.all(workspaceSid: workspace.sid)
            return (workspace, try await Self.workerFields(query, workers: workers, everyWorker: true, workspace: workspace, session: session))
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workers/CumulativeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + fields
            + [("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
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
