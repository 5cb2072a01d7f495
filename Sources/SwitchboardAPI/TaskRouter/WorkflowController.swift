public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// `/v1/Workspaces/{WorkspaceSid}/Workflows` on `taskrouter`. The `Configuration` is parsed and every
/// expression in it checked when it is set; every queue it names must be a queue of the workspace.
public struct WorkflowController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Workspaces/:workspaceSid/Workflows", use: create)
        routes.get("Workspaces/:workspaceSid/Workflows", use: list)
        routes.get("Workspaces/:workspaceSid/Workflows/:sid", use: fetch)
        routes.post("Workspaces/:workspaceSid/Workflows/:sid", use: update)
        routes.delete("Workspaces/:workspaceSid/Workflows/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let sid = dependencies.sids.make(.workflow)
        let workflow = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let workflow = try WorkflowRules.create(changes, sid: sid, accountSid: workspace.accountSid, workspaceSid: workspace.sid, now: now)
            try await Self.requireQueues(of: workflow, session: session)
            try await session.workflows.insert(workflow)
            return workflow
        }
        return JSONResponse.make(WorkflowRepresentation.json(workflow, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let workflow = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let workflow = try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return workflow
        }
        return JSONResponse.make(WorkflowRepresentation.json(workflow, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let friendlyName = try request.queryParameters().string("FriendlyName")
        let (workspaceSid, rows) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace.sid, try await session.workflows.list(workspaceSid: workspace.sid, friendlyName: friendlyName, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "workflows", page: rows, request: page,
            listURL: WorkspaceScope.url(workspaceSid, baseURL: baseURL) + "/Workflows",
            filters: friendlyName.map { [("FriendlyName", $0)] } ?? []
        ) { WorkflowRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("sid")
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let routing = dependencies.routing
        let workflow = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let existing = try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            let updated = try WorkflowRules.update(existing, with: changes, now: now)
            if updated != existing {
                try await Self.requireQueues(of: updated, session: session)
                try await session.workflows.update(updated)
            }
            routing.routeAfterCommit(workspaceSid: updated.workspaceSid, in: session)
            return updated
        }
        return JSONResponse.make(WorkflowRepresentation.json(workflow, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard try await session.workflows.delete(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
        }
        return JSONResponse.noContent()
    }

    /// Every queue the configuration routes to must exist in the workflow's workspace.
    static func requireQueues(of workflow: Workflow, session: any StorageSession) async throws {
        for queueSid in try workflow.parsedConfiguration().queueSids {
            guard try await session.taskQueues.find(sid: queueSid, workspaceSid: workflow.workspaceSid) != nil else {
                throw TwilioError.invalidParameter("Configuration routes to task queue \(queueSid), which is not a queue of this workspace")
            }
        }
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> WorkflowChanges {
        var changes = WorkflowChanges()
        changes.friendlyName = form.string("FriendlyName")
        changes.configuration = form.string("Configuration")
        changes.assignmentCallbackUrl = form.string("AssignmentCallbackUrl")
        changes.fallbackAssignmentCallbackUrl = form.string("FallbackAssignmentCallbackUrl")
        changes.taskReservationTimeout = try form.int("TaskReservationTimeout")
        return changes
    }
}
