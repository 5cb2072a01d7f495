public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants` on `flex-api`: list, create, and the
/// `Status` update (`wrapup`, `closed`) that moves the participant's task.
public struct InteractionParticipantController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Interactions/:interactionSid/Channels/:channelSid/Participants", use: list)
        routes.post("Interactions/:interactionSid/Channels/:channelSid/Participants", use: create)
        routes.post("Interactions/:interactionSid/Channels/:channelSid/Participants/:sid", use: update)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (channel, rows) = try await dependencies.storage.read { session in
            let channel = try await Self.channel(context, session: session)
            return (channel, try await session.interactionParticipants.list(channelSid: channel.sid, accountSid: channel.accountSid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "participants", page: rows, request: page,
            listURL: baseURL + "/v1/Interactions/\(channel.interactionSid)/Channels/\(channel.sid)/Participants", filters: []
        ) { Self.json($0, baseURL: baseURL) })
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let participants = InteractionParticipants(sids: dependencies.sids)
        let participant = try await dependencies.storage.write { session in
            let channel = try await Self.channel(context, session: session)
            return try await participants.add(
                type: form.string("Type"), mediaProperties: form.string("MediaProperties"), routingProperties: form.string("RoutingProperties"),
                to: channel, in: session, now: now)
        }
        return JSONResponse.make(Self.json(participant, baseURL: context.domainBaseURL), status: .created)
    }

    /// The task follows through the routing engine once the participant's change commits.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = try context.parameters.require("sid")
        let now = dependencies.time.now()
        let notFound = context.notFound
        let (participant, followUps) = try await dependencies.storage.write { session in
            let channel = try await Self.channel(context, session: session)
            guard let participant = try await session.interactionParticipants.find(sid: sid, channelSid: channel.sid, accountSid: channel.accountSid) else {
                throw notFound
            }
            return try await InteractionParticipants.changeStatus(form.string("Status"), of: participant, on: channel, in: session, now: now)
        }
        try await TaskFollowUp.apply(followUps, through: dependencies.routing)
        return JSONResponse.make(Self.json(participant, baseURL: context.domainBaseURL))
    }

    static func channel(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> InteractionChannel {
        let interactionSid = try context.parameters.require("interactionSid")
        let sid = try context.parameters.require("channelSid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let channel = try await session.interactions.findChannel(sid: sid, interactionSid: interactionSid, accountSid: accountSid) else {
            throw context.notFound
        }
        return channel
    }

    /// `flex.v1.interaction.interaction_channel.interaction_channel_participant`.
    static func json(_ participant: InteractionParticipant, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(participant.sid)),
            ("type", .string(participant.type.rawValue)),
            ("interaction_sid", .string(participant.interactionSid)),
            ("channel_sid", .string(participant.channelSid)),
            ("url", .string(baseURL + "/v1/Interactions/\(participant.interactionSid)/Channels/\(participant.channelSid)/Participants/\(participant.sid)")),
            ("routing_properties", participant.routingProperties.map { JSONValue.from(jsonText: $0) } ?? .null),
        ])
    }
}
