public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Configuration/Addresses` on `conversations`: addresses whose inbound messages open conversations.
public struct ConfigurationAddressController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Configuration/Addresses", use: create)
        routes.get("Configuration/Addresses", use: list)
        routes.get("Configuration/Addresses/:sid", use: fetch)
        routes.post("Configuration/Addresses/:sid", use: update)
        routes.delete("Configuration/Addresses/:sid", use: delete)
        return routes
    }

    /// One configuration per address and channel, as Twilio keeps them (50351 for a second).
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let accountSid = try context.requirePrincipal().account.sid
        let address = try ConversationAddressRules.create(changes, sid: dependencies.sids.make(.conversationAddress), accountSid: accountSid, now: dependencies.time.now())
        try await dependencies.storage.write { session in
            if try await session.conversationConfiguration.findAddress(type: address.type, address: address.address, accountSid: accountSid) != nil {
                throw TwilioError(code: 50351, message: "Address configuration already exists for \(address.address)", httpStatus: 409)
            }
            try await session.conversationConfiguration.insertAddress(address)
        }
        return JSONResponse.make(Self.json(address, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let type = try request.queryParameters().string("Type")
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.conversationConfiguration.listAddresses(accountSid: accountSid, type: type, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "address_configurations", page: rows, request: page, listURL: baseURL + "/v1/Configuration/Addresses",
            filters: type.map { [("Type", $0)] } ?? []
        ) { Self.json($0, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let address = try await dependencies.storage.read { try await Self.address(context, session: $0) }
        return JSONResponse.make(Self.json(address, baseURL: context.domainBaseURL))
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let address = try await dependencies.storage.write { session in
            let updated = try ConversationAddressRules.update(try await Self.address(context, session: session), with: changes, now: now)
            try await session.conversationConfiguration.updateAddress(updated)
            return updated
        }
        return JSONResponse.make(Self.json(address, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard try await dependencies.storage.write({ try await $0.conversationConfiguration.deleteAddress(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }

    static func address(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ConversationAddress {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let address = try await session.conversationConfiguration.findAddress(sid: sid, accountSid: accountSid) else { throw context.notFound }
        return address
    }

    static func changes(from form: FormParameters) throws(TwilioError) -> ConversationAddressChanges {
        var changes = ConversationAddressChanges()
        changes.type = form.string("Type")
        changes.address = form.string("Address")
        changes.friendlyName = form.string("FriendlyName")
        changes.autoCreationEnabled = try form.bool("AutoCreation.Enabled")
        changes.autoCreationType = form.string("AutoCreation.Type")
        changes.conversationServiceSid = form.string("AutoCreation.ConversationServiceSid")
        changes.webhookURL = form.string("AutoCreation.WebhookUrl")
        changes.webhookMethod = form.string("AutoCreation.WebhookMethod")
        let filters = form.strings("AutoCreation.WebhookFilters")
        changes.webhookFilters = filters.isEmpty ? nil : filters
        changes.studioFlowSid = form.string("AutoCreation.StudioFlowSid")
        changes.studioRetryCount = try form.int("AutoCreation.StudioRetryCount")
        return changes
    }

    /// `conversations.v1.configuration_address`.
    static func json(_ address: ConversationAddress, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(address.sid)),
            ("account_sid", .string(address.accountSid)),
            ("type", .string(address.type)),
            ("address", .string(address.address)),
            ("friendly_name", .string(address.friendlyName)),
            ("auto_creation", .object([
                ("enabled", .bool(address.autoCreationEnabled)),
                ("type", .string(address.autoCreationType)),
                ("conversation_service_sid", .string(address.conversationServiceSid)),
                ("webhook_url", .string(address.webhookURL)),
                ("webhook_method", .string(address.webhookMethod)),
                ("webhook_filters", .array(address.webhookFilters.map { JSONValue.string($0) })),
                ("studio_flow_sid", .string(address.studioFlowSid)),
                ("studio_retry_count", .int(address.studioRetryCount)),
            ])),
            ("date_created", .string(WireDate.iso8601(address.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(address.dateUpdated))),
            ("url", .string(baseURL + "/v1/Configuration/Addresses/" + address.sid)),
            ("address_country", .null),
        ])
    }
}
