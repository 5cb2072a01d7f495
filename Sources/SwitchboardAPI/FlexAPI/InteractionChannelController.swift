public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Interactions/{InteractionSid}/Channels` on `flex-api`: list, fetch, and update the status, which closes or
/// pauses the conversation and its tasks.
public struct InteractionChannelController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Interactions/:interactionSid/Channels", use: list)
        routes.get("Interactions/:interactionSid/Channels/:channelSid", use: fetch)
        routes.post("Interactions/:interactionSid/Channels/:channelSid", use: update)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let interactionSid = try context.parameters.require("interactionSid")
        let accountSid = try context.requirePrincipal().account.sid
        let notFound = context.notFound
        let rows = try await dependencies.storage.read { session in
            guard try await session.interactions.find(sid: interactionSid, accountSid: accountSid) != nil else { throw notFound }
            return try await session.interactions.listChannels(interactionSid: interactionSid, accountSid: accountSid, page: page)
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "channels", page: rows, request: page, listURL: baseURL + "/v1/Interactions/\(interactionSid)/Channels", filters: []
        ) { InteractionRepresentation.channel($0, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let channel = try await dependencies.storage.read { try await Self.channel(context, session: $0) }
        return JSONResponse.make(InteractionRepresentation.channel(channel, baseURL: context.domainBaseURL))
    }

    /// `Status` closed or inactive; the tasks follow through the routing engine once the channel change commits.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let status = try InteractionRules.requestedStatus(form.string("Status"))
        var routingStatus: String?
        if let routing = form.string("Routing"), !routing.isEmpty {
            let parsed = try AttributeValue.parseAttributes(routing, parameter: "Routing")
            routingStatus = parsed[member: "status"]?.stringValue
        }
        let requestedRoutingStatus = routingStatus
        let now = dependencies.time.now()
        let (channel, followUps) = try await dependencies.storage.write { session in
            let channel = try await Self.channel(context, session: session)
            return try await InteractionChannelStatusChange.apply(status, routingStatus: requestedRoutingStatus, to: channel, in: session, now: now)
        }
        try await TaskFollowUp.apply(followUps, through: dependencies.routing)
        return JSONResponse.make(InteractionRepresentation.channel(channel, baseURL: context.domainBaseURL))
    }

    /// The channel the path names, in an interaction of the caller's account.
    static func channel(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> InteractionChannel {
        let interactionSid = try context.parameters.require("interactionSid")
        let sid = try context.parameters.require("channelSid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let channel = try await session.interactions.findChannel(sid: sid, interactionSid: interactionSid, accountSid: accountSid) else {
            throw context.notFound
        }
        return channel
    }
}
