public import Hummingbird
import Foundation
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members` on `chat`: create, fetch, list, update, delete. A member
/// holds a channel role (the one `RoleSid` names, else the service's default channel role) and a read horizon.
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
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        let (member, service) = try await dependencies.storage.write { session in
            let service = try await ChatRoleDefaults.ensure(try await ChatScope.service(context, session: session), session: session, sids: sids, now: now)
            let channel = try await ChatScope.channel(context, session: session)
            var member = try ChatRules.member(identity: form.string("Identity"), attributes: form.string("Attributes"), sid: sid, channel: channel, now: now)
            guard try await session.chatMembers.find(identity: member.identity, channelSid: channel.sid) == nil else {
                throw ChatRules.alreadyMember(member.identity)
            }
            member.roleSid = try await Self.roleSid(form, service: service, session: session) ?? service.defaultChannelRoleSid
            try Self.applyReadHorizon(form, to: &member)
            try await session.chatMembers.insert(member)
            // Joining answers the identity's invite to the channel, if it had one.
            if let invite = try await session.chatInvites.find(identity: member.identity, channelSid: channel.sid) {
                _ = try await session.chatInvites.delete(sid: invite.sid, channelSid: channel.sid)
            }
            return (member, service)
        }
        return JSONResponse.make(ChatMemberRepresentation.json(member, service: service, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let service = try await ChatRoleDefaults.service(context, dependencies: dependencies)
        let member = try await dependencies.storage.read { try await Self.member(context, session: $0) }
        return JSONResponse.make(ChatMemberRepresentation.json(member, service: service, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let identity = try request.queryParameters().string("Identity")
        let service = try await ChatRoleDefaults.service(context, dependencies: dependencies)
        let (channel, rows) = try await dependencies.storage.read { session in
            let channel = try await ChatScope.channel(context, session: session)
            return (channel, try await session.chatMembers.list(channelSid: channel.sid, identity: identity, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "members", page: rows, request: page, listURL: ChatScope.channelURL(channel, baseURL: baseURL) + "/Members",
            filters: identity.map { [("Identity", $0)] } ?? []
        ) { ChatMemberRepresentation.json($0, service: service, baseURL: baseURL) })
    }

    /// `Attributes`, `RoleSid` and the read horizon (`LastConsumedMessageIndex`, `LastConsumptionTimestamp`).
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        let (member, service) = try await dependencies.storage.write { session in
            let service = try await ChatRoleDefaults.ensure(try await ChatScope.service(context, session: session), session: session, sids: sids, now: now)
            var member = try await Self.member(context, session: session)
            if let attributes = form.string("Attributes") {
                try ChatAttributes.check(attributes)
                member.attributes = attributes
            }
            if let roleSid = try await Self.roleSid(form, service: service, session: session) { member.roleSid = roleSid }
            try Self.applyReadHorizon(form, to: &member)
            member.dateUpdated = now
            try await session.chatMembers.update(member)
            return (member, service)
        }
        return JSONResponse.make(ChatMemberRepresentation.json(member, service: service, baseURL: context.domainBaseURL))
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

    /// The `RoleSid` sent, checked to be a channel role of the service; `nil` when none was sent.
    static func roleSid(_ form: FormParameters, service: ChatService, session: any StorageSession) async throws -> String? {
        guard let sid = form.string("RoleSid"), !sid.isEmpty else { return nil }
        return try await ChatRoleDefaults.channelRole(sid, in: service, session: session).sid
    }

    /// `LastConsumedMessageIndex` (a message index, from 0) and `LastConsumptionTimestamp` (ISO 8601), as a member
    /// update and a user channel update take them; an empty index clears the horizon.
    static func applyReadHorizon(_ form: FormParameters, to member: inout ChatMember) throws(TwilioError) {
        if let raw = form.string("LastConsumedMessageIndex") {
            if raw.isEmpty {
                member.lastConsumedMessageIndex = nil
            } else {
                guard let index = try form.int("LastConsumedMessageIndex"), index >= 0 else {
                    throw .invalidParameter("LastConsumedMessageIndex must be a message index, 0 or more; got '\(raw)'")
                }
                member.lastConsumedMessageIndex = index
            }
        }
        if let text = form.string("LastConsumptionTimestamp") {
            guard let date = WireDate.parseISO8601(text) else {
                throw .invalidParameter("LastConsumptionTimestamp must be an ISO 8601 date-time; got '\(text)'")
            }
            member.lastConsumptionTimestamp = date
        }
    }
}
