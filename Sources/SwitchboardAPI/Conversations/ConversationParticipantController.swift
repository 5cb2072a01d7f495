public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Conversations/{ConversationSid}/Participants` and its twin under `/v1/Services/{ChatServiceSid}` on
/// `conversations`: by `Identity` or by `MessagingBinding`.
public struct ConversationParticipantController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.post(RouterPath(prefix + "Conversations/:conversationSid/Participants"), use: create)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Participants"), use: list)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Participants/:sid"), use: fetch)
            routes.post(RouterPath(prefix + "Conversations/:conversationSid/Participants/:sid"), use: update)
            routes.delete(RouterPath(prefix + "Conversations/:conversationSid/Participants/:sid"), use: delete)
        }
        return routes
    }

    /// One open conversation per binding (50416) and one participant per identity in a conversation (50433).
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let sid = sids.make(.conversationParticipant)
        let (scope, participant) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
            let participant = try ConversationRules.makeParticipant(
                identity: form.string("Identity"), address: form.string("MessagingBinding.Address"),
                proxyAddress: form.string("MessagingBinding.ProxyAddress"), attributes: form.string("Attributes"),
                sid: sid, accountSid: conversation.accountSid, conversationSid: conversation.sid, now: now)
            if let identity = participant.identity,
               try await session.conversations.findParticipant(sidOrIdentity: identity, conversationSid: conversation.sid, accountSid: conversation.accountSid) != nil {
                throw TwilioError(code: 50433, message: "Participant already exists", httpStatus: 409)
            }
            try await OpenBindings.add(participant, in: session)
            try await ConversationEvents(session: session, sids: sids, now: now).record(
                "onParticipantAdded", conversation: conversation, parameters: ConversationEvents.participantParameters(participant))
            return (scope, participant)
        }
        return JSONResponse.make(ConversationRepresentation.participant(
            participant, window: dependencies.messagingWindow, scope: scope, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (conversation, rows) = try await dependencies.storage.read { session in
            let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
            return (conversation, try await session.conversations.listParticipants(conversationSid: conversation.sid, accountSid: conversation.accountSid, page: page))
        }
        let baseURL = context.domainBaseURL
        let window = dependencies.messagingWindow
        return JSONResponse.make(ListEnvelope.v1(
            key: "participants", page: rows, request: page, listURL: scope.root(baseURL: baseURL) + "/Conversations/\(conversation.sid)/Participants", filters: []
        ) { ConversationRepresentation.participant($0, window: window, scope: scope, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let participant = try await dependencies.storage.read { try await Self.participant(context, scope: scope, session: $0) }
        return JSONResponse.make(ConversationRepresentation.participant(participant, window: dependencies.messagingWindow, scope: scope, baseURL: context.domainBaseURL))
    }

    /// `Attributes` and `Identity` may change; a binding is fixed for the participant's life.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let lastReadMessageIndex = try UserConversationController.readHorizon(form)
        let lastReadTimestamp = try form.date("LastReadTimestamp")
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let (scope, participant) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            var participant = try await Self.participant(context, scope: scope, session: session)
            if let attributes = form.string("Attributes") {
                try AttributeValue.checkAttributes(attributes)
                participant.attributes = attributes
            }
            if let identity = form.string("Identity"), participant.binding == nil { participant.identity = identity }
            participant.dateUpdated = now
            try await session.conversations.updateParticipant(participant)
            // The read horizon is the user conversation's too: one state, written through one repository.
            if lastReadMessageIndex != nil || lastReadTimestamp != nil {
                participant.readState = try participant.readState.updated(
                    notificationLevel: nil, lastReadMessageIndex: lastReadMessageIndex, lastReadTimestamp: lastReadTimestamp, now: now)
                try await session.userConversations.updateReadState(
                    participant.readState, participantSid: participant.sid, accountSid: participant.accountSid)
            }
            return (scope, participant)
        }
        return JSONResponse.make(ConversationRepresentation.participant(participant, window: dependencies.messagingWindow, scope: scope, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let notFound = context.notFound
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let participant = try await Self.participant(context, scope: scope, session: session)
            guard try await session.conversations.deleteParticipant(
                sid: participant.sid, conversationSid: participant.conversationSid, accountSid: participant.accountSid) else { throw notFound }
        }
        return JSONResponse.noContent()
    }

    /// The participant the path names, by SID or identity.
    static func participant(_ context: SwitchboardRequestContext, scope: ConversationServiceScope, session: any StorageSession) async throws -> ConversationParticipant {
        let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
        let key = try context.parameters.require("sid")
        guard let participant = try await session.conversations.findParticipant(
            sidOrIdentity: key, conversationSid: conversation.sid, accountSid: conversation.accountSid) else { throw context.notFound }
        return participant
    }
}
