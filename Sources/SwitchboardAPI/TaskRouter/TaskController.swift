public import Hummingbird
import Foundation
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// `/v1/Workspaces/{WorkspaceSid}/Tasks` on `taskrouter`. Creating a task hands it to the routing engine,
/// which has reserved a worker for it, when one can take it, before the response is sent.
public struct TaskController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Workspaces/:workspaceSid/Tasks", use: create)
        routes.get("Workspaces/:workspaceSid/Tasks", use: list)
        routes.get("Workspaces/:workspaceSid/Tasks/:sid", use: fetch)
        routes.post("Workspaces/:workspaceSid/Tasks/:sid", use: update)
        routes.delete("Workspaces/:workspaceSid/Tasks/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let sid = dependencies.sids.make(.task)
        let task = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let channel = try await Self.taskChannel(changes.taskChannel ?? TaskChannelDefaults.uniqueName, workspaceSid: workspace.sid, session: session)
            let (workflowSid, queueSid) = try await Self.destination(changes, workspaceSid: workspace.sid, session: session)
            return try TaskRules.create(changes, sid: sid, accountSid: workspace.accountSid, workspaceSid: workspace.sid,
                                        workflowSid: workflowSid, taskQueueSid: queueSid, taskChannelSid: channel.sid,
                                        taskChannelUniqueName: channel.uniqueName, now: now)
        }
        let routed = try await dependencies.routing.createTask(task)
        return try await respond(routed, context: context, status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let task = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let task = try await session.tasks.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return task
        }
        return try await respond(task, context: context)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        var baseFilter = TaskFilter()
        if let raw = query.string("AssignmentStatus") {
            baseFilter.assignmentStatuses = try raw.split(separator: ",").map { part throws(TwilioError) in
                guard let status = TaskAssignmentStatus(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                    throw .invalidParameter("AssignmentStatus must be one of \(TaskAssignmentStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return status
            }
        }
        baseFilter.workflowSid = query.string("WorkflowSid")
        baseFilter.taskQueueSid = query.string("TaskQueueSid")
        baseFilter.priority = try query.int("Priority")
        let initialFilter = baseFilter
        let evaluate = try query.string("EvaluateTaskAttributes").map { try TaskRouterExpression.parse($0) }
        let queueName = query.string("TaskQueueName")
        let workflowName = query.string("WorkflowName")
        let (workspaceSid, rows, names) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            var filter = initialFilter
            if let queueName { filter.taskQueueSid = try await session.taskQueues.find(friendlyName: queueName, workspaceSid: workspace.sid)?.sid ?? "none" }
            if let workflowName {
                filter.workflowSid = try await session.workflows.list(workspaceSid: workspace.sid, friendlyName: workflowName, page: PageRequest(size: 1)).items.first?.sid ?? "none"
            }
            if let evaluate {
                let all = try await session.tasks.list(workspaceSid: workspace.sid, filter: filter, page: PageRequest(size: PageRequest.maximumSize))
                filter.taskSids = all.items.filter { (try? evaluate.matches(task: $0.parsedAttributes())) ?? false }.map(\.sid)
            }
            let rows = try await session.tasks.list(workspaceSid: workspace.sid, filter: filter, page: page)
            return (workspace.sid, rows, try await Self.names(of: rows.items, workspaceSid: workspace.sid, session: session))
        }
        let baseURL = context.domainBaseURL
        let now = dependencies.time.now()
        let filters = ["AssignmentStatus", "WorkflowSid", "WorkflowName", "TaskQueueSid", "TaskQueueName", "EvaluateTaskAttributes", "Priority"]
            .compactMap { name in query.string(name).map { (name, $0) } }
        return JSONResponse.make(ListEnvelope.v1(
            key: "tasks", page: rows, request: page, listURL: WorkspaceScope.url(workspaceSid, baseURL: baseURL) + "/Tasks", filters: filters
        ) { TaskRepresentation.json($0, names: names, now: now, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("sid")
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let workspace = try await dependencies.storage.read { try await WorkspaceScope.workspace(context, session: $0) }
        guard let task = try await dependencies.routing.updateTask(sid: sid, workspaceSid: workspace.sid, changes: changes) else {
            throw context.notFound
        }
        return try await respond(task, context: context)
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let workspace = try await dependencies.storage.read { try await WorkspaceScope.workspace(context, session: $0) }
        guard try await dependencies.routing.deleteTask(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
        return JSONResponse.noContent()
    }

    func respond(_ task: TaskRouterTask, context: SwitchboardRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let names = try await dependencies.storage.read { try await Self.names(of: [task], workspaceSid: task.workspaceSid, session: $0) }
        return JSONResponse.make(TaskRepresentation.json(task, names: names, now: dependencies.time.now(), baseURL: context.domainBaseURL), status: status)
    }

    /// Friendly names of the queues and workflows the tasks mention.
    static func names(of tasks: [TaskRouterTask], workspaceSid: String, session: any StorageSession) async throws -> [String: String] {
        var names: [String: String] = [:]
        for sid in Set(tasks.compactMap(\.taskQueueSid)) { names[sid] = try await session.taskQueues.find(sid: sid, workspaceSid: workspaceSid)?.friendlyName }
        for sid in Set(tasks.compactMap(\.workflowSid)) { names[sid] = try await session.workflows.find(sid: sid, workspaceSid: workspaceSid)?.friendlyName }
        return names
    }

    /// The task channel named by SID or unique name.
    static func taskChannel(_ key: String, workspaceSid: String, session: any StorageSession) async throws -> TaskChannel {
        guard let found = try await session.taskChannels.find(sidOrUniqueName: key, workspaceSid: workspaceSid) else { throw TwilioError.invalidParameter("TaskChannel \(key) is not a task channel of this workspace") }
        return found
    }

    /// Where a new task goes: the workflow given, or the workspace's only workflow, or straight to a queue.
    static func destination(_ changes: TaskChanges, workspaceSid: String, session: any StorageSession) async throws -> (String?, String?) {
        if let sid = changes.workflowSid {
            guard try await session.workflows.find(sid: sid, workspaceSid: workspaceSid) != nil else {
                throw TwilioError.invalidParameter("WorkflowSid \(sid) is not a workflow of this workspace")
            }
            return (sid, nil)
        }
        if let sid = changes.taskQueueSid {
            guard try await session.taskQueues.find(sid: sid, workspaceSid: workspaceSid) != nil else {
                throw TwilioError.invalidParameter("TaskQueueSid \(sid) is not a task queue of this workspace")
            }
            return (nil, sid)
        }
        let workflows = try await session.workflows.list(workspaceSid: workspaceSid, friendlyName: nil, page: PageRequest(size: 2)).items
        guard workflows.count == 1 else {
            throw TwilioError.invalidParameter("WorkflowSid is required when the workspace does not have exactly one workflow")
        }
        return (workflows[0].sid, nil)
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> TaskChanges {
        var changes = TaskChanges()
        changes.attributes = form.string("Attributes")
        changes.priority = try form.int("Priority")
        changes.timeout = try form.int("Timeout")
        changes.taskChannel = form.string("TaskChannel")
        changes.workflowSid = form.string("WorkflowSid")
        changes.taskQueueSid = form.string("TaskQueueSid")
        changes.assignmentStatus = form.string("AssignmentStatus")
        changes.reason = form.string("Reason")
        return changes
    }
}

/// The task channel a task uses when none is named.
enum TaskChannelDefaults {
    static let uniqueName = "default"
}
