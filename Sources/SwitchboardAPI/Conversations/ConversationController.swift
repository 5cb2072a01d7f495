public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Conversations` on `conversations`: create, fetch, list, update (closing frees the bindings) and delete.
public struct ConversationController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Conversations", use: create)
        routes.get("Conversations", use: list)
        routes.get("Conversations/:conversationSid", use: fetch)
        routes.post("Conversations/:conversationSid", use: update)
        routes.delete("Conversations/:conversationSid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = Self.changes(from: try await request.formParameters(context: context))
        let accountSid = try context.requirePrincipal().account.sid
        let conversation = try ConversationRules.create(changes, sid: dependencies.sids.make(.conversation), accountSid: accountSid, now: dependencies.time.now())
        let (sids, now) = (dependencies.sids, conversation.dateCreated)
        try await dependencies.storage.write { session in
            try await Self.checkUniqueName(conversation, in: session)
            try await session.conversations.insert(conversation)
            try await ConversationEvents(session: session, sids: sids, now: now).record(
                "onConversationAdded", conversation: conversation, parameters: ConversationEvents.conversationParameters(conversation))
        }
        return JSONResponse.make(ConversationRepresentation.json(conversation, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let conversation = try await dependencies.storage.read { try await Self.conversation(context, session: $0) }
        return JSONResponse.make(ConversationRepresentation.json(conversation, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let accountSid = try context.requirePrincipal().account.sid
        var state: ConversationState?
        if let raw = query.string("State") {
            guard let parsed = ConversationState(rawValue: raw) else { throw TwilioError.invalidParameter("State must be one of active, inactive, closed") }
            state = parsed
        }
        let filterState = state
        let rows = try await dependencies.storage.read { try await $0.conversations.list(accountSid: accountSid, state: filterState, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "conversations", page: rows, request: page, listURL: baseURL + "/v1/Conversations",
            filters: state.map { [("State", $0.rawValue)] } ?? []
        ) { ConversationRepresentation.json($0, baseURL: baseURL) })
    }

    /// Closing a conversation that carries an interaction channel closes the channel and ends its tasks too.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let (conversation, followUps) = try await dependencies.storage.write { session -> (Conversation, [TaskFollowUp]) in
            let existing = try await Self.conversation(context, session: session)
            let updated = try ConversationRules.update(existing, with: changes, now: now)
            if updated.uniqueName != existing.uniqueName { try await Self.checkUniqueName(updated, in: session) }
            try await session.conversations.update(updated)
            let events = ConversationEvents(session: session, sids: sids, now: now)
            try await events.record("onConversationUpdated", conversation: updated, parameters: ConversationEvents.conversationParameters(updated))
            if updated.state != existing.state {
                try await events.record("onConversationStateUpdated", conversation: updated,
                                        parameters: [("StateFrom", existing.state.rawValue), ("StateTo", updated.state.rawValue), ("Reason", "API")])
            }
            guard updated.state == .closed, existing.state != .closed,
                  let channel = try await session.interactions.channel(conversationSid: updated.sid, accountSid: updated.accountSid),
                  channel.status != .closed
            else { return (updated, []) }
            let (_, followUps) = try await InteractionChannelStatusChange.apply(.closed, routingStatus: nil, to: channel, in: session, now: now)
            return (updated, followUps)
        }
        try await TaskFollowUp.apply(followUps, through: dependencies.routing)
        return JSONResponse.make(ConversationRepresentation.json(conversation, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        let notFound = context.notFound
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        try await dependencies.storage.write { session in
            let conversation = try await Self.conversation(context, session: session)
            // Scoped webhooks go with the conversation, so the event is queued while they can still be read.
            try await ConversationEvents(session: session, sids: sids, now: now).record(
                "onConversationRemoved", conversation: conversation, parameters: ConversationEvents.conversationParameters(conversation))
            guard try await session.conversations.delete(sid: conversation.sid, accountSid: accountSid) else { throw notFound }
        }
        return JSONResponse.noContent()
    }

    /// The conversation the path names by SID or unique name.
    static func conversation(_ context: SwitchboardRequestContext, session: any StorageSession, parameter: String = "conversationSid") async throws -> Conversation {
        let key = try context.parameters.require(parameter)
        let accountSid = try context.requirePrincipal().account.sid
        guard let conversation = try await session.conversations.find(sidOrUniqueName: key, accountSid: accountSid) else { throw context.notFound }
        return conversation
    }

    /// Twilio's 50353: unique names are unique in the account.
    static func checkUniqueName(_ conversation: Conversation, in session: any StorageSession) async throws {
        guard let name = conversation.uniqueName,
              let other = try await session.conversations.find(sidOrUniqueName: name, accountSid: conversation.accountSid),
              other.sid != conversation.sid
        else { return }
        throw TwilioError(code: 50353, message: "Conversation with provided unique name already exists", httpStatus: 409)
    }

    static func changes(from form: FormParameters) -> ConversationChanges {
        ConversationChanges(
            friendlyName: form.string("FriendlyName"), uniqueName: form.string("UniqueName"), attributes: form.string("Attributes"),
            state: form.string("State"), timerInactive: form.string("Timers.Inactive"), timerClosed: form.string("Timers.Closed"))
    }
}
