public import Hummingbird
import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The `RealTimeStatistics` of a workspace, its queues, its workflows and its workers on `taskrouter`.
/// `TaskChannel` counts only the tasks of that channel.
public struct RealTimeStatisticsController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Workspaces/:workspaceSid/RealTimeStatistics", use: workspace)
        routes.get("Workspaces/:workspaceSid/TaskQueues/:sid/RealTimeStatistics", use: queue)
        routes.get("Workspaces/:workspaceSid/Workflows/:sid/RealTimeStatistics", use: workflow)
        routes.get("Workspaces/:workspaceSid/Workers/RealTimeStatistics", use: workers)
        return routes
    }

    @Sendable func workspace(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (workspace, stats, _) = try await load(request, context) { _, _ in }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/RealTimeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + stats.workspaceFields()
            + [("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func queue(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, stats, queue) = try await load(request, context) { session, workspace in
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return queue
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/TaskQueues/" + queue.sid + "/RealTimeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + stats.queueFields(queue)
            + [("task_queue_sid", .string(queue.sid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func workflow(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, stats, _) = try await load(request, context) { session, workspace in
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workflows/" + sid + "/RealTimeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + stats.workflowFields(sid)
            + [("workflow_sid", .string(sid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func workers(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (workspace, stats, _) = try await load(request, context) { _, _ in }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workers/RealTimeStatistics"
        return JSONResponse.make(.object([("account_sid", .string(workspace.accountSid))] + stats.workerFields(stats.workers)
            + [("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    /// The workspace, its statistics now, and what `find` looked up of the resource in the path.
    func load<Found: Sendable>(
        _ request: Request, _ context: SwitchboardRequestContext,
        find: @escaping @Sendable (any StorageSession, Workspace) async throws -> Found
    ) async throws -> (Workspace, RealTimeStatistics, Found) {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        return try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let found = try await find(session, workspace)
            return (workspace, try await query.realTime(workspaceSid: workspace.sid, session: session), found)
        }
    }
}
