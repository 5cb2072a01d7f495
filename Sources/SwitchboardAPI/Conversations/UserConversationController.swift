public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Users/{UserSid}/Conversations` and its service twin on `conversations`: the conversations of the service in
/// which a participant has the user's identity, with that participant's read horizon and notification level.
public struct UserConversationController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`: the default service's users, and a named service's.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.get(RouterPath(prefix + "Users/:userSid/Conversations"), use: list)
            routes.get(RouterPath(prefix + "Users/:userSid/Conversations/:conversationSid"), use: fetch)
            routes.post(RouterPath(prefix + "Users/:userSid/Conversations/:conversationSid"), use: update)
            routes.delete(RouterPath(prefix + "Users/:userSid/Conversations/:conversationSid"), use: delete)
        }
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let accountSid = scope.service.accountSid
        let (user, rows) = try await dependencies.storage.read { session in
            let user = try await ConversationUserController.user(context, scope: scope, session: session)
            return (user, try await session.userConversations.list(identity: user.identity, accountSid: accountSid, service: scope.conversations, page: page))
        }
        let root = scope.root(baseURL: context.domainBaseURL)
        return JSONResponse.make(ListEnvelope.v1(
            key: "conversations", page: rows, request: page, listURL: root + "/Users/" + user.sid + "/Conversations", filters: []
        ) { UserConversationRepresentation.json($0, user: user, root: root) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (user, entry) = try await dependencies.storage.read { try await Self.userConversation(context, scope: scope, session: $0) }
        return JSONResponse.make(UserConversationRepresentation.json(entry, user: user, root: scope.root(baseURL: context.domainBaseURL)))
    }

    /// Moves the read horizon (`LastReadMessageIndex`, empty to clear it; `LastReadTimestamp`) or sets `NotificationLevel`.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let notificationLevel = form.string("NotificationLevel")
        let lastReadMessageIndex = try Self.readHorizon(form)
        let lastReadTimestamp = try form.date("LastReadTimestamp")
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let (scope, user, entry) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let (user, entry) = try await Self.userConversation(context, scope: scope, session: session)
            let state = try entry.readState.updated(
                notificationLevel: notificationLevel, lastReadMessageIndex: lastReadMessageIndex, lastReadTimestamp: lastReadTimestamp, now: now)
            try await session.userConversations.updateReadState(state, participantSid: entry.participant.sid, accountSid: entry.participant.accountSid)
            // Read again: the unread count follows the new horizon.
            let (_, saved) = try await Self.userConversation(context, scope: scope, session: session)
            return (scope, user, saved)
        }
        return JSONResponse.make(UserConversationRepresentation.json(entry, user: user, root: scope.root(baseURL: context.domainBaseURL)))
    }

    /// Removes the user from the conversation: its participant goes, as deleting the participant does.
    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let notFound = context.notFound
        try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let (_, entry) = try await Self.userConversation(context, scope: scope, session: session)
            let participant = entry.participant
            guard try await session.conversations.deleteParticipant(
                sid: participant.sid, conversationSid: participant.conversationSid, accountSid: participant.accountSid) else { throw notFound }
        }
        return JSONResponse.noContent()
    }

    /// The user the path names and its conversation named by `{conversationSid}` (SID or unique name); 20404 when
    /// either is missing or the user takes no part in the conversation.
    static func userConversation(_ context: SwitchboardRequestContext, scope: ConversationServiceScope,
                                 session: any StorageSession) async throws -> (ChatUser, UserConversation) {
        let user = try await ConversationUserController.user(context, scope: scope, session: session)
        let key = try context.parameters.require("conversationSid")
        guard let entry = try await session.userConversations.find(
            conversation: key, identity: user.identity, accountSid: user.accountSid, service: scope.conversations) else { throw context.notFound }
        return (user, entry)
    }

    /// `LastReadMessageIndex` as sent: absent, empty (the horizon is cleared, as the nullable field allows) or an index.
    static func readHorizon(_ form: FormParameters) throws -> ReadHorizonChange? {
        switch form.string("LastReadMessageIndex") {
        case nil: nil
        case ""?: .cleared
        default: try form.int("LastReadMessageIndex").map(ReadHorizonChange.moved)
        }
    }
}
