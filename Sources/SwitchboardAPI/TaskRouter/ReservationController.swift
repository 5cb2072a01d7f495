public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// Reservations, from the task's side (`/Tasks/{TaskSid}/Reservations`) and the worker's
/// (`/Workers/{WorkerSid}/Reservations`). Updates go through the routing engine.
public struct ReservationController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Workspaces/:workspaceSid/Tasks/:sid/Reservations") { try await list($0, $1, side: .task) }
        routes.get("Workspaces/:workspaceSid/Tasks/:sid/Reservations/:reservationSid") { try await fetch($0, $1, side: .task) }
        routes.post("Workspaces/:workspaceSid/Tasks/:sid/Reservations/:reservationSid") { try await update($0, $1, side: .task) }
        routes.get("Workspaces/:workspaceSid/Workers/:sid/Reservations") { try await list($0, $1, side: .worker) }
        routes.get("Workspaces/:workspaceSid/Workers/:sid/Reservations/:reservationSid") { try await fetch($0, $1, side: .worker) }
        routes.post("Workspaces/:workspaceSid/Workers/:sid/Reservations/:reservationSid") { try await update($0, $1, side: .worker) }
        return routes
    }

    func list(_ request: Request, _ context: SwitchboardRequestContext, side: ReservationRepresentation.Side) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let status = try query.string("ReservationStatus").map { raw throws(TwilioError) in
            guard let status = ReservationStatus(rawValue: raw) else { throw .invalidParameter("ReservationStatus '\(raw)' is not a reservation status") }
            return status
        }
        let (workspaceSid, ownerSid, rows) = try await dependencies.storage.read { session in
            let (workspace, owner) = try await Self.owner(context, side: side, session: session)
            let rows = switch side {
            case .task: try await session.reservations.list(taskSid: owner, status: status, page: page)
            case .worker: try await session.reservations.list(workerSid: owner, status: status, page: page)
            }
            return (workspace.sid, owner, rows)
        }
        let baseURL = context.domainBaseURL
        let listURL = WorkspaceScope.url(workspaceSid, baseURL: baseURL) + (side == .task ? "/Tasks/" : "/Workers/") + ownerSid + "/Reservations"
        return JSONResponse.make(ListEnvelope.v1(
            key: "reservations", page: rows, request: page, listURL: listURL,
            filters: status.map { [("ReservationStatus", $0.rawValue)] } ?? []
        ) { ReservationRepresentation.json($0, side: side, baseURL: baseURL) })
    }

    func fetch(_ request: Request, _ context: SwitchboardRequestContext, side: ReservationRepresentation.Side) async throws -> Response {
        let sid = try context.parameters.require("reservationSid")
        let reservation = try await dependencies.storage.read { session in
            let (_, owner) = try await Self.owner(context, side: side, session: session)
            let found = switch side {
            case .task: try await session.reservations.find(sid: sid, taskSid: owner)
            case .worker: try await session.reservations.find(sid: sid, workerSid: owner)
            }
            guard let found else { throw context.notFound }
            return found
        }
        return JSONResponse.make(ReservationRepresentation.json(reservation, side: side, baseURL: context.domainBaseURL))
    }

    func update(_ request: Request, _ context: SwitchboardRequestContext, side: ReservationRepresentation.Side) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("reservationSid")
        let form = try await request.formParameters(context: context)
        let status = try ReservationRules.requestedStatus(reservationStatus: form.string("ReservationStatus"), instruction: form.string("Instruction"))
        let (workspace, owner) = try await dependencies.storage.read { try await Self.owner(context, side: side, session: $0) }
        guard let reservation = try await dependencies.routing.updateReservation(
            sid: sid, taskSid: side == .task ? owner : nil, workerSid: side == .worker ? owner : nil, workspaceSid: workspace.sid,
            status: status, workerActivitySid: form.string("WorkerActivitySid"))
        else { throw context.notFound }
        return JSONResponse.make(ReservationRepresentation.json(reservation, side: side, baseURL: context.domainBaseURL))
    }

    /// The workspace and the task or worker named in the path; either missing is a 20404.
    static func owner(_ context: SwitchboardRequestContext, side: ReservationRepresentation.Side, session: any StorageSession) async throws -> (Workspace, String) {
        let workspace = try await WorkspaceScope.workspace(context, session: session)
        let sid = try context.parameters.require("sid")
        let exists = switch side {
        case .task: try await session.tasks.find(sid: sid, workspaceSid: workspace.sid) != nil
        case .worker: try await session.workers.find(sid: sid, workspaceSid: workspace.sid) != nil
        }
        guard exists else { throw context.notFound }
        return (workspace, sid)
    }
}
