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
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            try await query.realTime(workspaceSid: workspace.sid, session: session).workspaceFields()
        }
        return StatisticsResource.respond(workspace, fields, path: "/RealTimeStatistics", context: context)
    }

    @Sendable func queue(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return try await query.realTime(workspaceSid: workspace.sid, session: session).queueFields(queue)
        }
        return StatisticsResource.respond(workspace, fields, sids: [("task_queue_sid", sid)], path: "/TaskQueues/\(sid)/RealTimeStatistics", context: context)
    }

    @Sendable func workflow(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            return try await query.realTime(workspaceSid: workspace.sid, session: session).workflowFields(sid)
        }
        return StatisticsResource.respond(workspace, fields, sids: [("workflow_sid", sid)], path: "/Workflows/\(sid)/RealTimeStatistics", context: context)
    }

    @Sendable func workers(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            let now = try await query.realTime(workspaceSid: workspace.sid, session: session)
            return now.workerFields(now.workers)
        }
        return StatisticsResource.respond(workspace, fields, path: "/Workers/RealTimeStatistics", context: context)
    }
}
