public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Users` on `chat`: create, fetch, list, update, delete.
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
        let now = dependencies.time.now()
        let user = try await dependencies.storage.write { session in
            let service = try await ChatScope.service(context, session: session)
            let user = try ChatRules.user(identity: form.string("Identity"), friendlyName: form.string("FriendlyName"),
                                          attributes: form.string("Attributes"), sid: sid, service: service, now: now)
            guard try await session.chatUsers.find(identity: user.identity, serviceSid: service.sid) == nil else {
                throw ChatRules.identityTaken(user.identity)
            }
            try await session.chatUsers.insert(user)
            return user
        }
        return JSONResponse.make(ChatUserRepresentation.json(user, joinedChannels: 0, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (user, joined) = try await dependencies.storage.read { session in
            let user = try await Self.user(context, session: session)
            return (user, try await session.chatMembers.count(identity: user.identity, serviceSid: user.serviceSid))
        }
        return JSONResponse.make(ChatUserRepresentation.json(user, joinedChannels: joined, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (service, rows) = try await dependencies.storage.read { session in
            let service = try await ChatScope.service(context, session: session)
            let users = try await session.chatUsers.list(serviceSid: service.sid, page: page)
            // One grouped count for the page, not one query per user.
            let joined = try await session.chatMembers.counts(identities: users.items.map(\.identity), serviceSid: service.sid)
            let counted = users.items.map { ($0, joined[$0.identity] ?? 0) }
            return (service, Page(items: counted, next: users.next, previous: users.previous))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "users", page: rows, request: page, listURL: ChatScope.serviceURL(service.sid, baseURL: baseURL) + "/Users", filters: []
        ) { ChatUserRepresentation.json($0.0, joinedChannels: $0.1, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let user = try await dependencies.storage.write { session -> (ChatUser, Int) in
            var user = try await Self.user(context, session: session)
            if let attributes = form.string("Attributes") {
                try ChatAttributes.check(attributes)
                user.attributes = attributes
            }
            if let name = form.string("FriendlyName") { user.friendlyName = name }
            user.dateUpdated = now
            try await session.chatUsers.update(user)
            return (user, try await session.chatMembers.count(identity: user.identity, serviceSid: user.serviceSid))
        }
        return JSONResponse.make(ChatUserRepresentation.json(user.0, joinedChannels: user.1, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let user = try await Self.user(context, session: session)
            _ = try await session.chatUsers.delete(sid: user.sid, serviceSid: user.serviceSid)
        }
        return JSONResponse.noContent()
    }

    /// The user named by `{sid}`: its SID or its identity, as Twilio allows.
    static func user(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ChatUser {
        let service = try await ChatScope.service(context, session: session)
        let key = try context.parameters.require("sid")
        if let user = try await session.chatUsers.find(sid: key, serviceSid: service.sid) { return user }
        if let user = try await session.chatUsers.find(identity: key, serviceSid: service.sid) { return user }
        throw context.notFound
    }
}
