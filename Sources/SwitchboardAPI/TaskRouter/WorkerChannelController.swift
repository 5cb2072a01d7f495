public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// `/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Channels` on `taskrouter`: per-channel capacity and
/// availability. A channel is addressed by its `WC…` SID, or by its task channel's SID or unique name, as on Twilio.
public struct WorkerChannelController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Workspaces/:workspaceSid/Workers/:sid/Channels", use: list)
        routes.get("Workspaces/:workspaceSid/Workers/:sid/Channels/:channelSid", use: fetch)
        routes.post("Workspaces/:workspaceSid/Workers/:sid/Channels/:channelSid", use: update)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (worker, rows) = try await dependencies.storage.read { session in
            let worker = try await Self.worker(context, session: session)
            return (worker, try await session.workers.channels(workerSid: worker.sid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "channels", page: rows, request: page,
            listURL: WorkspaceScope.url(worker.workspaceSid, baseURL: baseURL) + "/Workers/" + worker.sid + "/Channels", filters: []
        ) { WorkerChannelRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let channel = try await dependencies.storage.read { session in
            try await Self.channel(context, worker: try await Self.worker(context, session: session), session: session)
        }
        return JSONResponse.make(WorkerChannelRepresentation.json(channel, baseURL: context.domainBaseURL))
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let capacity = try form.int("Capacity")
        let available = try form.bool("Available")
        let now = dependencies.time.now()
        let routing = dependencies.routing
        let channel = try await dependencies.storage.write { session in
            let existing = try await Self.channel(context, worker: try await Self.worker(context, session: session), session: session)
            let updated = try WorkerChannelRules.update(existing, capacity: capacity, available: available, now: now)
            if updated != existing { try await session.workers.updateChannel(updated) }
            routing.routeAfterCommit(workspaceSid: updated.workspaceSid, in: session)
            return updated
        }
        return JSONResponse.make(WorkerChannelRepresentation.json(channel, baseURL: context.domainBaseURL))
    }

    static func worker(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> Worker {
        let workspace = try await WorkspaceScope.workspace(context, session: session)
        guard let worker = try await session.workers.find(sid: try context.parameters.require("sid"), workspaceSid: workspace.sid) else {
            throw context.notFound
        }
        return worker
    }

    static func channel(_ context: SwitchboardRequestContext, worker: Worker, session: any StorageSession) async throws -> WorkerChannel {
        guard let channel = try await session.workers.channel(sid: try context.parameters.require("channelSid"), workerSid: worker.sid) else {
            throw context.notFound
        }
        return channel
    }
}
