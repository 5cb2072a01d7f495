public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/ParticipantConversations` and `/v1/Services/{ChatServiceSid}/ParticipantConversations` on `conversations`:
/// the conversations an identity or an address takes part in, in the service.
public struct ParticipantConversationController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.get(RouterPath(prefix + "ParticipantConversations"), use: list)
        }
        return routes
    }

    /// Twilio requires `Identity` or `Address`; an address is compared as stored, normalised for its channel.
    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let identity = query.string("Identity")
        let address = query.string("Address").map(DeliveryAddress.normalisedOrVerbatim)
        guard identity != nil || address != nil else { throw TwilioError.missingParameter("Identity or Address") }
        let accountSid = try context.requirePrincipal().account.sid
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (rows, conversations) = try await dependencies.storage.read { session in
            let rows = try await session.conversations.participants(
                accountSid: accountSid, service: scope.conversations, address: address, proxyAddress: nil, identity: identity, page: page)
            var conversations: [String: Conversation] = [:]
            for sid in Set(rows.items.map(\.conversationSid)) {
                conversations[sid] = try await session.conversations.find(sidOrUniqueName: sid, accountSid: accountSid)
            }
            return (rows, conversations)
        }
        let root = scope.root(baseURL: context.domainBaseURL)
        let window = dependencies.messagingWindow
        var filters: [(String, String)] = []
        if let identity { filters.append(("Identity", identity)) }
        if let address { filters.append(("Address", address)) }
        return JSONResponse.make(ListEnvelope.v1(
            key: "conversations", page: rows, request: page, listURL: root + "/ParticipantConversations", filters: filters
        ) { participant in
            let conversation = conversations[participant.conversationSid]
            let conversationURL = root + "/Conversations/" + participant.conversationSid
            return .object([
                ("account_sid", .string(participant.accountSid)),
                ("chat_service_sid", .string(scope.sid)),
                ("participant_sid", .string(participant.sid)),
                ("participant_user_sid", .null),
                ("participant_identity", .string(participant.identity)),
                ("participant_messaging_binding", ConversationRepresentation.binding(participant, window: window)),
                ("conversation_sid", .string(participant.conversationSid)),
                ("conversation_unique_name", .string(conversation?.uniqueName)),
                ("conversation_friendly_name", .string(conversation?.friendlyName)),
                ("conversation_attributes", .string(conversation?.attributes)),
                ("conversation_date_created", .string(conversation.map { WireDate.iso8601($0.dateCreated) })),
                ("conversation_date_updated", .string(conversation.map { WireDate.iso8601($0.dateUpdated) })),
                ("conversation_created_by", .string("system")),
                ("conversation_state", .string(conversation?.state.rawValue)),
                ("conversation_timers", conversation.map(ConversationRepresentation.timers) ?? .object([])),
                ("links", .object([
                    ("participant", .string(conversationURL + "/Participants/" + participant.sid)),
                    ("conversation", .string(conversationURL)),
                ])),
            ])
        })
    }
}
