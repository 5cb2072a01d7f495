public import Hummingbird
import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The combined `Statistics` of a workspace, its queues, its workflows and its workers on `taskrouter`: the
/// cumulative statistics over a window (as the `CumulativeStatistics` resources count them) under
/// `cumulative`, and what is happening now (as the `RealTimeStatistics` resources count it) under `realtime`.
/// One worker's `Statistics` has only `cumulative`, as Twilio's does.
public struct StatisticsController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Workspaces/:workspaceSid/Statistics", use: workspace)
        routes.get("Workspaces/:workspaceSid/TaskQueues/Statistics", use: queues)
        routes.get("Workspaces/:workspaceSid/TaskQueues/:sid/Statistics", use: queue)
        routes.get("Workspaces/:workspaceSid/Workflows/:sid/Statistics", use: workflow)
        routes.get("Workspaces/:workspaceSid/Workers/Statistics", use: workers)
        routes.get("Workspaces/:workspaceSid/Workers/:sid/Statistics", use: worker)
        return routes
    }

    @Sendable func workspace(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let (workspace, cumulative, realtime) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let cumulative = try await CumulativeStatisticsController.workspaceFields(query, workspace: workspace, session: session)
            return (workspace, cumulative, try await query.realTime(workspaceSid: workspace.sid, session: session).workspaceFields())
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Statistics"
        return JSONResponse.make(.object([
            ("account_sid", .string(workspace.accountSid)), ("cumulative", .object(cumulative)), ("realtime", .object(realtime)),
            ("workspace_sid", .string(workspace.sid)), ("url", .string(url)),
        ]))
    }

    @Sendable func queue(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return (workspace, try await Self.queueFields(query, queues: [queue], workspace: workspace, session: session)[0])
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/TaskQueues/" + sid + "/Statistics"
        return JSONResponse.make(.object(fields + [("url", .string(url))]))
    }

    @Sendable func queues(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let parameters = try request.queryParameters()
        let query = try StatisticsQuery(parameters, now: dependencies.time.now())
        let page = try request.pageRequest()
        let (workspace, rows, fields) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let rows = try await session.taskQueues.list(workspaceSid: workspace.sid, friendlyName: parameters.string("FriendlyName"), page: page)
            let fields = try await Self.queueFields(query, queues: rows.items, workspace: workspace, session: session)
            return (workspace, rows, Dictionary(uniqueKeysWithValues: zip(rows.items.map(\.sid), fields)))
        }
        let filters = ["FriendlyName", "StartDate", "EndDate", "Minutes", "TaskChannel", "SplitByWaitTime"]
            .compactMap { name in parameters.string(name).map { (name, $0) } }
        return JSONResponse.make(ListEnvelope.v1(
            key: "task_queues_statistics", page: rows, request: page,
            listURL: WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/TaskQueues/Statistics", filters: filters
        ) { .object(fields[$0.sid] ?? []) })
    }

    @Sendable func workflow(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let sid = try context.parameters.require("sid")
        let (workspace, cumulative, realtime) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            let cumulative = try await CumulativeStatisticsController.workflowFields(query, workflowSid: sid, workspace: workspace, session: session)
            return (workspace, cumulative, try await query.realTime(workspaceSid: workspace.sid, session: session).workflowFields(sid))
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workflows/" + sid + "/Statistics"
        return JSONResponse.make(.object([
            ("account_sid", .string(workspace.accountSid)), ("cumulative", .object(cumulative)), ("realtime", .object(realtime)),
            ("workflow_sid", .string(sid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url)),
        ]))
    }

    /// The workers' statistics; `TaskQueueSid` or `TaskQueueName` narrows them to the workers a queue's
    /// `TargetWorkers` selects, and `FriendlyName` to the worker of that name.
    @Sendable func workers(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let parameters = try request.queryParameters()
        let query = try StatisticsQuery(parameters, now: dependencies.time.now())
        let (workspace, cumulative, realtime) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let now = try await query.realTime(workspaceSid: workspace.sid, session: session)
            var workers = now.workers
            if let name = parameters.string("FriendlyName") { workers = workers.filter { $0.friendlyName == name } }
            let queues = try await WorkerListFilter.queues(named: parameters, workspaceSid: workspace.sid, session: session)
            if !queues.isEmpty {
                let expressions = try queues.map { try $0?.parsedTargetWorkers() }
                let selected = try await WorkerListFilter.matchingWorkers(expressions, workspaceSid: workspace.sid, session: session)
                workers = workers.filter { selected.contains($0.sid) }
            }
            let everyWorker = workers.count == now.workers.count
            let cumulative = try await CumulativeStatisticsController.workerFields(
                query, workers: workers, everyWorker: everyWorker, workspace: workspace, session: session)
            return (workspace, cumulative, now.workerFields(workers))
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workers/Statistics"
        return JSONResponse.make(.object([
            ("realtime", .object(realtime)), ("cumulative", .object(cumulative)),
            ("account_sid", .string(workspace.accountSid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url)),
        ]))
    }

    @Sendable func worker(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        let sid = try context.parameters.require("sid")
        let (workspace, cumulative) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let worker = try await session.workers.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return (workspace, try await CumulativeStatisticsController.workerFields(
                query, workers: [worker], everyWorker: false, workspace: workspace, session: session))
        }
        let url = WorkspaceScope.url(workspace.sid, baseURL: context.domainBaseURL) + "/Workers/" + sid + "/Statistics"
        return JSONResponse.make(.object([
            ("account_sid", .string(workspace.accountSid)), ("cumulative", .object(cumulative)),
            ("worker_sid", .string(sid)), ("workspace_sid", .string(workspace.sid)), ("url", .string(url)),
        ]))
    }

    /// Each queue's statistics as the queue's resource and the queues' list show them, without `url`.
    static func queueFields(_ query: StatisticsQuery, queues: [TaskQueue], workspace: Workspace, session: any StorageSession) async throws -> [[(String, JSONValue)]] {
        let cumulative = try await CumulativeStatisticsController.queueFields(query, queues: queues, workspace: workspace, session: session)
        let now = try await query.realTime(workspaceSid: workspace.sid, session: session)
        return zip(queues, cumulative).map { queue, cumulative in
            [
                ("account_sid", .string(workspace.accountSid)), ("cumulative", .object(cumulative)),
                ("realtime", .object(now.queueFields(queue))), ("task_queue_sid", .string(queue.sid)), ("workspace_sid", .string(workspace.sid)),
            ]
        }
    }
}
