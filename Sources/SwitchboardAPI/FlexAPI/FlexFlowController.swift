import SwitchboardStorage
public import Hummingbird
import SwitchboardCore

/// `/v1/FlexFlows` on `flex-api`: create, fetch, list, update, delete.
public struct FlexFlowController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("FlexFlows", use: create)
        routes.get("FlexFlows", use: list)
        routes.get("FlexFlows/:sid", use: fetch)
        routes.post("FlexFlows/:sid", use: update)
        routes.delete("FlexFlows/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let accountSid = try context.requirePrincipal().account.sid
        let flow = try FlexFlowRules.create(changes, sid: dependencies.sids.make(.flexFlow), accountSid: accountSid, now: dependencies.time.now())
        try await dependencies.storage.write { try await $0.flexFlows.insert(flow) }
        return JSONResponse.make(FlexFlowRepresentation.json(flow, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let flow = try await dependencies.storage.read({ try await $0.flexFlows.find(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.make(FlexFlowRepresentation.json(flow, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let friendlyName = try request.queryParameters().string("FriendlyName")
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read {
            try await $0.flexFlows.list(accountSid: accountSid, friendlyName: friendlyName, page: page)
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "flex_flows", page: rows, request: page, listURL: baseURL + "/v1/FlexFlows",
            filters: friendlyName.map { [("FriendlyName", $0)] } ?? []
        ) { FlexFlowRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("sid")
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let accountSid = try context.requirePrincipal().account.sid
        let now = dependencies.time.now()
        let notFound = context.notFound
        let flow = try await dependencies.storage.write { session in
            guard let existing = try await session.flexFlows.find(sid: sid, accountSid: accountSid) else { throw notFound }
            let updated = try FlexFlowRules.update(existing, with: changes, now: now)
            try await session.flexFlows.update(updated)
            return updated
        }
        return JSONResponse.make(FlexFlowRepresentation.json(flow, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard try await dependencies.storage.write({ try await $0.flexFlows.delete(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }

    /// The Flex Flow parameters of a create or update request.
    static func changes(from form: FormParameters) throws(TwilioError) -> FlexFlowChanges {
        var changes = FlexFlowChanges()
        changes.friendlyName = form.string("FriendlyName")
        changes.chatServiceSid = form.string("ChatServiceSid")
        changes.channelType = form.string("ChannelType")
        changes.contactIdentity = form.string("ContactIdentity")
        changes.enabled = try form.bool("Enabled")
        changes.integrationType = form.string("IntegrationType")
        changes.flowSid = form.string("Integration.FlowSid")
        changes.url = form.string("Integration.Url")
        changes.workspaceSid = form.string("Integration.WorkspaceSid")
        changes.workflowSid = form.string("Integration.WorkflowSid")
        changes.channel = form.string("Integration.Channel")
        changes.timeout = try form.int("Integration.Timeout")
        changes.priority = try form.int("Integration.Priority")
        changes.creationOnMessage = try form.bool("Integration.CreationOnMessage")
        changes.retryCount = try form.int("Integration.RetryCount")
        changes.longLived = try form.bool("LongLived")
        changes.janitorEnabled = try form.bool("JanitorEnabled")
        return changes
    }
}
