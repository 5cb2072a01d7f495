import Foundation
public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Agent` on `switchboard`: who an Access Token signs the agent desktop in as, with the worker as TaskRouter
/// shows it, so the page needs one request to start.
public struct AgentController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Agent", use: fetch)
        return routes
    }

    /// Only for a Bearer principal: Basic credentials are an account's, not an agent's.
    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let agent = principal.agent else {
            throw TwilioError.forbidden("/v1/Agent describes the worker of an Access Token; sign in with Authorization: Bearer")
        }
        let found = try await dependencies.storage.read { session -> (Worker, Activity?)? in
            guard let worker = try await session.workers.find(sid: agent.workerSid, workspaceSid: agent.workspaceSid) else { return nil }
            return (worker, try await session.activities.find(sid: worker.activitySid, workspaceSid: agent.workspaceSid))
        }
        // The worker was there when the token was checked; it can only have been deleted since.
        guard let (worker, activity) = found else { throw context.notFound }
        let taskRouterBaseURL = SiblingDomain.url(context.domainBaseURL, from: .switchboard, to: .taskRouter)
        return JSONResponse.make(.object([
            ("identity", .string(agent.identity)),
            ("account_sid", .string(principal.account.sid)),
            ("workspace_sid", .string(agent.workspaceSid)),
            ("worker_sid", .string(agent.workerSid)),
            ("expires_at", .string(WireDate.iso8601(agent.expiresAt))),
            ("worker", WorkerRepresentation.json(worker, activity: activity, baseURL: taskRouterBaseURL)),
        ]))
    }
}
