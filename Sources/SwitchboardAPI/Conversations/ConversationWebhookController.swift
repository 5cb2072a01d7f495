import Foundation
public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Configuration/Webhooks` (the account's event hooks) and `/v1/Conversations/{ConversationSid}/Webhooks`
/// with its twin under `/v1/Services/{ChatServiceSid}` (scoped hooks) on `conversations`.
public struct ConversationWebhookController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Configuration/Webhooks", use: fetchConfiguration)
        routes.post("Configuration/Webhooks", use: updateConfiguration)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.post(RouterPath(prefix + "Conversations/:conversationSid/Webhooks"), use: create)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Webhooks"), use: list)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Webhooks/:sid"), use: fetch)
            routes.post(RouterPath(prefix + "Conversations/:conversationSid/Webhooks/:sid"), use: update)
            routes.delete(RouterPath(prefix + "Conversations/:conversationSid/Webhooks/:sid"), use: delete)
        }
        return routes
    }

    @Sendable func fetchConfiguration(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        let now = dependencies.time.now()
        let webhook = try await dependencies.storage.read { try await $0.conversationConfiguration.accountWebhook(accountSid: accountSid) }
            ?? Self.unconfigured(accountSid: accountSid, now: now)
        return JSONResponse.make(Self.configurationJSON(webhook, baseURL: context.domainBaseURL))
    }

    @Sendable func updateConfiguration(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let accountSid = try context.requirePrincipal().account.sid
        let now = dependencies.time.now()
        let webhook = try await dependencies.storage.write { session in
            var webhook = try await session.conversationConfiguration.accountWebhook(accountSid: accountSid) ?? Self.unconfigured(accountSid: accountSid, now: now)
            if let url = form.string("PostWebhookUrl") { webhook.url = url }
            if let url = form.string("PreWebhookUrl") { webhook.preURL = url }
            if let target = form.string("Target") {
                guard ["webhook", "flex"].contains(target) else { throw TwilioError.invalidParameter("Target must be webhook or flex") }
                webhook.target = target
            }
            let filters = form.strings("Filters")
            if !filters.isEmpty { webhook.filters = filters }
            for url in [webhook.url, webhook.preURL] {
                _ = try ConversationWebhookRules.check(url: url, method: nil, filters: webhook.filters, parameterPrefix: "")
            }
            webhook.method = try ConversationWebhookRules.check(url: nil, method: form.string("Method") ?? webhook.method, filters: [], parameterPrefix: "")
            webhook.dateUpdated = now
            try await session.conversationConfiguration.saveAccountWebhook(webhook)
            return webhook
        }
        return JSONResponse.make(Self.configurationJSON(webhook, baseURL: context.domainBaseURL))
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let sid = sids.make(.conversationWebhook)
        let (scope, webhook) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
            guard let target = form.string("Target") else { throw TwilioError.missingParameter("Target") }
            guard ["webhook", "trigger", "studio"].contains(target) else { throw TwilioError.invalidParameter("Target must be webhook, trigger or studio") }
            let filters = form.strings("Configuration.Filters")
            let url = form.string("Configuration.Url")
            let method = try ConversationWebhookRules.check(url: url, method: form.string("Configuration.Method"), filters: filters, parameterPrefix: "Configuration.")
            if target != "studio", (url ?? "").isEmpty { throw TwilioError.missingParameter("Configuration.Url") }
            let webhook = ConversationWebhook(
                sid: sid, accountSid: conversation.accountSid, conversationSid: conversation.sid, target: target, url: url, preURL: nil,
                method: method, filters: filters, triggers: form.strings("Configuration.Triggers"), dateCreated: now, dateUpdated: now)
            try await session.conversationConfiguration.insertWebhook(webhook)
            return (scope, webhook)
        }
        return JSONResponse.make(Self.json(webhook, scope: scope, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (conversation, webhooks) = try await dependencies.storage.read { session in
            let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
            return (conversation, try await session.conversationConfiguration.webhooks(conversationSid: conversation.sid, accountSid: conversation.accountSid))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "webhooks", page: Page(items: webhooks, next: nil, previous: nil), request: page,
            listURL: scope.root(baseURL: baseURL) + "/Conversations/\(conversation.sid)/Webhooks", filters: []
        ) { Self.json($0, scope: scope, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let webhook = try await dependencies.storage.read { try await Self.webhook(context, scope: scope, session: $0) }
        return JSONResponse.make(Self.json(webhook, scope: scope, baseURL: context.domainBaseURL))
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let (scope, webhook) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            var webhook = try await Self.webhook(context, scope: scope, session: session)
            if let url = form.string("Configuration.Url") { webhook.url = url }
            let filters = form.strings("Configuration.Filters")
            if !filters.isEmpty { webhook.filters = filters }
            let triggers = form.strings("Configuration.Triggers")
            if !triggers.isEmpty { webhook.triggers = triggers }
            webhook.method = try ConversationWebhookRules.check(
                url: webhook.url, method: form.string("Configuration.Method") ?? webhook.method, filters: webhook.filters, parameterPrefix: "Configuration.")
            webhook.dateUpdated = now
            try await session.conversationConfiguration.updateWebhook(webhook)
            return (scope, webhook)
        }
        return JSONResponse.make(Self.json(webhook, scope: scope, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let notFound = context.notFound
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let webhook = try await Self.webhook(context, scope: scope, session: session)
            guard try await session.conversationConfiguration.deleteWebhook(sid: webhook.sid, conversationSid: webhook.conversationSid ?? "", accountSid: webhook.accountSid) else {
                throw notFound
            }
        }
        return JSONResponse.noContent()
    }

    static func webhook(_ context: SwitchboardRequestContext, scope: ConversationServiceScope, session: any StorageSession) async throws -> ConversationWebhook {
        let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
        let sid = try context.parameters.require("sid")
        guard let webhook = try await session.conversationConfiguration.findWebhook(sid: sid, conversationSid: conversation.sid, accountSid: conversation.accountSid) else {
            throw context.notFound
        }
        return webhook
    }

    static func unconfigured(accountSid: String, now: Date) -> ConversationWebhook {
        ConversationWebhook(sid: accountSid, accountSid: accountSid, conversationSid: nil, target: "webhook", url: nil, preURL: nil,
                            method: "POST", filters: [], dateCreated: now, dateUpdated: now)
    }

    /// `conversations.v1.configuration.configuration_webhook`.
    static func configurationJSON(_ webhook: ConversationWebhook, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(webhook.accountSid)),
            ("method", .string(webhook.method)),
            ("filters", .array(webhook.filters.map { JSONValue.string($0) })),
            ("pre_webhook_url", .string(webhook.preURL)),
            ("post_webhook_url", .string(webhook.url)),
            ("target", .string(webhook.target)),
            ("url", .string(baseURL + "/v1/Configuration/Webhooks")),
        ])
    }

    /// `conversations.v1.conversation.conversation_scoped_webhook`, with `chat_service_sid` under a service path.
    static func json(_ webhook: ConversationWebhook, scope: ConversationServiceScope, baseURL: String) -> JSONValue {
        var configuration: [(String, JSONValue)] = [("method", .string(webhook.method)), ("filters", .array(webhook.filters.map { JSONValue.string($0) }))]
        if let url = webhook.url { configuration.append(("url", .string(url))) }
        if !webhook.triggers.isEmpty { configuration.append(("triggers", .array(webhook.triggers.map { JSONValue.string($0) }))) }
        return .object([("sid", .string(webhook.sid))] + ConversationRepresentation.owner(accountSid: webhook.accountSid, scope: scope) + [
            ("conversation_sid", .string(webhook.conversationSid)),
            ("target", .string(webhook.target)),
            ("url", .string(scope.root(baseURL: baseURL) + "/Conversations/\(webhook.conversationSid ?? "")/Webhooks/\(webhook.sid)")),
            ("configuration", .object(configuration)),
            ("date_created", .string(WireDate.iso8601(webhook.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(webhook.dateUpdated))),
        ])
    }
}
