public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Conversations/{ConversationSid}/Messages` on `conversations`, with each message's delivery `Receipts`.
public struct ConversationMessageController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Conversations/:conversationSid/Messages", use: create)
        routes.get("Conversations/:conversationSid/Messages", use: list)
        routes.get("Conversations/:conversationSid/Messages/:messageSid", use: fetch)
        routes.delete("Conversations/:conversationSid/Messages/:messageSid", use: delete)
        routes.get("Conversations/:conversationSid/Messages/:messageSid/Receipts", use: receipts)
        routes.get("Conversations/:conversationSid/Messages/:messageSid/Receipts/:sid", use: receipt)
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
        let posting = ConversationPosting(sids: dependencies.sids, window: dependencies.messagingWindow)
        let (message, deliveries) = try await dependencies.storage.write { session in
            let conversation = try await ConversationController.conversation(context, session: session, parameter: "conversationSid")
            // An author who is a participant (an identity) is not sent their own message.
            let author = try await post.author.asyncFlatMap {
                try await session.conversations.findParticipant(sidOrIdentity: $0, conversationSid: conversation.sid, accountSid: conversation.accountSid)
            }
            let message = try await posting.post(post, to: conversation.sid, accountSid: conversation.accountSid, from: author, in: session, now: now)
            return (message, try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid))
        }
        return JSONResponse.make(ConversationRepresentation.message(message, deliveries: deliveries, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (conversation, rows, deliveries) = try await dependencies.storage.read { session in
            let conversation = try await ConversationController.conversation(context, session: session, parameter: "conversationSid")
            let rows = try await session.conversations.listMessages(conversationSid: conversation.sid, accountSid: conversation.accountSid, page: page)
            var deliveries: [String: [Message]] = [:]
            for message in rows.items {
                deliveries[message.sid] = try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid)
            }
            return (conversation, rows, deliveries)
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "messages", page: rows, request: page, listURL: baseURL + "/v1/Conversations/\(conversation.sid)/Messages", filters: []
        ) { ConversationRepresentation.message($0, deliveries: deliveries[$0.sid] ?? [], baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (message, deliveries) = try await dependencies.storage.read { session in
            let message = try await Self.message(context, session: session, parameter: "messageSid")
            return (message, try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid))
        }
        return JSONResponse.make(ConversationRepresentation.message(message, deliveries: deliveries, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let notFound = context.notFound
        try await dependencies.storage.write { session in
            let message = try await Self.message(context, session: session, parameter: "messageSid")
            guard try await session.conversations.deleteMessage(sid: message.sid, conversationSid: message.conversationSid, accountSid: message.accountSid) else {
                throw notFound
            }
        }
        return JSONResponse.noContent()
    }

    /// The channel messages sent for a conversation message, as delivery receipts.
    @Sendable func receipts(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (message, deliveries, participants) = try await Self.deliveries(context, storage: dependencies.storage)
        let baseURL = context.domainBaseURL
        let listed = Page(items: deliveries, next: nil, previous: nil)
        return JSONResponse.make(ListEnvelope.v1(
            key: "delivery_receipts", page: listed, request: page,
            listURL: baseURL + "/v1/Conversations/\(message.conversationSid)/Messages/\(message.sid)/Receipts", filters: []
        ) { ConversationRepresentation.receipt($0, message: message, participantSid: participants[$0.to], baseURL: baseURL) })
    }

    @Sendable func receipt(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let (message, deliveries, participants) = try await Self.deliveries(context, storage: dependencies.storage)
        guard let delivery = deliveries.first(where: { ConversationRepresentation.receiptSid(of: $0) == sid }) else { throw context.notFound }
        return JSONResponse.make(ConversationRepresentation.receipt(delivery, message: message, participantSid: participants[delivery.to], baseURL: context.domainBaseURL))
    }

    /// The message the path names, its deliveries, and the participant SIDs by binding address.
    static func deliveries(_ context: SwitchboardRequestContext, storage: any Storage) async throws -> (ConversationMessage, [Message], [String: String]) {
        try await storage.read { session in
            let message = try await Self.message(context, session: session, parameter: "messageSid")
            let deliveries = try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: message.accountSid)
            var participants: [String: String] = [:]
            for participant in try await session.conversations.participants(conversationSid: message.conversationSid) {
                if let address = participant.binding?.address { participants[address] = participant.sid }
            }
            return (message, deliveries, participants)
        }
    }

    static func message(_ context: SwitchboardRequestContext, session: any StorageSession, parameter: String) async throws -> ConversationMessage {
        let conversation = try await ConversationController.conversation(context, session: session, parameter: "conversationSid")
        let sid = try context.parameters.require(parameter)
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
