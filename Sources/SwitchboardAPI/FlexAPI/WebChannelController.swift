public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage
import SwitchboardProxy
import SwitchboardRouting

/// `/v1/WebChannels` on `flex-api`: a web chat's channel, opened through its Flex Flow exactly as `/v1/Channels` opens
/// one (the same Flex Channel, so both lists show it), ended by the customer's side with `ChatStatus=inactive`.
public struct WebChannelController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("WebChannels", use: create)
        routes.get("WebChannels", use: list)
        routes.get("WebChannels/:sid", use: fetch)
        routes.post("WebChannels/:sid", use: update)
        routes.delete("WebChannels/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        // Twilio names the customer's name `CustomerFriendlyName` here; it is the chat user's friendly name.
        for name in ["FlexFlowSid", "Identity", "CustomerFriendlyName", "ChatFriendlyName"] where form.string(name)?.isEmpty ?? true {
            throw TwilioError.missingParameter(name)
        }
        var channelRequest = FlexChannelRequest()
        channelRequest.flexFlowSid = form.string("FlexFlowSid")
        channelRequest.identity = form.string("Identity")
        channelRequest.chatUserFriendlyName = form.string("CustomerFriendlyName")
        channelRequest.chatFriendlyName = form.string("ChatFriendlyName")
        channelRequest.chatUniqueName = form.string("ChatUniqueName")
        channelRequest.preEngagementData = form.string("PreEngagementData")
        let accountSid = try context.requirePrincipal().account.sid
        let sids = dependencies.sids
        let now = dependencies.time.now()
        let routing = dependencies.routing
        let opened = try await dependencies.storage.write { [channelRequest] storage in
            let opened = try await FlexChannelOpener.open(channelRequest, accountSid: accountSid, in: storage, sids: sids, now: now)
            if let workspaceSid = opened.workspaceToRoute { routing.routeAfterCommit(workspaceSid: workspaceSid, in: storage) }
            return opened
        }
        return JSONResponse.make(Self.json(opened.channel, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let channel = try await dependencies.storage.read({ try await $0.flexChannels.find(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.make(Self.json(channel, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.flexChannels.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "flex_chat_channels", page: rows, request: page, listURL: baseURL + "/v1/WebChannels", filters: []) {
            Self.json($0, baseURL: baseURL)
        })
    }

    /// `ChatStatus=inactive` ends the chat: its session closes, the channel turns `INACTIVE` and the agent's task moves
    /// to wrapping (a task nobody took is canceled) once the change commits.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        let chatStatus = form.string("ChatStatus"), postEngagementData = form.string("PostEngagementData")
        let sids = dependencies.sids
        let now = dependencies.time.now()
        let notFound = context.notFound
        let outcome = try await dependencies.storage.write { storage in
            try await WebChannelEnding.update(sid: sid, accountSid: accountSid, chatStatus: chatStatus, postEngagementData: postEngagementData,
                                              notFound: notFound, in: storage, sids: sids, now: now)
        }
        if let task = outcome.liveTask, let followUp = TaskFollowUp.ending(task, wrapUpOnly: true, reason: "Web chat ended") {
            try await TaskFollowUp.apply([followUp], through: dependencies.routing)
        }
        return JSONResponse.make(Self.json(outcome.channel, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        let notFound = context.notFound
        try await dependencies.storage.write {
            try await FlexChannelController.remove(sid: sid, accountSid: accountSid, notFound: notFound, storage: $0)
        }
        return JSONResponse.noContent()
    }

    /// `flex.v1.web_channel`.
    static func json(_ channel: FlexChannel, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(channel.accountSid)),
            ("flex_flow_sid", .string(channel.flexFlowSid)),
            ("sid", .string(channel.sid)),
            ("url", .string(baseURL + "/v1/WebChannels/" + channel.sid)),
            ("date_created", .string(WireDate.iso8601(channel.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(channel.dateUpdated))),
        ])
    }
}
