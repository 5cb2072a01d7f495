public import Hummingbird
import SwitchboardCore
import SwitchboardStorage
import SwitchboardProxy

/// `/v2/Services/{ServiceSid}/Channels` on `chat`: create, fetch, list, update, delete. Updates post `onChannelUpdated`.
public struct ChatChannelController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Channels", use: create)
        routes.get("Services/:serviceSid/Channels", use: list)
        routes.get("Services/:serviceSid/Channels/:channelSid", use: fetch)
        routes.post("Services/:serviceSid/Channels/:channelSid", use: update)
        routes.delete("Services/:serviceSid/Channels/:channelSid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = dependencies.sids.make(.chatChannel)
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let channel = try await dependencies.storage.write { session in
            let service = try await ChatScope.service(context, session: session)
            let channel = try ChatRules.channel(
                friendlyName: form.string("FriendlyName"), uniqueName: form.string("UniqueName"), attributes: form.string("Attributes"),
                type: form.string("Type"), createdBy: form.string("CreatedBy"), sid: sid, service: service, now: now)
            if let name = channel.uniqueName, try await session.chatChannels.find(uniqueName: name, serviceSid: service.sid) != nil {
                throw ChatRules.uniqueNameTaken(name)
            }
            try await session.chatChannels.insert(channel)
            try await ChatEvents.record("onChannelAdded", channel: channel, storage: session, sids: sids, now: now)
            return channel
        }
        return JSONResponse.make(ChatChannelRepresentation.json(channel, members: 0, messages: 0, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (channel, members, messages) = try await dependencies.storage.read { session in
            let channel = try await ChatScope.channel(context, session: session)
            return (channel, try await session.chatMembers.count(channelSid: channel.sid), try await session.chatMessages.count(channelSid: channel.sid))
        }
        return JSONResponse.make(ChatChannelRepresentation.json(channel, members: members, messages: messages, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let type = try request.queryParameters().string("Type")
        let (service, rows) = try await dependencies.storage.read { session in
            let service = try await ChatScope.service(context, session: session)
            let channels = try await session.chatChannels.list(serviceSid: service.sid, type: type, page: page)
            var counted: [(ChatChannel, Int, Int)] = []
            for channel in channels.items {
                counted.append((channel, try await session.chatMembers.count(channelSid: channel.sid), try await session.chatMessages.count(channelSid: channel.sid)))
            }
            return (service, Page(items: counted, next: channels.next, previous: channels.previous))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "channels", page: rows, request: page, listURL: ChatScope.serviceURL(service.sid, baseURL: baseURL) + "/Channels",
            filters: type.map { [("Type", $0)] } ?? []
        ) { ChatChannelRepresentation.json($0.0, members: $0.1, messages: $0.2, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let (channel, members, messages) = try await dependencies.storage.write { session in
            var channel = try await ChatScope.channel(context, session: session)
            if let attributes = form.string("Attributes") {
                try ChatAttributes.check(attributes)
                channel.attributes = attributes
            }
            if let name = form.string("FriendlyName") { channel.friendlyName = name }
            if let createdBy = form.string("CreatedBy") { channel.createdBy = createdBy }
            if let uniqueName = form.string("UniqueName") {
                if !uniqueName.isEmpty, let other = try await session.chatChannels.find(uniqueName: uniqueName, serviceSid: channel.serviceSid),
                   other.sid != channel.sid {
                    throw ChatRules.uniqueNameTaken(uniqueName)
                }
                channel.uniqueName = uniqueName.isEmpty ? nil : uniqueName
            }
            channel.dateUpdated = now
            try await session.chatChannels.update(channel)
            try await ChatEvents.record("onChannelUpdated", channel: channel, storage: session, sids: sids, now: now)
            return (channel, try await session.chatMembers.count(channelSid: channel.sid), try await session.chatMessages.count(channelSid: channel.sid))
        }
        return JSONResponse.make(ChatChannelRepresentation.json(channel, members: members, messages: messages, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sids = dependencies.sids
        let now = dependencies.time.now()
        try await dependencies.storage.write { session in
            let channel = try await ChatScope.channel(context, session: session)
            _ = try await session.chatChannels.delete(sid: channel.sid, serviceSid: channel.serviceSid)
            try await ChatEvents.record("onChannelDestroyed", channel: channel, storage: session, sids: sids, now: now)
        }
        return JSONResponse.noContent()
    }
}
