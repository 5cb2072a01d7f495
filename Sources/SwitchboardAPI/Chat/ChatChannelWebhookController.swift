public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Webhooks` on `chat`: create, fetch, list, update, delete. The
/// channel's events reach them through the outbox (see `ChatEvents`).
public struct ChatChannelWebhookController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Channels/:channelSid/Webhooks", use: create)
        routes.get("Services/:serviceSid/Channels/:channelSid/Webhooks", use: list)
        routes.get("Services/:serviceSid/Channels/:channelSid/Webhooks/:sid", use: fetch)
        routes.post("Services/:serviceSid/Channels/:channelSid/Webhooks/:sid", use: update)
        routes.delete("Services/:serviceSid/Channels/:channelSid/Webhooks/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let sid = dependencies.sids.make(.chatWebhook)
        let now = dependencies.time.now()
        let webhook = try await dependencies.storage.write { session in
            let channel = try await ChatScope.channel(context, session: session)
            let webhook = try ChatRules.webhook(changes, sid: sid, channel: channel, now: now)
            try await session.chatWebhooks.insert(webhook)
            return webhook
        }
        return JSONResponse.make(ChatChannelWebhookRepresentation.json(webhook, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let webhook = try await dependencies.storage.read { try await Self.webhook(context, session: $0) }
        return JSONResponse.make(ChatChannelWebhookRepresentation.json(webhook, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (channel, rows) = try await dependencies.storage.read { session in
            let channel = try await ChatScope.channel(context, session: session)
            return (channel, try await session.chatWebhooks.list(channelSid: channel.sid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "webhooks", page: rows, request: page, listURL: ChatScope.channelURL(channel, baseURL: baseURL) + "/Webhooks", filters: []
        ) { ChatChannelWebhookRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        var changes = try Self.changes(from: try await request.formParameters(context: context))
        changes.type = nil
        let now = dependencies.time.now()
        let webhook = try await dependencies.storage.write { [changes] session in
            let updated = try ChatRules.update(try await Self.webhook(context, session: session), with: changes, now: now)
            try await session.chatWebhooks.update(updated)
            return updated
        }
        return JSONResponse.make(ChatChannelWebhookRepresentation.json(webhook, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let webhook = try await Self.webhook(context, session: session)
            _ = try await session.chatWebhooks.delete(sid: webhook.sid, channelSid: webhook.channelSid)
        }
        return JSONResponse.noContent()
    }

    static func webhook(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ChatChannelWebhook {
        let channel = try await ChatScope.channel(context, session: session)
        let sid = try context.parameters.require("sid")
        guard let webhook = try await session.chatWebhooks.find(sid: sid, channelSid: channel.sid) else { throw context.notFound }
        return webhook
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> ChatChannelWebhookChanges {
        var changes = ChatChannelWebhookChanges()
        changes.type = form.string("Type")
        changes.url = form.string("Configuration.Url")
        changes.method = form.string("Configuration.Method")
        let filters = form.strings("Configuration.Filters")
        if !filters.isEmpty { changes.filters = filters }
        let triggers = form.strings("Configuration.Triggers")
        if !triggers.isEmpty { changes.triggers = triggers }
        changes.flowSid = form.string("Configuration.FlowSid")
        changes.retryCount = try form.int("Configuration.RetryCount")
        return changes
    }
}
