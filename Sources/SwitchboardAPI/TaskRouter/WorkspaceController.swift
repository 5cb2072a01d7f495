public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Workspaces` on `taskrouter`. A new workspace comes with Twilio's default activities and task channels.
public struct WorkspaceController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Workspaces", use: create)
        routes.get("Workspaces", use: list)
        routes.get("Workspaces/:workspaceSid", use: fetch)
        routes.post("Workspaces/:workspaceSid", use: update)
        routes.delete("Workspaces/:workspaceSid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let changes = try Self.changes(from: form)
        let accountSid = try context.requirePrincipal().account.sid
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let workspaceSid = sids.make(.workspace)
        let activities = WorkspaceDefaults.activities.map { activity in
            Activity(sid: sids.make(.activity), accountSid: accountSid, workspaceSid: workspaceSid, friendlyName: activity.name,
                     available: activity.available, dateCreated: now, dateUpdated: now)
        }
        let offline = activities.first { $0.friendlyName == WorkspaceDefaults.initialActivityName }!
        let (workspace, template) = try WorkspaceRules.create(changes, sid: workspaceSid, accountSid: accountSid, offlineActivitySid: offline.sid, now: now)
        let channels = WorkspaceDefaults.taskChannels.map { channel in
            TaskChannel(sid: sids.make(.taskChannel), accountSid: accountSid, workspaceSid: workspaceSid, friendlyName: channel.friendlyName,
                        uniqueName: channel.uniqueName, channelOptimizedRouting: false, dateCreated: now, dateUpdated: now)
        }
        try await dependencies.storage.write { session in
            try await session.workspaces.insert(workspace)
            for activity in activities { try await session.activities.insert(activity) }
            for channel in channels { try await session.taskChannels.insert(channel) }
            try await WorkspaceTemplating.apply(template, to: workspace, activities: activities, session: session, sids: sids, now: now)
        }
        let names = Dictionary(uniqueKeysWithValues: activities.map { ($0.sid, $0.friendlyName) })
        return JSONResponse.make(WorkspaceRepresentation.json(workspace, activityNames: names, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (workspace, names) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace, try await Self.activityNames(of: workspace, session: session))
        }
        return JSONResponse.make(WorkspaceRepresentation.json(workspace, activityNames: names, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let friendlyName = try request.queryParameters().string("FriendlyName")
        let accountSid = try context.requirePrincipal().account.sid
        let (rows, names) = try await dependencies.storage.read { session in
            let rows = try await session.workspaces.list(accountSid: accountSid, friendlyName: friendlyName, page: page)
            var names: [String: String] = [:]
            for workspace in rows.items { names.merge(try await Self.activityNames(of: workspace, session: session)) { $1 } }
            return (rows, names)
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "workspaces", page: rows, request: page, listURL: baseURL + "/v1/Workspaces",
            filters: friendlyName.map { [("FriendlyName", $0)] } ?? []
        ) { WorkspaceRepresentation.json($0, activityNames: names, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let (workspace, names) = try await dependencies.storage.write { session in
            let existing = try await WorkspaceScope.workspace(context, session: session)
            try await WorkspaceScope.requireActivity(changes.defaultActivitySid, parameter: "DefaultActivitySid", workspaceSid: existing.sid, session: session)
            try await WorkspaceScope.requireActivity(changes.timeoutActivitySid, parameter: "TimeoutActivitySid", workspaceSid: existing.sid, session: session)
            let updated = try WorkspaceRules.update(existing, with: changes, now: now)
            if updated != existing { try await session.workspaces.update(updated) }
            return (updated, try await Self.activityNames(of: updated, session: session))
        }
        return JSONResponse.make(WorkspaceRepresentation.json(workspace, activityNames: names, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("workspaceSid")
        let accountSid = try context.requirePrincipal().account.sid
        guard try await dependencies.storage.write({ try await $0.workspaces.delete(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }

    static func activityNames(of workspace: Workspace, session: any StorageSession) async throws -> [String: String] {
        try await WorkspaceScope.activityNames([workspace.defaultActivitySid, workspace.timeoutActivitySid], workspaceSid: workspace.sid, session: session)
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> WorkspaceChanges {
        var changes = WorkspaceChanges()
        changes.friendlyName = form.string("FriendlyName")
        changes.eventCallbackURL = form.string("EventCallbackUrl")
        changes.eventsFilter = form.string("EventsFilter")
        changes.multiTaskEnabled = try form.bool("MultiTaskEnabled")
        changes.prioritizeQueueOrder = form.string("PrioritizeQueueOrder")
        changes.template = form.string("Template")
        changes.defaultActivitySid = form.string("DefaultActivitySid")
        changes.timeoutActivitySid = form.string("TimeoutActivitySid")
        return changes
    }
}
