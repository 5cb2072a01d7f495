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
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            let cumulative = try await CumulativeStatisticsController.workspaceFields(query, workspace: workspace, session: session)
            return Self.combined(cumulative, try await query.realTime(workspaceSid: workspace.sid, session: session).workspaceFields())
        }
        return StatisticsResource.respond(workspace, fields, path: "/Statistics", context: context)
    }

    @Sendable func queue(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return try await Self.queueFields(query, queues: [queue], workspace: workspace, session: session)[0]
        }
        return StatisticsResource.respond(workspace, fields, sids: [("task_queue_sid", sid)], path: "/TaskQueues/\(sid)/Statistics", context: context)
    }

    @Sendable func queues(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let parameters = try request.queryParameters()
        let page = try request.pageRequest()
        let (workspace, (rows, fields)) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            let rows = try await session.taskQueues.list(workspaceSid: workspace.sid, friendlyName: parameters.string("FriendlyName"), page: page)
            let fields = try await Self.queueFields(query, queues: rows.items, workspace: workspace, session: session)
            return (rows, Dictionary(uniqueKeysWithValues: zip(rows.items.map(\.sid), fields)))
        }
        let filters = ["FriendlyName", "StartDate", "EndDate", "Minutes", "TaskChannel", "SplitByWaitTime"]
            .compactMap { name in parameters.string(name).map { (name, $0) } }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "task_queues_statistics", page: rows, request: page,
            listURL: WorkspaceScope.url(workspace.sid, baseURL: baseURL) + "/TaskQueues/Statistics", filters: filters
        ) { StatisticsResource.json(workspace, fields[$0.sid] ?? [], sids: [("task_queue_sid", $0.sid)], path: nil, baseURL: baseURL) })
    }

    @Sendable func workflow(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            let cumulative = try await CumulativeStatisticsController.workflowFields(query, workflowSid: sid, workspace: workspace, session: session)
            return Self.combined(cumulative, try await query.realTime(workspaceSid: workspace.sid, session: session).workflowFields(sid))
        }
        return StatisticsResource.respond(workspace, fields, sids: [("workflow_sid", sid)], path: "/Workflows/\(sid)/Statistics", context: context)
    }

    /// The workers' statistics; `TaskQueueSid` or `TaskQueueName` narrows them to the workers a queue's
    /// `TargetWorkers` selects, and `FriendlyName` to the worker of that name.
    @Sendable func workers(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let parameters = try request.queryParameters()
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            let now = try await query.realTime(workspaceSid: workspace.sid, session: session)
            var workers = now.workers
            if let name = parameters.string("FriendlyName") { workers = workers.filter { $0.friendlyName == name } }
            let queues = try await WorkerListFilter.queues(named: parameters, workspaceSid: workspace.sid, session: session)
            if !queues.isEmpty {
                let expressions = try queues.map { try $0?.parsedTargetWorkers() }
                let selected = try await WorkerListFilter.matchingWorkers(expressions, workspaceSid: workspace.sid, session: session)
                workers = workers.filter { selected.contains($0.sid) }
            }
            let cumulative = try await CumulativeStatisticsController.workerFields(
                query, workers: workers, everyWorker: workers.count == now.workers.count, workspace: workspace, session: session)
            return Self.combined(cumulative, now.workerFields(workers))
        }
        return StatisticsResource.respond(workspace, fields, path: "/Workers/Statistics", context: context)
    }

    @Sendable func worker(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (workspace, fields) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            guard let worker = try await session.workers.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            let cumulative = try await CumulativeStatisticsController.workerFields(
                query, workers: [worker], everyWorker: false, workspace: workspace, session: session)
            return [("cumulative", JSONValue.object(cumulative))]
        }
        return StatisticsResource.respond(workspace, fields, sids: [("worker_sid", sid)], path: "/Workers/\(sid)/Statistics", context: context)
    }

    /// The `cumulative` and `realtime` objects of a combined resource.
    static func combined(_ cumulative: [(String, JSONValue)], _ realtime: [(String, JSONValue)]) -> [(String, JSONValue)] {
        [("cumulative", .object(cumulative)), ("realtime", .object(realtime))]
    }

    /// Each queue's `cumulative` and `realtime` objects, as the queue's resource and the queues' list show them.
    static func queueFields(_ query: StatisticsQuery, queues: [TaskQueue], workspace: Workspace, session: any StorageSession) async throws -> [[(String, JSONValue)]] {
        let cumulative = try await CumulativeStatisticsController.queueFields(query, queues: queues, workspace: workspace, session: session)
        let now = try await query.realTime(workspaceSid: workspace.sid, session: session)
        return zip(queues, cumulative).map { queue, cumulative in combined(cumulative, now.queueFields(queue)) }
    }
}
