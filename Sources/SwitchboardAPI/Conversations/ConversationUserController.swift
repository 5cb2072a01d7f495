public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Users` and `/v1/Services/{ChatServiceSid}/Users` on `conversations`: create, fetch, list, update, delete.
/// A Conversations user is a Chat user of the service, so Chat's `/v2/Services/{ServiceSid}/Users` sees the same users,
/// with the same service role: the one `RoleSid` names, else the service's default service role.
public struct ConversationUserController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`: the default service's users, and a named service's.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.post(RouterPath(prefix + "Users"), use: create)
            routes.get(RouterPath(prefix + "Users"), use: list)
            routes.get(RouterPath(prefix + "Users/:userSid"), use: fetch)
            routes.post(RouterPath(prefix + "Users/:userSid"), use: update)
            routes.delete(RouterPath(prefix + "Users/:userSid"), use: delete)
        }
        return routes
    }

    /// `Identity` is required and unique in the service (50201); a `RoleSid` must name a service role of it (50100).
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let sid = sids.make(.chatUser)
        let (scope, service, user) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let service = try await ChatRoleDefaults.ensure(scope.service, session: session, sids: sids, now: now)
            var user = try ChatRules.user(identity: form.string("Identity"), friendlyName: form.string("FriendlyName"),
                                          attributes: form.string("Attributes"), sid: sid, service: service, now: now)
            guard try await session.chatUsers.find(identity: user.identity, serviceSid: service.sid) == nil else {
                throw ChatRules.identityTaken(user.identity)
            }
            user.roleSid = try await ChatUserController.roleSid(form, service: service, session: session) ?? service.defaultServiceRoleSid
            try await session.chatUsers.insert(user)
            return (scope, service, user)
        }
        let root = scope.root(baseURL: context.domainBaseURL)
        return JSONResponse.make(ConversationUserRepresentation.json(user, service: service, root: root), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let service = try await ChatRoleDefaults.ensured(scope.service, dependencies: dependencies)
        let user = try await dependencies.storage.read { try await Self.user(context, scope: scope, session: $0) }
        return JSONResponse.make(ConversationUserRepresentation.json(user, service: service, root: scope.root(baseURL: context.domainBaseURL)))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let service = try await ChatRoleDefaults.ensured(scope.service, dependencies: dependencies)
        let users = try await dependencies.storage.read { try await $0.chatUsers.list(serviceSid: scope.sid, page: page) }
        let root = scope.root(baseURL: context.domainBaseURL)
        return JSONResponse.make(ListEnvelope.v1(key: "users", page: users, request: page, listURL: root + "/Users", filters: []) {
            ConversationUserRepresentation.json($0, service: service, root: root)
        })
    }

    /// `FriendlyName`, `Attributes` and `RoleSid` may change; the identity is fixed for the user's life.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let (scope, service, user) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let service = try await ChatRoleDefaults.ensure(scope.service, session: session, sids: sids, now: now)
            var user = try await Self.user(context, scope: scope, session: session)
            try await ChatUserController.apply(form, to: &user, service: service, session: session, now: now)
            try await session.chatUsers.update(user)
            return (scope, service, user)
        }
        return JSONResponse.make(ConversationUserRepresentation.json(user, service: service, root: scope.root(baseURL: context.domainBaseURL)))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let user = try await Self.user(context, scope: scope, session: session)
            _ = try await session.chatUsers.delete(sid: user.sid, serviceSid: user.serviceSid)
        }
        return JSONResponse.noContent()
    }

    /// The service's user named by `{parameter}`: its SID or, as Twilio allows, its identity.
    static func user(_ context: SwitchboardRequestContext, scope: ConversationServiceScope, session: any StorageSession,
                     parameter: String = "userSid") async throws -> ChatUser {
        let key = try context.parameters.require(parameter)
        if let user = try await session.chatUsers.find(sid: key, serviceSid: scope.sid) { return user }
        if let user = try await session.chatUsers.find(identity: key, serviceSid: scope.sid) { return user }
        throw context.notFound
    }
}
