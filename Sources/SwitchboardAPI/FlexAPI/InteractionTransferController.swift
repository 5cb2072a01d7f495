public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardRouting
import SwitchboardStorage

/// `/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers` on `flex-api`: warm and cold transfers, with
/// JSON bodies as Twilio takes them.
public struct InteractionTransferController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Interactions/:interactionSid/Channels/:channelSid/Transfers", use: create)
        routes.get("Interactions/:interactionSid/Channels/:channelSid/Transfers/:sid", use: fetch)
        routes.post("Interactions/:interactionSid/Channels/:channelSid/Transfers/:sid", use: update)
        return routes
    }

    /// Answers 201 once the target's task is committed; it is routed, and a cold transfer's own task wrapped up, after.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let parsed = try InteractionTransferRequest.parse(json: try await ContentController.jsonBody(request, context: context))
        let now = dependencies.time.now()
        let transfers = InteractionTransfers(sids: dependencies.sids)
        let routing = dependencies.routing
        let (transfer, task, followUps) = try await dependencies.storage.write { session in
            let channel = try await InteractionParticipantController.channel(context, session: session)
            let transferred = try await transfers.transfer(parsed, from: channel, in: session, now: now)
            routing.routeAfterCommit(workspaceSid: transferred.1.workspaceSid, in: session)
            return transferred
        }
        try await TaskFollowUp.apply(followUps, through: dependencies.routing)
        let current = try await dependencies.storage.read { try await $0.tasks.find(sid: task.sid, workspaceSid: task.workspaceSid) }
        return JSONResponse.make(Self.json(transfer, task: current, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let notFound = context.notFound
        let (transfer, task) = try await dependencies.storage.read { session -> (InteractionTransfer, TaskRouterTask?) in
            let channel = try await InteractionParticipantController.channel(context, session: session)
            guard let transfer = try await session.interactions.findTransfer(sid: sid, channelSid: channel.sid, accountSid: channel.accountSid) else {
                throw notFound
            }
            return (transfer, try await session.tasks.find(sid: transfer.taskSid, workspaceSid: transfer.workspaceSid))
        }
        return JSONResponse.make(Self.json(transfer, task: task, baseURL: context.domainBaseURL))
    }

    /// `{"status": "failed"}` gives up a transfer nobody has taken yet: its target's task is canceled after commit.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let changes = try InteractionTransferChanges.parse(json: try await ContentController.jsonBody(request, context: context))
        let sid = try context.parameters.require("sid")
        let notFound = context.notFound
        let (transfer, task) = try await dependencies.storage.read { session -> (InteractionTransfer, TaskRouterTask?) in
            let channel = try await InteractionParticipantController.channel(context, session: session)
            guard let transfer = try await session.interactions.findTransfer(sid: sid, channelSid: channel.sid, accountSid: channel.accountSid) else {
                throw notFound
            }
            return (transfer, try await session.tasks.find(sid: transfer.taskSid, workspaceSid: transfer.workspaceSid))
        }
        if try changes.cancelsTarget(currentStatus: InteractionTransfer.status(of: task)), let task,
           let followUp = TaskFollowUp.ending(task, wrapUpOnly: false, reason: "Transfer \(transfer.sid) failed") {
            try await TaskFollowUp.apply([followUp], through: dependencies.routing)
        }
        let current = try await dependencies.storage.read { try await $0.tasks.find(sid: transfer.taskSid, workspaceSid: transfer.workspaceSid) }
        return JSONResponse.make(Self.json(transfer, task: current, baseURL: context.domainBaseURL))
    }

    /// `flex.v1.interaction.interaction_channel.interaction_transfer`; the status follows the target's task.
    static func json(_ transfer: InteractionTransfer, task: TaskRouterTask?, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(transfer.sid)),
            ("instance_sid", .null),
            ("account_sid", .string(transfer.accountSid)),
            ("interaction_sid", .string(transfer.interactionSid)),
            ("channel_sid", .string(transfer.channelSid)),
            ("execution_sid", .null),
            ("type", .string(transfer.type)),
            ("status", .string(InteractionTransfer.status(of: task))),
            ("from", .string(transfer.from)),
            ("to", .string(transfer.to)),
            ("note_sid", .null),
            ("summary_sid", .null),
            ("date_created", .string(WireDate.iso8601(transfer.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(task?.dateUpdated ?? transfer.dateCreated))),
            ("url", .string(baseURL + "/v1/Interactions/\(transfer.interactionSid)/Channels/\(transfer.channelSid)/Transfers/\(transfer.sid)")),
        ])
    }
}
