import Foundation
public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Conversations` (the default service's) and `/v1/Services/{ChatServiceSid}/Conversations` on `conversations`:
/// create, fetch, list, update (closing frees the bindings) and delete.
public struct ConversationController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.post(RouterPath(prefix + "Conversations"), use: create)
            routes.get(RouterPath(prefix + "Conversations"), use: list)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid"), use: fetch)
            routes.post(RouterPath(prefix + "Conversations/:conversationSid"), use: update)
            routes.delete(RouterPath(prefix + "Conversations/:conversationSid"), use: delete)
        }
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let changes = Self.changes(from: form)
        let dates = try Self.dates(from: form)
        let accountSid = try context.requirePrincipal().account.sid
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let sid = sids.make(.conversation)
        let (scope, conversation) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let conversation = try await Self.open(changes, dates: dates, sid: sid, accountSid: accountSid, scope: scope, in: session, sids: sids, now: now)
            return (scope, conversation)
        }
        return JSONResponse.make(ConversationRepresentation.json(conversation, scope: scope, baseURL: context.domainBaseURL), status: .created)
    }

    /// `DateCreated` and `DateUpdated`, which a client importing history may set.
    static func dates(from form: FormParameters) throws(TwilioError) -> (created: Date?, updated: Date?) {
        (try form.date("DateCreated"), try form.date("DateUpdated"))
    }

    /// Stores a new conversation in the scope's service, with the account's default timers where `changes` set none,
    /// and records `onConversationAdded`.
    static func open(_ changes: ConversationChanges, dates: (created: Date?, updated: Date?), sid: String, accountSid: String,
                     scope: ConversationServiceScope, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws -> Conversation {
        var changes = changes
        if changes.timerInactive == nil { changes.timerInactive = scope.configuration.defaultInactiveTimer }
        if changes.timerClosed == nil { changes.timerClosed = scope.configuration.defaultClosedTimer }
        var conversation = try ConversationRules.create(changes, sid: sid, accountSid: accountSid, now: now)
        conversation.chatServiceSid = scope.conversations.storedServiceSid
        if let created = dates.created { conversation.dateCreated = created }
        conversation.dateUpdated = dates.updated ?? dates.created ?? conversation.dateUpdated
        try await checkUniqueName(conversation, scope: scope, in: session)
        try await session.conversations.insert(conversation)
        try await ConversationEvents(session: session, sids: sids, now: now).record(
            "onConversationAdded", conversation: conversation, parameters: ConversationEvents.conversationParameters(conversation))
        return conversation
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let conversation = try await dependencies.storage.read { try await Self.conversation(context, scope: scope, session: $0) }
        return JSONResponse.make(ConversationRepresentation.json(conversation, scope: scope, baseURL: context.domainBaseURL))
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
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let rows = try await dependencies.storage.read {
            try await $0.conversations.list(accountSid: accountSid, service: scope.conversations, state: filterState, page: page)
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "conversations", page: rows, request: page, listURL: scope.root(baseURL: baseURL) + "/Conversations",
            filters: state.map { [("State", $0.rawValue)] } ?? []
        ) { ConversationRepresentation.json($0, scope: scope, baseURL: baseURL) })
    }

    /// Closing a conversation that carries an interaction channel closes the channel and ends its tasks too.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = Self.changes(from: try await request.formParameters(context: context))
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let (scope, conversation, followUps) = try await dependencies.storage.write { session -> (ConversationServiceScope, Conversation, [TaskFollowUp]) in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let existing = try await Self.conversation(context, scope: scope, session: session)
            let updated = try ConversationRules.update(existing, with: changes, now: now)
            if updated.uniqueName != existing.uniqueName { try await Self.checkUniqueName(updated, scope: scope, in: session) }
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
            else { return (scope, updated, []) }
            let (_, followUps) = try await InteractionChannelStatusChange.apply(.closed, routingStatus: nil, to: channel, in: session, now: now)
            return (scope, updated, followUps)
        }
        try await TaskFollowUp.apply(followUps, through: dependencies.routing)
        return JSONResponse.make(ConversationRepresentation.json(conversation, scope: scope, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        let notFound = context.notFound
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let conversation = try await Self.conversation(context, scope: scope, session: session)
            // Scoped webhooks go with the conversation, so the event is queued while they can still be read.
            try await ConversationEvents(session: session, sids: sids, now: now).record(
                "onConversationRemoved", conversation: conversation, parameters: ConversationEvents.conversationParameters(conversation))
            guard try await session.conversations.delete(sid: conversation.sid, accountSid: accountSid) else { throw notFound }
        }
        return JSONResponse.noContent()
    }

    /// The conversation the path names by SID or unique name, in the scope's service.
    static func conversation(_ context: SwitchboardRequestContext, scope: ConversationServiceScope, session: any StorageSession,
                             parameter: String = "conversationSid") async throws -> Conversation {
        let key = try context.parameters.require(parameter)
        guard let conversation = try await session.conversations.find(sidOrUniqueName: key, accountSid: scope.service.accountSid, service: scope.conversations) else {
            throw context.notFound
        }
        return conversation
    }

    /// Twilio's 50353: unique names are unique in the service.
    static func checkUniqueName(_ conversation: Conversation, scope: ConversationServiceScope, in session: any StorageSession) async throws {
        guard let name = conversation.uniqueName,
              let other = try await session.conversations.find(sidOrUniqueName: name, accountSid: conversation.accountSid, service: scope.conversations),
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
