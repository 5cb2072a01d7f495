public import Hummingbird
import SwitchboardCore
public import SwitchboardDelivery
import SwitchboardStorage

/// `/v1/Content` on `content`: templates, with JSON bodies as Twilio's Content API takes them, their WhatsApp
/// approval requests, which the sandbox decides at once, and the lists of `/v1/ContentAndApprovals` and
/// `/v1/LegacyContent`.
public struct ContentController: Sendable {
    let dependencies: ServerDependencies
    /// The provider connectors, through which an account with a WhatsApp Cloud sender submits to Meta.
    let senders: SenderDirectory?

    /// Creates the controller; without `senders`, every approval is the sandbox's.
    public init(dependencies: ServerDependencies, senders: SenderDirectory? = nil) {
        self.dependencies = dependencies
        self.senders = senders
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Content", use: create)
        routes.get("Content", use: list)
        routes.get("Content/:sid", use: fetch)
        routes.put("Content/:sid", use: update)
        routes.delete("Content/:sid", use: delete)
        routes.post("Content/:sid/ApprovalRequests/whatsapp", use: submit)
        routes.get("Content/:sid/ApprovalRequests", use: approval)
        routes.get("ContentAndApprovals", use: listWithApprovals)
        routes.get("LegacyContent", use: legacyList)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let body = try await Self.jsonBody(request, context: context)
        let accountSid = try context.requirePrincipal().account.sid
        let template = try ContentRules.create(json: body, sid: dependencies.sids.make(.content), accountSid: accountSid, now: dependencies.time.now())
        try await dependencies.storage.write { try await $0.contents.insert(template) }
        return JSONResponse.make(ContentRepresentation.json(template, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.contents.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "contents", page: rows, request: page, listURL: baseURL + "/v1/Content", filters: []) {
            ContentRepresentation.json($0, baseURL: baseURL)
        })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let template = try await dependencies.storage.read { try await Self.template(context, session: $0) }
        return JSONResponse.make(ContentRepresentation.json(template, baseURL: context.domainBaseURL))
    }

    /// Twilio's `PUT`, with the whole new `types`; only a template never submitted for approval may change.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let body = try await Self.jsonBody(request, context: context)
        let now = dependencies.time.now()
        let template = try await dependencies.storage.write { session in
            let updated = try ContentRules.update(try await Self.template(context, session: session), json: body, now: now)
            try await session.contents.update(updated)
            return updated
        }
        return JSONResponse.make(ContentRepresentation.json(template, baseURL: context.domainBaseURL))
    }

    /// Each template with its WhatsApp approval request, as the Content Template Builder lists them.
    @Sendable func listWithApprovals(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.contents.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "contents", page: rows, request: page, listURL: baseURL + "/v1/ContentAndApprovals", filters: []) {
            ContentRepresentation.withApprovals($0)
        })
    }

    /// Templates of Twilio's legacy WhatsApp template system, from before the Content API. Switchboard never had that
    /// system, so no account has any: the answer is Twilio's empty page, not a stand-in for something missing.
    @Sendable func legacyList(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        _ = try context.requirePrincipal()
        let none = Page<ContentTemplate>(items: [], next: nil, previous: nil)
        return JSONResponse.make(ListEnvelope.v1(key: "contents", page: none, request: page, listURL: context.domainBaseURL + "/v1/LegacyContent", filters: []) {
            ContentRepresentation.json($0, baseURL: context.domainBaseURL)
        })
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard try await dependencies.storage.write({ try await $0.contents.delete(sid: sid, accountSid: accountSid) }) else { throw context.notFound }
        return JSONResponse.noContent()
    }

    /// Submits for WhatsApp approval: to Meta when the account has a WhatsApp Cloud sender with a `waba_id`
    /// (see ``submitToProvider``), else to the sandbox, which approves at once unless the name asks for a rejection.
    @Sendable func submit(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let body = try await Self.jsonBody(request, context: context)
        let now = dependencies.time.now()
        if let submitted = try await submitToProvider(body: body, context: context, now: now) {
            return JSONResponse.make(ContentRepresentation.approval(submitted), status: .created)
        }
        let template = try await dependencies.storage.write { session in
            let submitted = try ContentRules.submitForApproval(try await Self.template(context, session: session), json: body, now: now)
            try await session.contents.update(submitted)
            return submitted
        }
        return JSONResponse.make(ContentRepresentation.approval(template), status: .created)
    }

    @Sendable func approval(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let template = try await dependencies.storage.read { try await Self.template(context, session: $0) }
        return JSONResponse.make(ContentRepresentation.approvalFetch(template, baseURL: context.domainBaseURL))
    }

    static func template(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ContentTemplate {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let template = try await session.contents.find(sid: sid, accountSid: accountSid) else { throw context.notFound }
        return template
    }

    /// The request body as text: the Content API takes JSON, not a form.
    static func jsonBody(_ request: Request, context: SwitchboardRequestContext) async throws -> String {
        var request = request
        return try await request.textBody(context: context)
    }
}
