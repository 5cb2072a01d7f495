public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services` on `chat`: create, fetch, list, update (name, default roles and post-event webhook), delete. A
/// service is created with Twilio's four default roles (see ``ChatRoleDefaults``).
public struct ChatServiceController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services", use: create)
        routes.get("Services", use: list)
        routes.get("Services/:serviceSid", use: fetch)
        routes.post("Services/:serviceSid", use: update)
        routes.delete("Services/:serviceSid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let accountSid = try context.requirePrincipal().account.sid
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        var created = try ChatRules.service(friendlyName: form.string("FriendlyName"), sid: sids.make(.chatService), accountSid: accountSid, now: now)
        try Self.applyWebhooks(form, to: &created)
        let service = try await dependencies.storage.write { [created] session in
            try await session.chatServices.insert(created)
            return try await ChatRoleDefaults.ensure(created, session: session, sids: sids, now: now)
        }
        return JSONResponse.make(ChatServiceRepresentation.json(service, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let service = try await ChatRoleDefaults.service(context, dependencies: dependencies)
        return JSONResponse.make(ChatServiceRepresentation.json(service, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let stored = try await dependencies.storage.read { try await $0.chatServices.list(accountSid: accountSid, page: page) }
        var services: [ChatService] = []
        for service in stored.items { services.append(try await ChatRoleDefaults.ensured(service, dependencies: dependencies)) }
        let rows = Page(items: services, next: stored.next, previous: stored.previous)
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "services", page: rows, request: page, listURL: baseURL + "/v2/Services", filters: []) {
            ChatServiceRepresentation.json($0, baseURL: baseURL)
        })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (now, sids) = (dependencies.time.now(), dependencies.sids)
        let service = try await dependencies.storage.write { session in
            var service = try await ChatRoleDefaults.ensure(try await ChatScope.service(context, session: session), session: session, sids: sids, now: now)
            if let name = form.string("FriendlyName") { service.friendlyName = name }
            if let sid = form.string("DefaultServiceRoleSid") {
                service.defaultServiceRoleSid = try await ChatRoleDefaults.serviceRole(sid, in: service, session: session).sid
            }
            if let sid = form.string("DefaultChannelRoleSid") {
                service.defaultChannelRoleSid = try await ChatRoleDefaults.channelRole(sid, in: service, session: session).sid
            }
            if let sid = form.string("DefaultChannelCreatorRoleSid") {
                service.defaultChannelCreatorRoleSid = try await ChatRoleDefaults.channelRole(sid, in: service, session: session).sid
            }
            try Self.applyWebhooks(form, to: &service)
            service.dateUpdated = now
            try await session.chatServices.update(service)
            return service
        }
        return JSONResponse.make(ChatServiceRepresentation.json(service, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("serviceSid")
        let accountSid = try context.requirePrincipal().account.sid
        guard try await dependencies.storage.write({ try await $0.chatServices.delete(sid: sid, accountSid: accountSid) }) else { throw context.notFound }
        return JSONResponse.noContent()
    }

    /// `PostWebhookUrl` and `WebhookFilters`, the settings of post-event webhooks.
    static func applyWebhooks(_ form: FormParameters, to service: inout ChatService) throws(TwilioError) {
        if let url = form.string("PostWebhookUrl") {
            guard url.isEmpty || MessageRules.isWebURL(url) else { throw .invalidParameter("PostWebhookUrl must be an http or https URL") }
            service.postWebhookUrl = url.isEmpty ? nil : url
        }
        let filters = form.strings("WebhookFilters")
        if !filters.isEmpty { service.webhookFilters = filters.filter { !$0.isEmpty } }
    }
}
