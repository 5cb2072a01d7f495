public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// `/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites` on `flex-api`: a new task for another agent or
/// queue on the same channel.
public struct InteractionInviteController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Interactions/:interactionSid/Channels/:channelSid/Invites", use: create)
        routes.get("Interactions/:interactionSid/Channels/:channelSid/Invites", use: list)
        return routes
    }

    /// Answers 201 once the task is committed; it is routed after.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let routingText = form.string("Routing")
        let routing = try InteractionRoutingRequest.parse(routingText)
        let now = dependencies.time.now()
        let invitation = InteractionInvitation(sids: dependencies.sids)
        let engine = dependencies.routing
        let (link, task) = try await dependencies.storage.write { session in
            let channel = try await InteractionParticipantController.channel(context, session: session)
            let invited = try await invitation.invite(routing, routingText: routingText ?? "", to: channel, in: session, now: now)
            engine.routeAfterCommit(workspaceSid: invited.1.workspaceSid, in: session)
            return invited
        }
        let routed = try await dependencies.storage.read { try await RoutedTask.load(sid: task.sid, workspaceSid: task.workspaceSid, session: $0) }
            ?? RoutedTask(task: task, names: [:], reservationCount: 0)
        return JSONResponse.make(json(link, task: routed, context: context), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (channel, invites) = try await dependencies.storage.read { session -> (InteractionChannel, [(InteractionTask, RoutedTask?)]) in
            let channel = try await InteractionParticipantController.channel(context, session: session)
            var invites: [(InteractionTask, RoutedTask?)] = []
            for link in try await session.interactions.tasks(channelSid: channel.sid) where link.inviteSid != nil {
                invites.append((link, try await RoutedTask.load(sid: link.taskSid, workspaceSid: link.workspaceSid, session: session)))
            }
            return (channel, invites)
        }
        let rows = Page(items: invites.map { InviteRow(link: $0.0, task: $0.1) }, next: nil, previous: nil)
        return JSONResponse.make(ListEnvelope.v1(
            key: "invites", page: rows, request: page,
            listURL: context.domainBaseURL + "/v1/Interactions/\(channel.interactionSid)/Channels/\(channel.sid)/Invites", filters: []
        ) { json($0.link, task: $0.task, context: context) })
    }

    /// `flex.v1.interaction.interaction_channel.interaction_channel_invite`, with the task as `routing.properties`.
    func json(_ link: InteractionTask, task: RoutedTask?, context: SwitchboardRequestContext) -> JSONValue {
        let baseURL = context.domainBaseURL
        let properties = task.map { InteractionRepresentation.taskProperties($0, now: dependencies.time.now(), baseURL: baseURL) } ?? .null
        return .object([
            ("sid", .string(link.inviteSid ?? "")),
            ("interaction_sid", .string(link.interactionSid)),
            ("channel_sid", .string(link.channelSid)),
            ("routing", .object([("reservation", .null), ("properties", properties)])),
            ("url", .string(baseURL + "/v1/Interactions/\(link.interactionSid)/Channels/\(link.channelSid)/Invites/\(link.inviteSid ?? "")")),
        ])
    }
}

/// One invite of a list: its link and its task.
struct InviteRow: Sendable {
    let link: InteractionTask
    let task: RoutedTask?
}
