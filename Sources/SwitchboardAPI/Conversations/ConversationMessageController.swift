import Foundation
public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Conversations/{ConversationSid}/Messages` and its twin under `/v1/Services/{ChatServiceSid}` on
/// `conversations`, with each message's delivery `Receipts`.
public struct ConversationMessageController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.post(RouterPath(prefix + "Conversations/:conversationSid/Messages"), use: create)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Messages"), use: list)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Messages/:messageSid"), use: fetch)
            routes.post(RouterPath(prefix + "Conversations/:conversationSid/Messages/:messageSid"), use: update)
            routes.delete(RouterPath(prefix + "Conversations/:conversationSid/Messages/:messageSid"), use: delete)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Messages/:messageSid/Receipts"), use: receipts)
            routes.get(RouterPath(prefix + "Conversations/:conversationSid/Messages/:messageSid/Receipts/:sid"), use: receipt)
        }
        return routes
    }

    /// Answers 201 once the message and every channel delivery it causes are committed together.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let post = ConversationPost(
            author: form.string("Author"), body: form.string("Body"), attributes: form.string("Attributes"),
            contentSid: form.string("ContentSid"), contentVariables: form.string("ContentVariables"), subject: form.string("Subject"))
        if let body = post.body { try TextLimit.conversationMessageBody.check(body, parameter: "Body") }
        let now = dependencies.time.now()
        let sids = dependencies.sids
        let posting = ConversationPosting(sids: sids, window: dependencies.messagingWindow)
        let (scope, message, deliveries) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
            // An author who is a participant (an identity) is not sent their own message.
            let author = try await post.author.asyncFlatMap {
                try await session.conversations.findParticipant(sidOrIdentity: $0, conversationSid: conversation.sid, accountSid: conversation.accountSid)
            }
            let message = try await posting.post(post, to: conversation.sid, accountSid: conversation.accountSid, from: author, in: session, now: now)
            return (scope, message, try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid))
        }
        return JSONResponse.make(ConversationRepresentation.message(
            message, deliveries: deliveries, scope: scope, root: scope.root(baseURL: context.domainBaseURL)), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (conversation, rows, deliveries) = try await dependencies.storage.read { session in
            let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
            let rows = try await session.conversations.listMessages(conversationSid: conversation.sid, accountSid: conversation.accountSid, page: page)
            var deliveries: [String: [Message]] = [:]
            for message in rows.items {
                deliveries[message.sid] = try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid)
            }
            return (conversation, rows, deliveries)
        }
        let root = scope.root(baseURL: context.domainBaseURL)
        return JSONResponse.make(ListEnvelope.v1(
            key: "messages", page: rows, request: page, listURL: root + "/Conversations/\(conversation.sid)/Messages", filters: []
        ) { ConversationRepresentation.message($0, deliveries: deliveries[$0.sid] ?? [], scope: scope, root: root) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (message, deliveries) = try await dependencies.storage.read { session in
            let message = try await Self.message(context, scope: scope, session: session)
            return (message, try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid))
        }
        return JSONResponse.make(ConversationRepresentation.message(message, deliveries: deliveries, scope: scope, root: scope.root(baseURL: context.domainBaseURL)))
    }

    /// `Author`, `Body`, `Attributes`, `Subject` and the two dates may change; the message is not sent again, and
    /// `onMessageUpdated` tells the webhooks.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        if let body = form.string("Body") { try TextLimit.conversationMessageBody.check(body, parameter: "Body") }
        if let attributes = form.string("Attributes") { try AttributeValue.checkAttributes(attributes) }
        let dateCreated = try form.date("DateCreated")
        let dateUpdated = try form.date("DateUpdated")
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let (scope, message, deliveries) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
            var message = try await Self.message(context, in: conversation, session: session)
            if let author = form.string("Author") { message.author = author }
            if let body = form.string("Body") { message.body = body }
            if let attributes = form.string("Attributes") { message.attributes = attributes }
            if let subject = form.string("Subject") { message.subject = subject.isEmpty ? nil : subject }
            if let dateCreated { message.dateCreated = dateCreated }
            message.dateUpdated = dateUpdated ?? now
            try await session.conversations.updateMessage(message)
            try await ConversationEvents(session: session, sids: sids, now: now).record(
                "onMessageUpdated", conversation: conversation, parameters: ConversationEvents.messageParameters(message))
            return (scope, message, try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid))
        }
        return JSONResponse.make(ConversationRepresentation.message(message, deliveries: deliveries, scope: scope, root: scope.root(baseURL: context.domainBaseURL)))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let notFound = context.notFound
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let message = try await Self.message(context, scope: scope, session: session)
            guard try await session.conversations.deleteMessage(sid: message.sid, conversationSid: message.conversationSid, accountSid: message.accountSid) else {
                throw notFound
            }
        }
        return JSONResponse.noContent()
    }

    /// The channel messages sent for a conversation message, as delivery receipts.
    @Sendable func receipts(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (message, deliveries, participants) = try await Self.deliveries(context, scope: scope, storage: dependencies.storage)
        let baseURL = context.domainBaseURL
        let listed = Page(items: deliveries, next: nil, previous: nil)
        return JSONResponse.make(ListEnvelope.v1(
            key: "delivery_receipts", page: listed, request: page,
            listURL: scope.root(baseURL: baseURL) + "/Conversations/\(message.conversationSid)/Messages/\(message.sid)/Receipts", filters: []
        ) { ConversationRepresentation.receipt($0, message: message, participantSid: participants[$0.to], scope: scope, baseURL: baseURL) })
    }

    @Sendable func receipt(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let (message, deliveries, participants) = try await Self.deliveries(context, scope: scope, storage: dependencies.storage)
        guard let delivery = deliveries.first(where: { ConversationRepresentation.receiptSid(of: $0) == sid }) else { throw context.notFound }
        return JSONResponse.make(ConversationRepresentation.receipt(
            delivery, message: message, participantSid: participants[delivery.to], scope: scope, baseURL: context.domainBaseURL))
    }

    /// The message the path names, its deliveries, and the participant SIDs by binding address.
    static func deliveries(_ context: SwitchboardRequestContext, scope: ConversationServiceScope, storage: any Storage) async throws -> (ConversationMessage, [Message], [String: String]) {
        try await storage.read { session in
            let message = try await Self.message(context, scope: scope, session: session)
            let deliveries = try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid)
            var participants: [String: String] = [:]
            for participant in try await session.conversations.participants(conversationSid: message.conversationSid) {
                if let address = participant.binding?.address { participants[address] = participant.sid }
            }
            return (message, deliveries, participants)
        }
    }

    /// The message the path names, in the conversation the path names in the scope's service.
    static func message(_ context: SwitchboardRequestContext, scope: ConversationServiceScope, session: any StorageSession) async throws -> ConversationMessage {
        let conversation = try await ConversationController.conversation(context, scope: scope, session: session)
        return try await message(context, in: conversation, session: session)
    }

    /// The message `{messageSid}` names in `conversation`.
    static func message(_ context: SwitchboardRequestContext, in conversation: Conversation, session: any StorageSession) async throws -> ConversationMessage {
        let sid = try context.parameters.require("messageSid")
        guard let message = try await session.conversations.findMessage(sid: sid, conversationSid: conversation.sid, accountSid: conversation.accountSid) else {
            throw context.notFound
        }
        return message
    }
}

extension Optional {
    /// `flatMap` with an asynchronous, throwing transform.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
