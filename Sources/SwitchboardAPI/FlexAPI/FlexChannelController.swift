public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardProxy
import SwitchboardRouting

/// `/v1/Channels` on `flex-api`: create (chat user, channel and member, and the flow's task, in one transaction),
/// fetch, list, delete.
public struct FlexChannelController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Channels", use: create)
        routes.get("Channels", use: list)
        routes.get("Channels/:sid", use: fetch)
        routes.delete("Channels/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        var channelRequest = FlexChannelRequest()
        channelRequest.flexFlowSid = form.string("FlexFlowSid")
        channelRequest.identity = form.string("Identity")
        channelRequest.chatUserFriendlyName = form.string("ChatUserFriendlyName")
        channelRequest.chatFriendlyName = form.string("ChatFriendlyName")
        channelRequest.target = form.string("Target")
        channelRequest.chatUniqueName = form.string("ChatUniqueName")
        channelRequest.preEngagementData = form.string("PreEngagementData")
        channelRequest.taskSid = form.string("TaskSid")
        channelRequest.taskAttributes = form.string("TaskAttributes")
        channelRequest.longLived = try form.bool("LongLived")
        let accountSid = try context.requirePrincipal().account.sid
        let sids = dependencies.sids
        let now = dependencies.time.now()
        let routing = dependencies.routing
        let opened = try await dependencies.storage.write { [channelRequest] storage in
            let opened = try await FlexChannelOpener.open(channelRequest, accountSid: accountSid, in: storage, sids: sids, now: now)
            if let workspaceSid = opened.workspaceToRoute { routing.routeAfterCommit(workspaceSid: workspaceSid, in: storage) }
            return opened
        }
        return JSONResponse.make(FlexChannelRepresentation.json(opened.channel, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let channel = try await dependencies.storage.read({ try await $0.flexChannels.find(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.make(FlexChannelRepresentation.json(channel, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.flexChannels.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "flex_chat_channels", page: rows, request: page, listURL: baseURL + "/v1/Channels", filters: []) {
            FlexChannelRepresentation.json($0, baseURL: baseURL)
        })
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        let notFound = context.notFound
        try await dependencies.storage.write { try await Self.remove(sid: sid, accountSid: accountSid, notFound: notFound, storage: $0) }
        return JSONResponse.noContent()
    }

    /// Deletes the account's Flex Channel `sid` and, as Twilio does, its chat channel; throws `notFound` when there is none.
    static func remove(sid: String, accountSid: String, notFound: TwilioError, storage: any StorageSession) async throws {
        guard let channel = try await storage.flexChannels.find(sid: sid, accountSid: accountSid) else { throw notFound }
        _ = try await storage.flexChannels.delete(sid: sid, accountSid: accountSid)
        _ = try await storage.chatChannels.delete(sid: channel.sid, serviceSid: channel.chatServiceSid)
    }
}
