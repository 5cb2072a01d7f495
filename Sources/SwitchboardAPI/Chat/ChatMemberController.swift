public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members` on `chat`: create, fetch, list, delete.
public struct ChatMemberController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Channels/:channelSid/Members", use: create)
        routes.get("Services/:serviceSid/Channels/:channelSid/Members", use: list)
        routes.get("Services/:serviceSid/Channels/:channelSid/Members/:sid", use: fetch)
        routes.post("Services/:serviceSid/Channels/:channelSid/Members/:sid", use: update)
        routes.delete("Services/:serviceSid/Channels/:channelSid/Members/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = dependencies.sids.make(.chatMember)
        let now = dependencies.time.now()
        let member = try await dependencies.storage.write { session in
            let channel = try await ChatScope.channel(context, session: session)
            let member = try ChatRules.member(identity: form.string("Identity"), attributes: form.string("Attributes"), sid: sid, channel: channel, now: now)
            guard try await session.chatMembers.find(identity: member.identity, channelSid: channel.sid) == nil else {
                throw ChatRules.alreadyMember(member.identity)
            }
            try await session.chatMembers.insert(member)
            return member
        }
        return JSONResponse.make(ChatMemberRepresentation.json(member, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let member = try await dependencies.storage.read { try await Self.member(context, session: $0) }
        return JSONResponse.make(ChatMemberRepresentation.json(member, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let identity = try request.queryParameters().string("Identity")
        let (channel, rows) = try await dependencies.storage.read { session in
            let channel = try await ChatScope.channel(context, session: session)
            return (channel, try await session.chatMembers.list(channelSid: channel.sid, identity: identity, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "members", page: rows, request: page, listURL: ChatScope.channelURL(channel, baseURL: baseURL) + "/Members",
            filters: identity.map { [("Identity", $0)] } ?? []
        ) { ChatMemberRepresentation.json($0, baseURL: baseURL) })
    }

    /// `Attributes`; the read horizon and roles are not modelled.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let member = try await dependencies.storage.write { session in
            var member = try await Self.member(context, session: session)
            if let attributes = form.string("Attributes") {
                try ChatAttributes.check(attributes)
                member.attributes = attributes
            }
            member.dateUpdated = now
            try await session.chatMembers.update(member)
            return member
        }
        return JSONResponse.make(ChatMemberRepresentation.json(member, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let member = try await Self.member(context, session: session)
            _ = try await session.chatMembers.delete(sid: member.sid, channelSid: member.channelSid)
        }
        return JSONResponse.noContent()
    }

    /// The member named by `{sid}`: its SID or its identity.
    static func member(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ChatMember {
        let channel = try await ChatScope.channel(context, session: session)
        let key = try context.parameters.require("sid")
        if let member = try await session.chatMembers.find(sid: key, channelSid: channel.sid) { return member }
        if let member = try await session.chatMembers.find(identity: key, channelSid: channel.sid) { return member }
        throw context.notFound
    }
}
