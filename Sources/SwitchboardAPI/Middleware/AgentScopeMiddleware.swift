public import Hummingbird
import SwitchboardCore
public import SwitchboardStorage

/// Holds an Access Token's bearer to ``AgentScope``: its worker, its workspace, its account. Basic credentials
/// pass untouched.
public struct AgentScopeMiddleware: RouterMiddleware {
    public typealias Context = SwitchboardRequestContext
    let storage: any Storage

    /// Looks reservations and tasks up in `storage` where the policy needs them.
    public init(storage: any Storage) {
        self.storage = storage
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let agent = context.principal?.agent else { return try await next(request, context) }
        switch AgentScope.decide(method: request.method, path: request.uri.path, agent: agent) {
        case .allowed:
            break
        case .forbidden(let reason):
            throw TwilioError.forbidden(reason)
        case .ifReservationOfWorker(let taskSid, let reservationSid):
            // A reservation that does not exist is left to the controller's 20404.
            let owner = try await storage.read { try await $0.reservations.find(sid: reservationSid, taskSid: taskSid)?.workerSid }
            if let owner, owner != agent.workerSid {
                throw TwilioError.forbidden("This Access Token acts as worker \(agent.workerSid); reservation \(reservationSid) is not its own")
            }
        case .ifTaskReservedToWorker(let taskSid):
            let reserved = try await storage.read { session in
                try await session.reservations.all(taskSid: taskSid).contains { $0.workerSid == agent.workerSid }
            }
            guard reserved else {
                throw TwilioError.forbidden("This Access Token acts as worker \(agent.workerSid); task \(taskSid) was not reserved to it")
            }
        }
        return try await next(request, context)
    }
}
