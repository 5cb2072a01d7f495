public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Roles` on `chat`: create, fetch, list, update (the permissions), delete. The four
/// default roles exist from the service's first use on (see ``ChatRoleDefaults``).
public struct ChatRoleController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Roles", use: create)
        routes.get("Services/:serviceSid/Roles", use: list)
        routes.get("Services/:serviceSid/Roles/:sid", use: fetch)
        routes.post("Services/:serviceSid/Roles/:sid", use: update)
        routes.delete("Services/:serviceSid/Roles/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let role = try await ChatRoleStore(dependencies: dependencies).create(form: form, type: form.string("Type")) { session in
            try await ChatScope.service(context, session: session)
        }
        return JSONResponse.make(ChatRoleRepresentation.json(role, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let service = try await ChatRoleDefaults.service(context, dependencies: dependencies)
        let role = try await dependencies.storage.read { try await ChatRoleStore.role(context, service: service, session: $0) }
        return JSONResponse.make(ChatRoleRepresentation.json(role, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let service = try await ChatRoleDefaults.service(context, dependencies: dependencies)
        let rows = try await dependencies.storage.read { try await $0.chatRoles.list(serviceSid: service.sid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "roles", page: rows, request: page, listURL: ChatScope.serviceURL(service.sid, baseURL: baseURL) + "/Roles", filters: []
        ) { ChatRoleRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let role = try await ChatRoleStore(dependencies: dependencies).update(form: form, notFound: context.notFound) { session in
            let service = try await ChatScope.service(context, session: session)
            return (service, try context.parameters.require("sid"))
        }
        return JSONResponse.make(ChatRoleRepresentation.json(role, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await ChatRoleStore(dependencies: dependencies).delete(notFound: context.notFound) { session in
            let service = try await ChatScope.service(context, session: session)
            return (service, try context.parameters.require("sid"))
        }
        return JSONResponse.noContent()
    }
}

/// The writes of a role, shared by Chat's `/v2/Services/{ServiceSid}/Roles` and Conversations' role routes, which
/// differ only in how they find the service and spell the role type.
struct ChatRoleStore: Sendable {
    let dependencies: ServerDependencies

    /// A new role of the service `service` resolves inside the write; `type` is already in Chat's spelling.
    func create(form: FormParameters, type: String?,
                service: @escaping @Sendable (any StorageSession) async throws -> ChatService) async throws -> ChatRole {
        let (sid, now, sids) = (dependencies.sids.make(.chatRole), dependencies.time.now(), dependencies.sids)
        return try await dependencies.storage.write { session in
            let service = try await ChatRoleDefaults.ensure(try await service(session), session: session, sids: sids, now: now)
            let role = try ChatRoleRules.role(friendlyName: form.string("FriendlyName"), type: type, permissions: form.strings("Permission"),
                                              sid: sid, service: service, now: now)
            try await session.chatRoles.insert(role)
            return role
        }
    }

    /// The role with its `Permission` list replaced; `target` resolves the service and the role's SID inside the write.
    func update(form: FormParameters, notFound: TwilioError,
                target: @escaping @Sendable (any StorageSession) async throws -> (ChatService, String)) async throws -> ChatRole {
        let permissions = try ChatRoleRules.checked(form.strings("Permission"))
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        return try await dependencies.storage.write { session in
            let (found, sid) = try await target(session)
            let service = try await ChatRoleDefaults.ensure(found, session: session, sids: sids, now: now)
            guard var role = try await session.chatRoles.find(sid: sid, serviceSid: service.sid) else { throw notFound }
            role.permissions = permissions
            role.dateUpdated = now
            try await session.chatRoles.update(role)
            return role
        }
    }

    /// Removes the role `target` names.
    func delete(notFound: TwilioError, target: @escaping @Sendable (any StorageSession) async throws -> (ChatService, String)) async throws {
        try await dependencies.storage.write { session in
            let (service, sid) = try await target(session)
            guard try await session.chatRoles.delete(sid: sid, serviceSid: service.sid) else { throw notFound }
        }
    }

    /// The role `{sid}` of `service`; 20404 when the service has none.
    static func role(_ context: SwitchboardRequestContext, service: ChatService, session: any StorageSession) async throws -> ChatRole {
        guard let role = try await session.chatRoles.find(sid: try context.parameters.require("sid"), serviceSid: service.sid) else {
            throw context.notFound
        }
        return role
    }
}
