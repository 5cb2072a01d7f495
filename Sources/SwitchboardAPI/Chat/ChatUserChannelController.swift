public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Users/{UserSid}/Channels` on `chat`: the channels a user is a member of, one row per
/// membership of the user's identity, read from the channel members (list, fetch), their notification level and
/// read horizon (update), and leaving (delete, which removes the membership as deleting the member does).
public struct ChatUserChannelController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        // `{UserSid}` is `:sid`, as on the user's own routes, so the router sees one parameter name at that depth.
        routes.get("Services/:serviceSid/Users/:sid/Channels", use: list)
        routes.get("Services/:serviceSid/Users/:sid/Channels/:channelSid", use: fetch)
        routes.post("Services/:serviceSid/Users/:sid/Channels/:channelSid", use: update)
        routes.delete("Services/:serviceSid/Users/:sid/Channels/:channelSid", use: delete)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (user, rows) = try await dependencies.storage.read { session in
            let user = try await ChatScope.user(context, session: session)
            let members = try await session.chatMembers.list(serviceSid: user.serviceSid, identity: user.identity, page: page)
            var counted: [(ChatMember, Int?)] = []
            for member in members.items { counted.append((member, try await Self.unread(member, session: session))) }
            return (user, Page(items: counted, next: members.next, previous: members.previous))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "channels", page: rows, request: page,
            listURL: ChatScope.serviceURL(user.serviceSid, baseURL: baseURL) + "/Users/" + user.sid + "/Channels", filters: []
        ) { ChatUserChannelRepresentation.json($0.0, user: user, unread: $0.1, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (user, member, unread) = try await dependencies.storage.read { session in
            let (user, member) = try await Self.membership(context, session: session)
            return (user, member, try await Self.unread(member, session: session))
        }
        return JSONResponse.make(ChatUserChannelRepresentation.json(member, user: user, unread: unread, baseURL: context.domainBaseURL))
    }

    /// `NotificationLevel` (`default` or `muted`), `LastConsumedMessageIndex` and `LastConsumptionTimestamp`.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let level = form.string("NotificationLevel")
        if let level, !["default", "muted"].contains(level) {
            throw TwilioError.invalidParameter("NotificationLevel must be default or muted; got '\(level)'")
        }
        let now = dependencies.time.now()
        let (user, member, unread) = try await dependencies.storage.write { session in
            let (user, found) = try await Self.membership(context, session: session)
            var member = found
            if let level { member.notificationLevel = level }
            try ChatMemberController.applyReadHorizon(form, to: &member)
            member.dateUpdated = now
            try await session.chatMembers.update(member)
            return (user, member, try await Self.unread(member, session: session))
        }
        return JSONResponse.make(ChatUserChannelRepresentation.json(member, user: user, unread: unread, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let (_, member) = try await Self.membership(context, session: session)
            _ = try await session.chatMembers.delete(sid: member.sid, channelSid: member.channelSid)
        }
        return JSONResponse.noContent()
    }

    /// The user of the path and its membership of the channel `{channelSid}` (a SID or unique name); 20404 when the
    /// user is no member of it.
    static func membership(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> (ChatUser, ChatMember) {
        let user = try await ChatScope.user(context, session: session)
        let channel = try await ChatScope.channel(context, session: session)
        guard let member = try await session.chatMembers.find(identity: user.identity, channelSid: channel.sid, serviceSid: user.serviceSid) else {
            throw context.notFound
        }
        return (user, member)
    }

    /// The messages after the member's read horizon; `nil` while the member has none, as Twilio answers.
    static func unread(_ member: ChatMember, session: any StorageSession) async throws -> Int? {
        guard let index = member.lastConsumedMessageIndex else { return nil }
        return try await session.chatMessages.count(channelSid: member.channelSid, after: index)
    }
}
