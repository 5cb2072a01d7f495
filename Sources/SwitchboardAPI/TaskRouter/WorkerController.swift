public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// `/v1/Workspaces/{WorkspaceSid}/Workers` on `taskrouter`. A new worker gets one worker channel per task
/// channel of its workspace.
public struct WorkerController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Workspaces/:workspaceSid/Workers", use: create)
        routes.get("Workspaces/:workspaceSid/Workers", use: list)
        routes.get("Workspaces/:workspaceSid/Workers/:sid", use: fetch)
        routes.post("Workspaces/:workspaceSid/Workers/:sid", use: update)
        routes.delete("Workspaces/:workspaceSid/Workers/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let workerSid = sids.make(.worker)
        let routing = dependencies.routing
        let (worker, activity) = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let worker = try WorkerRules.create(changes, sid: workerSid, accountSid: workspace.accountSid, workspaceSid: workspace.sid,
                                                defaultActivitySid: workspace.defaultActivitySid, now: now)
            let activity = try await Self.activity(worker.activitySid, session: session, workspaceSid: workspace.sid)
            try await Self.requireUniqueName(worker.friendlyName, workspaceSid: workspace.sid, session: session)
            try await session.workers.insert(worker)
            try await RoutingEngine.recordCreated(worker, activityName: activity.friendlyName, in: session, sids: sids, now: now)
            for taskChannel in try await session.taskChannels.list(workspaceSid: workspace.sid, page: PageRequest(size: PageRequest.maximumSize)).items {
                try await session.workers.insertChannel(WorkerChannelRules.create(
                    sid: sids.make(.workerChannel), accountSid: workspace.accountSid, workspaceSid: workspace.sid, workerSid: worker.sid,
                    taskChannelSid: taskChannel.sid, taskChannelUniqueName: taskChannel.uniqueName, now: now))
            }
            routing.routeAfterCommit(workspaceSid: worker.workspaceSid, in: session)
            return (worker, activity)
        }
        return JSONResponse.make(WorkerRepresentation.json(worker, activity: activity, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (worker, activity) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let worker = try await session.workers.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return (worker, try await session.activities.find(sid: worker.activitySid, workspaceSid: workspace.sid))
        }
        return JSONResponse.make(WorkerRepresentation.json(worker, activity: activity, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let (workspaceSid, rows, activities) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let filter = try await WorkerListFilter.make(from: query, workspace: workspace, session: session)
            let rows = try await session.workers.list(workspaceSid: workspace.sid, filter: filter, page: page)
            var activities: [String: Activity] = [:]
            for sid in Set(rows.items.map(\.activitySid)) {
                activities[sid] = try await session.activities.find(sid: sid, workspaceSid: workspace.sid)
            }
            return (workspace.sid, rows, activities)
        }
        let baseURL = context.domainBaseURL
        let filters = WorkerListFilter.parameterNames.compactMap { name in query.string(name).map { (name, $0) } }
        return JSONResponse.make(ListEnvelope.v1(
            key: "workers", page: rows, request: page,
            listURL: WorkspaceScope.url(workspaceSid, baseURL: baseURL) + "/Workers", filters: filters
        ) { WorkerRepresentation.json($0, activity: activities[$0.activitySid], baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("sid")
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let (worker, activity, rejecting) = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let existing = try await session.workers.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            let updated = try WorkerRules.update(existing, with: changes, now: now)
            let activity = try await Self.activity(updated.activitySid, session: session, workspaceSid: workspace.sid)
            let rejecting = try WorkerRules.rejectsPendingReservations(changes, activityAvailable: activity.available)
            if updated.friendlyName != existing.friendlyName {
                try await Self.requireUniqueName(updated.friendlyName, workspaceSid: workspace.sid, session: session)
            }
            if updated != existing { try await session.workers.update(updated) }
            if existing.activitySid != updated.activitySid {
                try await RoutingEngine.recordActivityChange(
                    from: existing, to: updated, activity: activity, in: session, sids: sids, now: now)
            }
            return (updated, activity, rejecting)
        }
        // A worker who became available, or whose attributes changed, may now match waiting tasks.
        try await dependencies.routing.workerChanged(worker, rejectingPendingReservations: rejecting)
        return JSONResponse.make(WorkerRepresentation.json(worker, activity: activity, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let now = dependencies.time.now()
        let sids = dependencies.sids
        try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let worker = try await session.workers.find(sid: sid, workspaceSid: workspace.sid),
                  try await session.workers.delete(sid: sid, workspaceSid: workspace.sid)
            else { throw context.notFound }
            let activity = try await session.activities.find(sid: worker.activitySid, workspaceSid: workspace.sid)
            try await RoutingEngine.recordDeleted(worker, activityName: activity?.friendlyName, in: session, sids: sids, now: now)
        }
        return JSONResponse.noContent()
    }

    static func activity(_ sid: String, session: any StorageSession, workspaceSid: String) async throws -> Activity {
        guard let activity = try await session.activities.find(sid: sid, workspaceSid: workspaceSid) else {
            throw TwilioError.invalidParameter("ActivitySid \(sid) is not an activity of this workspace")
        }
        return activity
    }

    static func requireUniqueName(_ name: String, workspaceSid: String, session: any StorageSession) async throws {
        if try await session.workers.find(friendlyName: name, workspaceSid: workspaceSid) != nil {
            throw TwilioError.invalidParameter("A worker named '\(name)' already exists in this workspace")
        }
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> WorkerChanges {
        var changes = WorkerChanges()
        changes.friendlyName = form.string("FriendlyName")
        changes.attributes = form.string("Attributes")
        changes.activitySid = form.string("ActivitySid")
        changes.rejectPendingReservations = try form.bool("RejectPendingReservations")
        return changes
    }
}
