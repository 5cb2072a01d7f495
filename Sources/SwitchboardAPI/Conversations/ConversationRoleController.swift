public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Services/{ChatServiceSid}/Roles` and `/v1/Roles` (the account's default service) on `conversations`:
/// create, fetch, list, update (the permissions), delete. A Conversations service is a Chat service, so these are
/// the same roles as Chat's `/v2/Services/{ServiceSid}/Roles`, with the four defaults (see ``ChatRoleDefaults``);
/// Conversations spells the types `service` and `conversation` where Chat says `deployment` and `channel`.
public struct ConversationRoleController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes.map({ $0 + "Roles" }) {
            routes.post(RouterPath(prefix), use: create)
            routes.get(RouterPath(prefix), use: list)
            routes.get(RouterPath(prefix + "/:sid"), use: fetch)
            routes.post(RouterPath(prefix + "/:sid"), use: update)
            routes.delete(RouterPath(prefix + "/:sid"), use: delete)
        }
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let type = try form.string("Type").map(ConversationRoleRepresentation.chatType)
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let role = try await ChatRoleStore(dependencies: dependencies).create(form: form, type: type) { session in
            try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now).service
        }
        let root = rootURL(context)
        return JSONResponse.make(ConversationRoleRepresentation.json(role, root: root), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let service = try await ChatRoleDefaults.ensured(scope.service, dependencies: dependencies)
        let role = try await dependencies.storage.read { try await ChatRoleStore.role(context, service: service, session: $0) }
        return JSONResponse.make(ConversationRoleRepresentation.json(role, root: scope.root(baseURL: context.domainBaseURL)))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let service = try await ChatRoleDefaults.ensured(scope.service, dependencies: dependencies)
        let rows = try await dependencies.storage.read { try await $0.chatRoles.list(serviceSid: service.sid, page: page) }
        let root = scope.root(baseURL: context.domainBaseURL)
        return JSONResponse.make(ListEnvelope.v1(key: "roles", page: rows, request: page, listURL: root + "/Roles", filters: []) {
            ConversationRoleRepresentation.json($0, root: root)
        })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let role = try await ChatRoleStore(dependencies: dependencies).update(form: form, notFound: context.notFound) { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            return (scope.service, try context.parameters.require("sid"))
        }
        return JSONResponse.make(ConversationRoleRepresentation.json(role, root: rootURL(context)))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        try await ChatRoleStore(dependencies: dependencies).delete(notFound: context.notFound) { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            return (scope.service, try context.parameters.require("sid"))
        }
        return JSONResponse.noContent()
    }

    /// Where the role URLs of this request start: under the named service, or `/v1` for the default service's.
    func rootURL(_ context: SwitchboardRequestContext) -> String {
        guard let sid = context.parameters.get(ConversationServiceScope.parameter) else { return context.domainBaseURL + "/v1" }
        return ConversationServiceScope.serviceURL(sid, baseURL: context.domainBaseURL)
    }
}
