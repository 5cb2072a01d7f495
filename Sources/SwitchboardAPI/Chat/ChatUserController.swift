import Foundation
public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Users` on `chat`: create, fetch, list, update, delete. A user holds a service role:
/// the one `RoleSid` names, else the service's default service role.
public struct ChatUserController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Users", use: create)
        routes.get("Services/:serviceSid/Users", use: list)
        routes.get("Services/:serviceSid/Users/:sid", use: fetch)
        routes.post("Services/:serviceSid/Users/:sid", use: update)
        routes.delete("Services/:serviceSid/Users/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let sid = dependencies.sids.make(.chatUser)
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        let (user, service) = try await dependencies.storage.write { session in
            let service = try await ChatRoleDefaults.ensure(try await ChatScope.service(context, session: session), session: session, sids: sids, now: now)
            var user = try ChatRules.user(identity: form.string("Identity"), friendlyName: form.string("FriendlyName"),
                                          attributes: form.string("Attributes"), sid: sid, service: service, now: now)
            guard try await session.chatUsers.find(identity: user.identity, serviceSid: service.sid) == nil else {
                throw ChatRules.identityTaken(user.identity)
            }
            user.roleSid = try await Self.roleSid(form, service: service, session: session) ?? service.defaultServiceRoleSid
            try await session.chatUsers.insert(user)
            return (user, service)
        }
        return JSONResponse.make(ChatUserRepresentation.json(user, service: service, joinedChannels: 0, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let service = try await ChatRoleDefaults.service(context, dependencies: dependencies)
        let (user, joined) = try await dependencies.storage.read { session in
            let user = try await ChatScope.user(context, session: session, parameter: "sid")
            return (user, try await session.chatMembers.count(identity: user.identity, serviceSid: user.serviceSid))
        }
        return JSONResponse.make(ChatUserRepresentation.json(user, service: service, joinedChannels: joined, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let service = try await ChatRoleDefaults.service(context, dependencies: dependencies)
        let rows = try await dependencies.storage.read { session in
            let users = try await session.chatUsers.list(serviceSid: service.sid, page: page)
            // One grouped count for the page, not one query per user.
            let joined = try await session.chatMembers.counts(identities: users.items.map(\.identity), serviceSid: service.sid)
            let counted = users.items.map { ($0, joined[$0.identity] ?? 0) }
            return Page(items: counted, next: users.next, previous: users.previous)
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "users", page: rows, request: page, listURL: ChatScope.serviceURL(service.sid, baseURL: baseURL) + "/Users", filters: []
        ) { ChatUserRepresentation.json($0.0, service: service, joinedChannels: $0.1, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        let (user, service, joined) = try await dependencies.storage.write { session -> (ChatUser, ChatService, Int) in
            let service = try await ChatRoleDefaults.ensure(try await ChatScope.service(context, session: session), session: session, sids: sids, now: now)
            var user = try await ChatScope.user(context, session: session, parameter: "sid")
            try await Self.apply(form, to: &user, service: service, session: session, now: now)
            try await session.chatUsers.update(user)
            return (user, service, try await session.chatMembers.count(identity: user.identity, serviceSid: user.serviceSid))
        }
        return JSONResponse.make(ChatUserRepresentation.json(user, service: service, joinedChannels: joined, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let user = try await ChatScope.user(context, session: session, parameter: "sid")
            _ = try await session.chatUsers.delete(sid: user.sid, serviceSid: user.serviceSid)
        }
        return JSONResponse.noContent()
    }

    /// An update's `Attributes`, `FriendlyName` and `RoleSid` on `user`; Chat's and Conversations' user updates share it,
    /// since a Conversations user is a Chat user.
    static func apply(_ form: FormParameters, to user: inout ChatUser, service: ChatService, session: any StorageSession, now: Date) async throws {
        if let attributes = form.string("Attributes") {
            try ChatAttributes.check(attributes)
            user.attributes = attributes
        }
        if let name = form.string("FriendlyName") { user.friendlyName = name }
        if let roleSid = try await roleSid(form, service: service, session: session) { user.roleSid = roleSid }
        user.dateUpdated = now
    }

    /// The `RoleSid` sent, checked to be a service role of the service; `nil` when none was sent.
    static func roleSid(_ form: FormParameters, service: ChatService, session: any StorageSession) async throws -> String? {
        guard let sid = form.string("RoleSid"), !sid.isEmpty else { return nil }
        return try await ChatRoleDefaults.serviceRole(sid, in: service, session: session).sid
    }
}
