public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// `/v1/Workspaces/{WorkspaceSid}/TaskQueues` on `taskrouter`. `TargetWorkers` is checked when it is set,
/// so an expression that does not parse never reaches routing.
public struct TaskQueueController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Workspaces/:workspaceSid/TaskQueues", use: create)
        routes.get("Workspaces/:workspaceSid/TaskQueues", use: list)
        routes.get("Workspaces/:workspaceSid/TaskQueues/:sid", use: fetch)
        routes.post("Workspaces/:workspaceSid/TaskQueues/:sid", use: update)
        routes.delete("Workspaces/:workspaceSid/TaskQueues/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let sid = dependencies.sids.make(.taskQueue)
        let (queue, names) = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let queue = try TaskQueueRules.create(changes, sid: sid, accountSid: workspace.accountSid, workspaceSid: workspace.sid, now: now)
            try await Self.check(queue, session: session)
            try await session.taskQueues.insert(queue)
            return (queue, try await Self.activityNames(queue, session: session))
        }
        return JSONResponse.make(TaskQueueRepresentation.json(queue, activityNames: names, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (queue, names) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let queue = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return (queue, try await Self.activityNames(queue, session: session))
        }
        return JSONResponse.make(TaskQueueRepresentation.json(queue, activityNames: names, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let friendlyName = try request.queryParameters().string("FriendlyName")
        let (workspaceSid, rows, names) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let rows = try await session.taskQueues.list(workspaceSid: workspace.sid, friendlyName: friendlyName, page: page)
            let names = try await WorkspaceScope.activityNames(
                rows.items.flatMap { [$0.reservationActivitySid, $0.assignmentActivitySid] }, workspaceSid: workspace.sid, session: session)
            return (workspace.sid, rows, names)
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "task_queues", page: rows, request: page,
            listURL: WorkspaceScope.url(workspaceSid, baseURL: baseURL) + "/TaskQueues",
            filters: friendlyName.map { [("FriendlyName", $0)] } ?? []
        ) { TaskQueueRepresentation.json($0, activityNames: names, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("sid")
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let routing = dependencies.routing
        let (queue, names) = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let existing = try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            let updated = try TaskQueueRules.update(existing, with: changes, now: now)
            if updated != existing {
                try await Self.check(updated, renamedFrom: existing.friendlyName, session: session)
                try await session.taskQueues.update(updated)
            }
            routing.routeAfterCommit(workspaceSid: updated.workspaceSid, in: session)
            return (updated, try await Self.activityNames(updated, session: session))
        }
        return JSONResponse.make(TaskQueueRepresentation.json(queue, activityNames: names, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            // A workflow that still routes here would route into nothing, so Twilio refuses the delete.
            if let user = try await session.workflows.routing(toQueue: sid, workspaceSid: workspace.sid) {
                throw TwilioError.invalidParameter("Task queue \(sid) cannot be deleted while workflow \(user.sid) routes to it")
            }
            _ = try await session.taskQueues.delete(sid: sid, workspaceSid: workspace.sid)
        }
        return JSONResponse.noContent()
    }

    /// Queue names are unique in a workspace, and its activities must be the workspace's.
    static func check(_ queue: TaskQueue, renamedFrom previousName: String? = nil, session: any StorageSession) async throws {
        if queue.friendlyName != previousName, try await session.taskQueues.find(friendlyName: queue.friendlyName, workspaceSid: queue.workspaceSid) != nil {
            throw TwilioError.invalidParameter("A task queue named '\(queue.friendlyName)' already exists in this workspace")
        }
        try await WorkspaceScope.requireActivity(queue.reservationActivitySid, parameter: "ReservationActivitySid", workspaceSid: queue.workspaceSid, session: session)
        try await WorkspaceScope.requireActivity(queue.assignmentActivitySid, parameter: "AssignmentActivitySid", workspaceSid: queue.workspaceSid, session: session)
    }

    static func activityNames(_ queue: TaskQueue, session: any StorageSession) async throws -> [String: String] {
        try await WorkspaceScope.activityNames([queue.reservationActivitySid, queue.assignmentActivitySid], workspaceSid: queue.workspaceSid, session: session)
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> TaskQueueChanges {
        var changes = TaskQueueChanges()
        changes.friendlyName = form.string("FriendlyName")
        changes.targetWorkers = form.string("TargetWorkers")
        changes.maxReservedWorkers = try form.int("MaxReservedWorkers")
        changes.taskOrder = form.string("TaskOrder")
        changes.reservationActivitySid = form.string("ReservationActivitySid")
        changes.assignmentActivitySid = form.string("AssignmentActivitySid")
        return changes
    }
}
