public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardProxy

/// `/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Participants` on `proxy`: create (Proxy picks a pool number
/// when no `ProxyIdentifier` is given), fetch, list, delete.
public struct ProxyParticipantController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Sessions/:sessionSid/Participants", use: create)
        routes.get("Services/:serviceSid/Sessions/:sessionSid/Participants", use: list)
        routes.get("Services/:serviceSid/Sessions/:sessionSid/Participants/:participantSid", use: fetch)
        routes.delete("Services/:serviceSid/Sessions/:sessionSid/Participants/:participantSid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let participantRequest = ParticipantRequest(identifier: form.string("Identifier"), friendlyName: form.string("FriendlyName"),
                                                    proxyIdentifier: form.string("ProxyIdentifier"), proxyIdentifierSid: form.string("ProxyIdentifierSid"))
        let sid = dependencies.sids.make(.proxyParticipant)
        let now = dependencies.time.now()
        let participant = try await dependencies.storage.write { storage in
            let session = try await ProxyScope.session(context, session: storage)
            return try await ProxyParticipants.add(participantRequest, to: session, in: storage, sid: sid, now: now)
        }
        return JSONResponse.make(ProxyParticipantRepresentation.json(participant, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let participant = try await dependencies.storage.read { try await Self.participant(context, session: $0) }
        return JSONResponse.make(ProxyParticipantRepresentation.json(participant, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (session, rows) = try await dependencies.storage.read { storage in
            let session = try await ProxyScope.session(context, session: storage)
            return (session, try await storage.proxyParticipants.list(sessionSid: session.sid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "participants", page: rows, request: page,
            listURL: ProxyScope.sessionURL(session.serviceSid, session.sid, baseURL: baseURL) + "/Participants", filters: []
        ) { ProxyParticipantRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { storage in
            let participant = try await Self.participant(context, session: storage)
            _ = try await storage.proxyParticipants.delete(sid: participant.sid, sessionSid: participant.sessionSid)
        }
        return JSONResponse.noContent()
    }

    static func participant(_ context: SwitchboardRequestContext, session storage: any StorageSession, parameter: String = "participantSid") async throws -> ProxyParticipant {
        let session = try await ProxyScope.session(context, session: storage)
        let sid = try context.parameters.require(parameter)
        guard let participant = try await storage.proxyParticipants.find(sid: sid, sessionSid: session.sid) else { throw context.notFound }
        return participant
    }
}
