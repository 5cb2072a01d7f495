public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Workspaces/{WorkspaceSid}/Events` on `taskrouter`: what happened in the workspace, oldest first.
public struct EventController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Workspaces/:workspaceSid/Events", use: list)
        routes.get("Workspaces/:workspaceSid/Events/:sid", use: fetch)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let filter = EventFilter(eventType: query.string("EventType"), taskSid: query.string("TaskSid"),
                                 workerSid: query.string("WorkerSid"), reservationSid: query.string("ReservationSid"))
        let (workspaceSid, rows) = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace.sid, try await session.events.list(workspaceSid: workspace.sid, filter: filter, page: page))
        }
        let baseURL = context.domainBaseURL
        let filters = ["EventType", "TaskSid", "WorkerSid", "ReservationSid"].compactMap { name in query.string(name).map { (name, $0) } }
        return JSONResponse.make(ListEnvelope.v1(
            key: "events", page: rows, request: page, listURL: WorkspaceScope.url(workspaceSid, baseURL: baseURL) + "/Events", filters: filters
        ) { EventRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let event = try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            guard let event = try await session.events.find(sid: sid, workspaceSid: workspace.sid) else { throw context.notFound }
            return event
        }
        return JSONResponse.make(EventRepresentation.json(event, baseURL: context.domainBaseURL))
    }
}
