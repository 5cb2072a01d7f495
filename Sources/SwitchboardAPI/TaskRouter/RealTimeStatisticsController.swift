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
        routes.post("Workspaces/:workspaceSid/TaskQueues/RealTimeStatistics", use: queues)
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

    /// Twilio's bulk read: the real-time statistics of up to 50 queues named by `QueueSids` in a JSON body, from one
    /// reading of the workspace. SIDs that name no queue of the workspace are left out, which
    /// `task_queue_response_count` shows.
    @Sendable func queues(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sids = try Self.queueSids(json: try await request.textBody(context: context))
        let (workspace, data) = try await StatisticsResource.read(request, context, dependencies) { query, workspace, session in
            let now = try await query.realTime(workspaceSid: workspace.sid, session: session)
            var data: [JSONValue] = []
            for sid in sids {
                guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { continue }
                let fields = Dictionary(now.queueFields(queue), uniquingKeysWith: { first, _ in first })
                data.append(.object([("task_queue_sid", .string(sid))] + Self.bulkQueueFields.map { ($0, fields[$0] ?? .null) }))
            }
            return data
        }
        let fields: [(String, JSONValue)] = [("task_queue_data", .array(data)), ("task_queue_response_count", .int(data.count))]
        return StatisticsResource.respond(workspace, fields, path: "/TaskQueues/RealTimeStatistics", context: context)
    }

    /// The most queues one bulk request may name.
    static let bulkQueueLimit = 50

    /// What each queue's entry of a bulk answer holds, in Twilio's order, after its `task_queue_sid`.
    static let bulkQueueFields = [
        "longest_task_waiting_age", "longest_task_waiting_sid", "total_tasks", "total_eligible_workers", "total_available_workers",
        "tasks_by_status", "tasks_by_priority", "activity_statistics",
    ]

    /// The distinct queue SIDs of a bulk request's body, `{"QueueSids": ["WQ…", …]}`, in the order given.
    static func queueSids(json text: String) throws(TwilioError) -> [String] {
        let body = try AttributeValue.parseAttributes(text.isEmpty ? "{}" : text, parameter: "request body")
        guard let given = body[member: "QueueSids"], given != .null else { throw .missingParameter("QueueSids") }
        guard case .array(let items) = given else { throw .invalidParameter("QueueSids must be an array of TaskQueue SIDs") }
        var sids: [String] = []
        for item in items {
            guard let sid = item.stringValue, Sid.hasPrefix(sid, SidPrefix.taskQueue.rawValue) else {
                throw .invalidParameter("QueueSids must hold TaskQueue SIDs (WQ…)")
            }
            if !sids.contains(sid) { sids.append(sid) }
        }
        guard !sids.isEmpty else { throw .invalidParameter("QueueSids must name at least one TaskQueue") }
        guard sids.count <= bulkQueueLimit else { throw .invalidParameter("QueueSids may name at most \(bulkQueueLimit) TaskQueues; got \(sids.count)") }
        return sids
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
