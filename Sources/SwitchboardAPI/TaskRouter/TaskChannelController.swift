public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Workspaces/{WorkspaceSid}/TaskChannels` on `taskrouter`. A channel is addressed by SID or unique name.
public struct TaskChannelController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Workspaces/:workspaceSid/TaskChannels", use: create)
        routes.get("Workspaces/:workspaceSid/TaskChannels", use: list)
        routes.get("Workspaces/:workspaceSid/TaskChannels/:sid", use: fetch)
        routes.post("Workspaces/:workspaceSid/TaskChannels/:sid", use: update)
        routes.delete("Workspaces/:workspaceSid/TaskChannels/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let routing = try form.bool("ChannelOptimizedRouting")
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let sid = sids.make(.taskChannel)
        let channel = try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let channel = try TaskChannelRules.create(
                friendlyName: form.string("FriendlyName"), uniqueName: form.string("UniqueName"), channelOptimizedRouting: routing,
                sid: sid, accountSid: workspace.accountSid, workspaceSid: workspace.sid, now: now)
            if try await session.taskChannels.find(uniqueName: channel.uniqueName, workspaceSid: workspace.sid) != nil {
                throw TwilioError.invalidParameter("A task channel with unique name '\(channel.uniqueName)' already exists in this workspace")
            }
            try await session.taskChannels.insert(channel)
            // Every worker can take work on every channel of its workspace, at the default capacity.
            for worker in try await session.workers.all(workspaceSid: workspace.sid) {
                try await session.workers.insertChannel(WorkerChannelRules.create(
                    sid: sids.make(.workerChannel), accountSid: workspace.accountSid, workspaceSid: workspace.sid, workerSid: worker.sid,
                    taskChannelSid: channel.sid, taskChannelUniqueName: channel.uniqueName, now: now))
            }
            return channel
        }
        return JSONResponse.make(TaskChannelRepresentation.json(channel, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let channel = try await dependencies.storage.read { session in
            try await Self.channel(context, session: session, workspace: try await WorkspaceScope.workspace(context, session: session))
        }
        return JSONResponse.make(TaskChannelRepresentation.json(channel, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (workspaceSid, rows) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace.sid, try await session.taskChannels.list(workspaceSid: workspace.sid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "channels", page: rows, request: page,
            listURL: WorkspaceScope.url(workspaceSid, baseURL: baseURL) + "/TaskChannels", filters: []
        ) { TaskChannelRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let routing = try form.bool("ChannelOptimizedRouting")
        let now = dependencies.time.now()
        let channel = try await dependencies.storage.write { session in
            let existing = try await Self.channel(context, session: session, workspace: try await WorkspaceScope.workspace(context, session: session))
            let updated = try TaskChannelRules.update(existing, friendlyName: form.string("FriendlyName"), channelOptimizedRouting: routing, now: now)
            if updated != existing { try await session.taskChannels.update(updated) }
            return updated
        }
        return JSONResponse.make(TaskChannelRepresentation.json(channel, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            let channel = try await Self.channel(context, session: session, workspace: workspace)
            try await session.workers.deleteChannels(taskChannelSid: channel.sid, workspaceSid: workspace.sid)
            _ = try await session.taskChannels.delete(sid: channel.sid, workspaceSid: workspace.sid)
        }
        return JSONResponse.noContent()
    }

    /// The channel named in the path by SID or, as Twilio allows, by unique name.
    static func channel(_ context: SwitchboardRequestContext, session: any StorageSession, workspace: Workspace) async throws -> TaskChannel {
        let key = try context.parameters.require("sid")
        guard let found = try await session.taskChannels.find(sidOrUniqueName: key, workspaceSid: workspace.sid) else { throw context.notFound }
        return found
    }
}
