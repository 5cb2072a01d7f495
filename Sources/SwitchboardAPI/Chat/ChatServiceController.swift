public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services` on `chat`: create, fetch, list, update (name and post-event webhook), delete.
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
        var service = try ChatRules.service(friendlyName: form.string("FriendlyName"), sid: dependencies.sids.make(.chatService),
                                            accountSid: accountSid, now: dependencies.time.now())
        try Self.applyWebhooks(form, to: &service)
        try await dependencies.storage.write { [service] in try await $0.chatServices.insert(service) }
        return JSONResponse.make(ChatServiceRepresentation.json(service, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let service = try await dependencies.storage.read { try await ChatScope.service(context, session: $0) }
        return JSONResponse.make(ChatServiceRepresentation.json(service, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.chatServices.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "services", page: rows, request: page, listURL: baseURL + "/v2/Services", filters: []) {
            ChatServiceRepresentation.json($0, baseURL: baseURL)
        })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let service = try await dependencies.storage.write { session in
            var service = try await ChatScope.service(context, session: session)
            if let name = form.string("FriendlyName") { service.friendlyName = name }
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
