public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Invites` on `chat`: create, fetch, list, delete. An invite holds
/// the channel role its identity will join with (`RoleSid`, else the service's default channel role); one identity
/// has at most one invite to a channel (50212).
public struct ChatInviteController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Channels/:channelSid/Invites", use: create)
        routes.get("Services/:serviceSid/Channels/:channelSid/Invites", use: list)
        routes.get("Services/:serviceSid/Channels/:channelSid/Invites/:sid", use: fetch)
        routes.delete("Services/:serviceSid/Channels/:channelSid/Invites/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = dependencies.sids.make(.chatInvite)
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        let invite = try await dependencies.storage.write { session in
            let service = try await ChatRoleDefaults.ensure(try await ChatScope.service(context, session: session), session: session, sids: sids, now: now)
            let channel = try await ChatScope.channel(context, session: session)
            let roleSid = try await ChatMemberController.roleSid(form, service: service, session: session) ?? service.defaultChannelRoleSid
            let invite = try ChatRules.invite(identity: form.string("Identity"), roleSid: roleSid, sid: sid, channel: channel, now: now)
            guard try await session.chatInvites.find(identity: invite.identity, channelSid: channel.sid) == nil else {
                throw ChatRules.alreadyInvited(invite.identity)
            }
            try await session.chatInvites.insert(invite)
            return invite
        }
        return JSONResponse.make(ChatInviteRepresentation.json(invite, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let invite = try await dependencies.storage.read { try await Self.invite(context, session: $0) }
        return JSONResponse.make(ChatInviteRepresentation.json(invite, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let identities = try request.queryParameters().strings("Identity")
        let (channel, rows) = try await dependencies.storage.read { session in
            let channel = try await ChatScope.channel(context, session: session)
            return (channel, try await session.chatInvites.list(channelSid: channel.sid, identities: identities, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "invites", page: rows, request: page, listURL: ChatScope.channelURL(channel, baseURL: baseURL) + "/Invites",
            filters: identities.map { ("Identity", $0) }
        ) { ChatInviteRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let invite = try await Self.invite(context, session: session)
            _ = try await session.chatInvites.delete(sid: invite.sid, channelSid: invite.channelSid)
        }
        return JSONResponse.noContent()
    }

    static func invite(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ChatInvite {
        let channel = try await ChatScope.channel(context, session: session)
        guard let invite = try await session.chatInvites.find(sid: try context.parameters.require("sid"), channelSid: channel.sid) else {
            throw context.notFound
        }
        return invite
    }
}
