public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardProxy

/// `/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions` (fetch, list, delete) and
/// `…/Participants/{ParticipantSid}/MessageInteractions` (create, fetch, list) on `proxy`: the log of what was relayed.
public struct ProxyInteractionController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Services/:serviceSid/Sessions/:sessionSid/Interactions", use: list)
        routes.get("Services/:serviceSid/Sessions/:sessionSid/Interactions/:sid", use: fetch)
        routes.delete("Services/:serviceSid/Sessions/:sessionSid/Interactions/:sid", use: delete)
        routes.post("Services/:serviceSid/Sessions/:sessionSid/Participants/:participantSid/MessageInteractions", use: createMessage)
        routes.get("Services/:serviceSid/Sessions/:sessionSid/Participants/:participantSid/MessageInteractions", use: listMessages)
        routes.get("Services/:serviceSid/Sessions/:sessionSid/Participants/:participantSid/MessageInteractions/:sid", use: fetchMessage)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (session, rows) = try await dependencies.storage.read { storage in
            let session = try await ProxyScope.session(context, session: storage)
            return (session, try await storage.proxyInteractions.list(sessionSid: session.sid, outboundParticipantSid: nil, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "interactions", page: rows, request: page,
            listURL: ProxyScope.sessionURL(session.serviceSid, session.sid, baseURL: baseURL) + "/Interactions", filters: []
        ) { ProxyInteractionRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let interaction = try await dependencies.storage.read { storage in
            let session = try await ProxyScope.session(context, session: storage)
            guard let interaction = try await storage.proxyInteractions.find(sid: sid, sessionSid: session.sid) else { throw context.notFound }
            return interaction
        }
        return JSONResponse.make(ProxyInteractionRepresentation.json(interaction, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        try await dependencies.storage.write { storage in
            let session = try await ProxyScope.session(context, session: storage)
            guard try await storage.proxyInteractions.delete(sid: sid, sessionSid: session.sid) else { throw context.notFound }
        }
        return JSONResponse.noContent()
    }

    @Sendable func createMessage(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sids = dependencies.sids
        let now = dependencies.time.now()
        let interaction = try await dependencies.storage.write { storage in
            let session = try await ProxyScope.session(context, session: storage)
            let participant = try await ProxyParticipantController.participant(context, session: storage, parameter: "participantSid")
            return try await MessageInteractions.send(form.string("Body"), to: participant, in: session, storage: storage, sids: sids, now: now)
        }
        return JSONResponse.make(ProxyInteractionRepresentation.json(interaction, participantSid: interaction.outboundParticipantSid,
                                                                     baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func listMessages(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (participant, rows) = try await dependencies.storage.read { storage in
            let participant = try await ProxyParticipantController.participant(context, session: storage, parameter: "participantSid")
            return (participant, try await storage.proxyInteractions.list(sessionSid: participant.sessionSid, outboundParticipantSid: participant.sid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "interactions", page: rows, request: page,
            listURL: ProxyScope.sessionURL(participant.serviceSid, participant.sessionSid, baseURL: baseURL) + "/Participants/" + participant.sid
                + "/MessageInteractions", filters: []
        ) { ProxyInteractionRepresentation.json($0, participantSid: participant.sid, baseURL: baseURL) })
    }

    @Sendable func fetchMessage(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (participant, interaction) = try await dependencies.storage.read { storage in
            let participant = try await ProxyParticipantController.participant(context, session: storage, parameter: "participantSid")
            guard let interaction = try await storage.proxyInteractions.find(sid: sid, sessionSid: participant.sessionSid),
                  interaction.outboundParticipantSid == participant.sid
            else { throw context.notFound }
            return (participant, interaction)
        }
        return JSONResponse.make(ProxyInteractionRepresentation.json(interaction, participantSid: participant.sid, baseURL: context.domainBaseURL))
    }
}
