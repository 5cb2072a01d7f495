public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// `/v1/Interactions` on `flex-api`: create (conversation, channel and task together) and fetch.
public struct InteractionController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Interactions", use: create)
        routes.get("Interactions/:interactionSid", use: fetch)
        routes.post("Interactions/:interactionSid", use: update)
        return routes
    }

    /// Answers 201 once the conversation, the channel and the task are committed together; the task is routed after.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let accountSid = try context.requirePrincipal().account.sid
        let channelText = form.string("Channel")
        let routingText = form.string("Routing")
        let parsed = try InteractionRequest.parse(channel: channelText, routing: routingText)
        let contextSid = form.string("InteractionContextSid")
        let webhookTtid = form.string("WebhookTtid")
        let now = dependencies.time.now()
        let creation = InteractionCreation(sids: dependencies.sids)
        let routing = dependencies.routing
        let created = try await dependencies.storage.write { session in
            let created = try await creation.create(
                parsed, channelText: channelText ?? "", routingText: routingText ?? "", interactionContextSid: contextSid,
                webhookTtid: webhookTtid, accountSid: accountSid, in: session, now: now)
            routing.routeAfterCommit(workspaceSid: created.task.workspaceSid, in: session)
            return created
        }
        let task = try await dependencies.storage.read { try await RoutedTask.load(sid: created.task.sid, workspaceSid: created.task.workspaceSid, session: $0) }
        return JSONResponse.make(
            InteractionRepresentation.json(
                created.interaction, channelSid: created.channel.sid, task: task ?? RoutedTask(task: created.task, names: [:], reservationCount: 0),
                now: dependencies.time.now(), baseURL: context.domainBaseURL),
            status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("interactionSid")
        let accountSid = try context.requirePrincipal().account.sid
        let notFound = context.notFound
        let (interaction, channel, task) = try await dependencies.storage.read { session in
            guard let interaction = try await session.interactions.find(sid: sid, accountSid: accountSid) else { throw notFound }
            return try await Self.answer(interaction, session: session)
        }
        return JSONResponse.make(InteractionRepresentation.json(
            interaction, channelSid: channel?.sid, task: task, now: dependencies.time.now(), baseURL: context.domainBaseURL))
    }

    /// `WebhookTtid`, the one thing Twilio lets a client change; an absent parameter leaves it as it is and an empty one
    /// clears it.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = try context.parameters.require("interactionSid")
        let accountSid = try context.requirePrincipal().account.sid
        let webhookTtid = form.string("WebhookTtid")
        let notFound = context.notFound
        let (interaction, channel, task) = try await dependencies.storage.write { session in
            guard var interaction = try await session.interactions.find(sid: sid, accountSid: accountSid) else { throw notFound }
            if let webhookTtid {
                interaction.webhookTtid = webhookTtid.isEmpty ? nil : webhookTtid
                try await session.interactions.update(interaction)
            }
            return try await Self.answer(interaction, session: session)
        }
        return JSONResponse.make(InteractionRepresentation.json(
            interaction, channelSid: channel?.sid, task: task, now: dependencies.time.now(), baseURL: context.domainBaseURL))
    }

    /// What the answer shows besides the interaction: its first channel and that channel's task.
    static func answer(_ interaction: Interaction, session: any StorageSession) async throws -> (Interaction, InteractionChannel?, RoutedTask?) {
        let channel = try await session.interactions.listChannels(interactionSid: interaction.sid, accountSid: interaction.accountSid,
                                                                  page: PageRequest(size: 1)).items.first
        guard let channel, let link = try await session.interactions.tasks(channelSid: channel.sid).first else { return (interaction, channel, nil) }
        return (interaction, channel, try await RoutedTask.load(sid: link.taskSid, workspaceSid: link.workspaceSid, session: session))
    }
}
