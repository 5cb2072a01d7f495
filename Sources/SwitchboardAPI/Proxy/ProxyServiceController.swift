public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Services` on `proxy`: create, fetch, list, update, delete.
public struct ProxyServiceController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
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
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let accountSid = try context.requirePrincipal().account.sid
        let service = try ProxyRules.createService(changes, sid: dependencies.sids.make(.proxyService), accountSid: accountSid, now: dependencies.time.now())
        try await dependencies.storage.write { session in
            guard try await session.proxyServices.find(uniqueName: service.uniqueName, accountSid: accountSid) == nil else {
                throw Self.uniqueNameTaken(service.uniqueName)
            }
            try await session.proxyServices.insert(service)
        }
        return JSONResponse.make(ProxyServiceRepresentation.json(service, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let service = try await dependencies.storage.read { try await ProxyScope.service(context, session: $0) }
        return JSONResponse.make(ProxyServiceRepresentation.json(service, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.proxyServices.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "services", page: rows, request: page, listURL: baseURL + "/v1/Services", filters: []) {
            ProxyServiceRepresentation.json($0, baseURL: baseURL)
        })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let service = try await dependencies.storage.write { session in
            let existing = try await ProxyScope.service(context, session: session)
            let updated = try ProxyRules.updateService(existing, with: changes, now: now)
            if updated.uniqueName != existing.uniqueName,
               try await session.proxyServices.find(uniqueName: updated.uniqueName, accountSid: existing.accountSid) != nil {
                throw Self.uniqueNameTaken(updated.uniqueName)
            }
            try await session.proxyServices.update(updated)
            return updated
        }
        return JSONResponse.make(ProxyServiceRepresentation.json(service, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let service = try await ProxyScope.service(context, session: session)
            _ = try await session.proxyServices.delete(sid: service.sid, accountSid: service.accountSid)
        }
        return JSONResponse.noContent()
    }

    /// 80601-style conflict: the account already has a service with this unique name.
    static func uniqueNameTaken(_ name: String) -> TwilioError {
        TwilioError(code: 80601, message: "A Proxy Service with unique name \(name) already exists", httpStatus: 409)
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> ProxyServiceChanges {
        var changes = ProxyServiceChanges()
        changes.uniqueName = form.string("UniqueName")
        changes.defaultTtl = try form.int("DefaultTtl")
        changes.callbackUrl = form.string("CallbackUrl")
        changes.outOfSessionCallbackUrl = form.string("OutOfSessionCallbackUrl")
        changes.interceptCallbackUrl = form.string("InterceptCallbackUrl")
        changes.chatInstanceSid = form.string("ChatInstanceSid")
        changes.geoMatchLevel = form.string("GeoMatchLevel")
        changes.numberSelectionBehavior = form.string("NumberSelectionBehavior")
        return changes
    }
}
