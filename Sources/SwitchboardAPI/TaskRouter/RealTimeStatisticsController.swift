public import Hummingbird
import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The `RealTimeStatistics` of a workspace, its queues, its workflows and its workers on `taskrouter`.
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
        let now = dependencies.time.now()
        let (workspace, stats) = try await load(context, now: now)
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/RealTimeStatistics"
        return JSONResponse.make(.object(
            [("account_sid", .string(workspace.accountSid)), ("activity_statistics", stats.activityStatistics(stats.workers))]
            + RealTimeStatistics.taskFields(stats.tasks, now: now)
            + [("total_workers", .int(stats.workers.count)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func queue(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let now = dependencies.time.now()
        let sid = try context.parameters.require("sid")
        let (workspace, stats, queue) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return (workspace, try await RealTimeStatistics.load(workspaceSid: workspace.sid, session: session, now: now), queue)
        }
        let tasks = stats.tasks.filter { $0.taskQueueSid == queue.sid }
        let eligible = stats.eligibleWorkers(of: queue)
        let longestInQueue = tasks.filter { $0.assignmentStatus == .pending }
            .min { ($0.taskQueueEnteredDate ?? $0.dateCreated) < ($1.taskQueueEnteredDate ?? $1.dateCreated) }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/TaskQueues/" + queue.sid + "/RealTimeStatistics"
        return JSONResponse.make(.object(
            [("account_sid", .string(workspace.accountSid)), ("activity_statistics", stats.activityStatistics(eligible))]
            + RealTimeStatistics.taskFields(tasks, now: now)
            + [
                ("longest_relative_task_age_in_queue", .int(longestInQueue.map { max(0, Int(now.timeIntervalSince($0.taskQueueEnteredDate ?? $0.dateCreated))) } ?? 0)),
                ("longest_relative_task_sid_in_queue", .string(longestInQueue?.sid)),
                ("task_queue_sid", .string(queue.sid)),
                ("total_available_workers", .int(stats.available(eligible).count)),
                ("total_eligible_workers", .int(eligible.count)),
                ("workspace_sid", .string(workspace.sid)),
                ("url", .string(url)),
            ]))
    }

    @Sendable func workflow(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let now = dependencies.time.now()
        let sid = try context.parameters.require("sid")
        let (workspace, stats) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            return (workspace, try await RealTimeStatistics.load(workspaceSid: workspace.sid, session: session, now: now))
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workflows/" + sid + "/RealTimeStatistics"
        return JSONResponse.make(.object(
            [("account_sid", .string(workspace.accountSid))]
            + RealTimeStatistics.taskFields(stats.tasks.filter { $0.workflowSid == sid }, now: now)
            + [("workflow_sid", .string(sid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url))]))
    }

    @Sendable func workers(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let now = dependencies.time.now()
        let (workspace, stats) = try await load(context, now: now)
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workers/RealTimeStatistics"
        return JSONResponse.make(.object([
            ("account_sid", .string(workspace.accountSid)),
            ("activity_statistics", stats.activityStatistics(stats.workers)),
            ("total_workers", .int(stats.workers.count)),
            ("workspace_sid", .string(workspace.sid)),
            ("url", .string(url)),
        ]))
    }

    func load(_ context: SwitchboardRequestContext, now: Date) async throws -> (Workspace, RealTimeStatistics) {
        try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace, try await RealTimeStatistics.load(workspaceSid: workspace.sid, session: session, now: now))
        }
    }
}
