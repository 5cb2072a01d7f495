import Foundation
public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Services` on `conversations`: create, list, fetch and delete Conversations services, which are Chat v2
/// services (`/v2/Services` on `chat` sees the same ones).
public struct ConversationServiceController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services", use: create)
        routes.get("Services", use: list)
        // The router needs one parameter name per position, so the service's own path uses the scope's.
        let service = "Services/:\(ConversationServiceScope.parameter)"
        routes.get(RouterPath(service), use: fetch)
        routes.delete(RouterPath(service), use: delete)
        return routes
    }

    /// `FriendlyName` is required; the service starts with Twilio's default roles, as a Chat service does.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let accountSid = try context.requirePrincipal().account.sid
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let name = form.string("FriendlyName")
        if let name { try Self.friendlyNameLimit.check(name, parameter: "FriendlyName") }
        let created = try ChatRules.service(friendlyName: name, sid: sids.make(.conversationService), accountSid: accountSid, now: now)
        let service = try await dependencies.storage.write { session in
            try await session.chatServices.insert(created)
            return try await ChatRoleDefaults.ensure(created, session: session, sids: sids, now: now)
        }
        return JSONResponse.make(Self.json(service, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.chatServices.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "services", page: rows, request: page, listURL: baseURL + "/v1/Services", filters: []) {
            Self.json($0, baseURL: baseURL)
        })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let service = try await dependencies.storage.read { try await ChatScope.service(context, session: $0, parameter: ConversationServiceScope.parameter) }
        return JSONResponse.make(Self.json(service, baseURL: context.domainBaseURL))
    }

    /// Removes the service with everything in it: its conversations (with their participants, messages and webhooks),
    /// its configuration, and its Chat users, channels and roles. The account's default service cannot go while it
    /// is the default (``defaultServiceKept``): the top-level routes act on it.
    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        let notFound = context.notFound
        try await dependencies.storage.write { session in
            let service = try await ChatScope.service(context, session: session, parameter: ConversationServiceScope.parameter)
            let configuration = try await session.conversationConfiguration.accountConfiguration(accountSid: accountSid)
            if configuration?.defaultChatServiceSid == service.sid { throw Self.defaultServiceKept(service.sid) }
            try await session.conversations.deleteAll(accountSid: accountSid, service: ConversationServiceFilter(serviceSid: service.sid, isDefault: false))
            try await session.conversationConfiguration.deleteServiceConfiguration(serviceSid: service.sid)
            guard try await session.chatServices.delete(sid: service.sid, accountSid: accountSid) else { throw notFound }
        }
        return JSONResponse.noContent()
    }

    /// Twilio's documented ceiling on a service's `FriendlyName`.
    static let friendlyNameLimit = TextLimit(maximum: 256, measure: .characters)

    /// The refusal to delete the account's default service.
    static func defaultServiceKept(_ sid: String) -> TwilioError {
        TwilioError(code: 20001, message: "Service \(sid) is the account's default Conversations service and cannot be deleted; "
                    + "set another DefaultChatServiceSid in /v1/Configuration first", httpStatus: 400)
    }

    /// `conversations.v1.service`.
    static func json(_ service: ChatService, baseURL: String) -> JSONValue {
        let url = ConversationServiceScope.serviceURL(service.sid, baseURL: baseURL)
        return .object([
            ("account_sid", .string(service.accountSid)),
            ("sid", .string(service.sid)),
            ("friendly_name", .string(service.friendlyName)),
            ("date_created", .string(WireDate.iso8601(service.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(service.dateUpdated))),
            ("url", .string(url)),
            ("links", .object([
                ("conversations", .string(url + "/Conversations")),
                ("users", .string(url + "/Users")),
                ("roles", .string(url + "/Roles")),
                ("bindings", .string(url + "/Bindings")),
                ("configuration", .string(url + "/Configuration")),
                ("participant_conversations", .string(url + "/ParticipantConversations")),
            ])),
        ])
    }
}
