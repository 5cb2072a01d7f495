import Foundation
public import Hummingbird
import HTTPTypes
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Agent/Events` on `switchboard`: one worker's events pushed as Server-Sent Events. An Access Token's
/// worker, or for Basic credentials the `WorkspaceSid` and `WorkerSid` query parameters, name the worker; a
/// client that reconnects sends its last frame's `id:` as `Last-Event-ID` (or `?LastEventId=`) and gets exactly
/// what it missed.
public struct AgentEventsController: Sendable {
    let dependencies: ServerDependencies
    let keepalive: Duration

    /// Creates the controller, sending a keepalive comment when a stream has been silent for `keepalive`.
    public init(dependencies: ServerDependencies, keepalive: Duration) {
        self.dependencies = dependencies
        self.keepalive = keepalive
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Agent/Events", use: events)
        return routes
    }

    @Sendable func events(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = try request.queryParameters()
        let scope = try await Self.scope(principal: principal, query: query, context: context, storage: dependencies.storage)
        let cursor: AgentEventCursor
        if let given = ServerSentEvents.lastEventID(request, query: query) {
            guard let parsed = AgentEventCursor(given) else { throw ServerSentEvents.unknownEventID(given) }
            cursor = parsed
        } else {
            cursor = try await dependencies.storage.read { session in
                AgentEventCursor(events: try await session.agentFeed.eventsEnd(workspaceSid: scope.workspaceSid),
                                 messages: try await session.agentFeed.messageChangesEnd())
            }
        }
        let stream = AgentEventStream(
            storage: dependencies.storage, loop: ServerSentEventLoop(bell: dependencies.agentFeedBell, keepalive: keepalive),
            time: dependencies.time, scope: scope,
            taskRouterBaseURL: SiblingDomain.url(context.domainBaseURL, from: .switchboard, to: .taskRouter),
            conversationsBaseURL: SiblingDomain.url(context.domainBaseURL, from: .switchboard, to: .conversations))
        return ServerSentEvents.response { writer in try await stream.run(from: cursor, writer: &writer) }
    }

    /// The worker the stream follows: the Access Token's, or the one the query names for Basic credentials,
    /// which must be a worker of a workspace of the caller's account.
    static func scope(principal: Principal, query: FormParameters, context: SwitchboardRequestContext, storage: any Storage) async throws -> AgentEventScope {
        let accountSid = principal.account.sid
        if let agent = principal.agent {
            return AgentEventScope(accountSid: accountSid, workspaceSid: agent.workspaceSid, workerSid: agent.workerSid)
        }
        guard let workspaceSid = query.string("WorkspaceSid"), !workspaceSid.isEmpty else {
            throw TwilioError.invalidParameter("Missing required parameter WorkspaceSid in the query string")
        }
        guard let workerSid = query.string("WorkerSid"), !workerSid.isEmpty else {
            throw TwilioError.invalidParameter("Missing required parameter WorkerSid in the query string")
        }
        let found = try await storage.read { session in
            guard try await session.workspaces.find(sid: workspaceSid, accountSid: accountSid) != nil else { return false }
            return try await session.workers.find(sid: workerSid, workspaceSid: workspaceSid) != nil
        }
        guard found else { throw context.notFound }
        return AgentEventScope(accountSid: accountSid, workspaceSid: workspaceSid, workerSid: workerSid)
    }
}
