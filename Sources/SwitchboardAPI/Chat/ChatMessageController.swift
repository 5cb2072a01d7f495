public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardProxy

/// `/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Messages` on `chat`: create, fetch, list, delete. A new message
/// posts `onMessageSent` and, in a channel with a Proxy session, is relayed to the customer in the same transaction.
public struct ChatMessageController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Channels/:channelSid/Messages", use: create)
        routes.get("Services/:serviceSid/Channels/:channelSid/Messages", use: list)
        routes.get("Services/:serviceSid/Channels/:channelSid/Messages/:sid", use: fetch)
        routes.post("Services/:serviceSid/Channels/:channelSid/Messages/:sid", use: update)
        routes.delete("Services/:serviceSid/Channels/:channelSid/Messages/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = dependencies.sids.make(.chatMessage)
        let sids = dependencies.sids
        let now = dependencies.time.now()
        let message = try await dependencies.storage.write { session in
            let channel = try await ChatScope.channel(context, session: session)
            let message = try ChatRules.message(
                body: form.string("Body"), from: form.string("From"), attributes: form.string("Attributes"), sid: sid, channel: channel,
                index: try await session.chatMessages.nextIndex(channelSid: channel.sid), now: now)
            try await session.chatMessages.insert(message)
            // Relayed first, so that a relay that could not deliver is already in the attributes `onMessageSent` carries.
            let relayed = try await ProxyRelay.relay(message, in: channel, storage: session, sids: sids, now: now)
            try await ChatEvents.record("onMessageSent", channel: channel, message: relayed, storage: session, sids: sids, now: now)
            return relayed
        }
        return JSONResponse.make(ChatMessageRepresentation.json(message, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let message = try await dependencies.storage.read { session in
            let channel = try await ChatScope.channel(context, session: session)
            guard let message = try await session.chatMessages.find(sid: sid, channelSid: channel.sid) else { throw context.notFound }
            return message
        }
        return JSONResponse.make(ChatMessageRepresentation.json(message, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (channel, rows) = try await dependencies.storage.read { session in
            let channel = try await ChatScope.channel(context, session: session)
            return (channel, try await session.chatMessages.list(channelSid: channel.sid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "messages", page: rows, request: page, listURL: ChatScope.channelURL(channel, baseURL: baseURL) + "/Messages", filters: []
        ) { ChatMessageRepresentation.json($0, baseURL: baseURL) })
    }

    /// An edit: `Body`, `Attributes`, `From` and `LastUpdatedBy`; posts `onMessageUpdated`. An edit is not relayed again.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = try context.parameters.require("sid")
        let sids = dependencies.sids
        let now = dependencies.time.now()
        let message = try await dependencies.storage.write { session in
            let channel = try await ChatScope.channel(context, session: session)
            guard var message = try await session.chatMessages.find(sid: sid, channelSid: channel.sid) else { throw context.notFound }
            if let body = form.string("Body") {
                guard !body.isEmpty else { throw TwilioError.invalidParameter("Body must not be empty") }
                try TextLimit.chatMessageBody.check(body, parameter: "Body")
                message.body = body
            }
            if let attributes = form.string("Attributes") {
                try ChatAttributes.check(attributes)
                message.attributes = attributes
            }
            if let from = form.string("From"), !from.isEmpty { message.from = from }
            if let editor = form.string("LastUpdatedBy"), !editor.isEmpty { message.lastUpdatedBy = editor }
            message.edited = true
            message.dateUpdated = now
            try await session.chatMessages.update(message)
            try await ChatEvents.record("onMessageUpdated", channel: channel, message: message, storage: session, sids: sids, now: now)
            return message
        }
        return JSONResponse.make(ChatMessageRepresentation.json(message, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        try await dependencies.storage.write { session in
            let channel = try await ChatScope.channel(context, session: session)
            guard try await session.chatMessages.delete(sid: sid, channelSid: channel.sid) else { throw context.notFound }
        }
        return JSONResponse.noContent()
    }
}
