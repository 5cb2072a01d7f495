public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Workspaces/{WorkspaceSid}/Activities` on `taskrouter`.
public struct ActivityController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Workspaces/:workspaceSid/Activities", use: create)
        routes.get("Workspaces/:workspaceSid/Activities", use: list)
        routes.get("Workspaces/:workspaceSid/Activities/:sid", use: fetch)
        routes.post("Workspaces/:workspaceSid/Activities/:sid", use: update)
        routes.delete("Workspaces/:workspaceSid/Activities/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let sid = dependencies.sids.make(.activity)
        let activity = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let activity = try ActivityRules.create(
                friendlyName: form.string("FriendlyName"), available: form.string("Available"),
                sid: sid, accountSid: workspace.accountSid, workspaceSid: workspace.sid, now: now)
            try await Self.requireUniqueName(activity.friendlyName, workspaceSid: workspace.sid, session: session)
            try await session.activities.insert(activity)
            return activity
        }
        return JSONResponse.make(ActivityRepresentation.json(activity, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let activity = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let activity = try await session.activities.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return activity
        }
        return JSONResponse.make(ActivityRepresentation.json(activity, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let friendlyName = query.string("FriendlyName")
        let available = query.string("Available").map { ActivityRules.available($0) }
        let (workspaceSid, rows) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace.sid, try await session.activities.list(workspaceSid: workspace.sid, friendlyName: friendlyName, available: available, page: page))
        }
        var filters: [(String, String)] = []
        if let friendlyName { filters.append(("FriendlyName", friendlyName)) }
        if let available { filters.append(("Available", String(available))) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "activities", page: rows, request: page,
            listURL: WorkspaceScope.url(workspaceSid, baseURL: baseURL) + "/Activities", filters: filters
        ) { ActivityRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("sid")
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let activity = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let existing = try await session.activities.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            let renamed = try ActivityRules.rename(existing, to: form.string("FriendlyName"), now: now)
            if renamed != existing {
                try await Self.requireUniqueName(renamed.friendlyName, workspaceSid: workspace.sid, session: session)
                try await session.activities.update(renamed)
            }
            return renamed
        }
        return JSONResponse.make(ActivityRepresentation.json(activity, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard try await session.activities.find(sid: sid, workspaceSid: workspace.sid) != nil else { throw context.notFound }
            // Twilio refuses to delete an activity that workers or the workspace still point at.
            if sid == workspace.defaultActivitySid || sid == workspace.timeoutActivitySid {
                throw TwilioError.invalidParameter("Activity \(sid) is the workspace's default or timeout activity and cannot be deleted")
            }
            if let user = try await session.taskQueues.using(activitySid: sid, workspaceSid: workspace.sid) {
                throw TwilioError.invalidParameter("Activity \(sid) cannot be deleted while task queue \(user.sid) uses it")
            }
            let occupants = try await session.workers.count(activitySid: sid, workspaceSid: workspace.sid)
            guard occupants == 0 else {
                throw TwilioError.invalidParameter("Activity \(sid) cannot be deleted while \(occupants) worker(s) are in it")
            }
            _ = try await session.activities.delete(sid: sid, workspaceSid: workspace.sid)
        }
        return JSONResponse.noContent()
    }

    static func requireUniqueName(_ name: String, workspaceSid: String, session: any StorageSession) async throws {
        if try await session.activities.find(friendlyName: name, workspaceSid: workspaceSid) != nil {
            throw TwilioError.invalidParameter("An activity named '\(name)' already exists in this workspace")
        }
    }
}
