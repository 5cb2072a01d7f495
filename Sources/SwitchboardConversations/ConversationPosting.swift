public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardDelivery
import Logging

/// What a message added to a conversation says, from whichever side wrote it.
public struct ConversationPost: Sendable, Equatable {
    /// `Author`: an identity, or the customer's address.
    public var author: String?
    /// `Body`.
    public var body: String?
    /// `Attributes`.
    public var attributes: String?
    /// `ContentSid`: an approved template to send instead of free text.
    public var contentSid: String?
    /// `ContentVariables`.
    public var contentVariables: String?
    /// `Subject`, for email.
    public var subject: String?

    /// Creates a post.
    public init(author: String? = nil, body: String? = nil, attributes: String? = nil, contentSid: String? = nil,
                contentVariables: String? = nil, subject: String? = nil) {
        self.author = author
        self.body = body
        self.attributes = attributes
        self.contentSid = contentSid
        self.contentVariables = contentVariables
        self.subject = subject
    }
}

/// Adds messages to conversations: the next index under the conversation's lock, and one channel message per
/// participant reached through a binding, each queued for delivery in the same transaction.
public struct ConversationPosting: Sendable {
    /// Where agent messages that reach no customer are reported.
    static let logger = Logger(label: "switchboard.relay")
    let sids: any SidGenerator
    let window: MessagingWindow

    /// Creates the poster with the customer-care window to enforce.
    public init(sids: any SidGenerator, window: MessagingWindow) {
        self.sids = sids
        self.window = window
    }

    /// Adds `post` to the conversation and queues its deliveries; `from` is the participant who wrote it, whose own
    /// binding is not sent a copy. Throws 63016 for free text a WhatsApp or Messenger window forbids, 20404
    /// for an unknown conversation and 50360 for a closed one.
    public func post(
        _ post: ConversationPost, to conversationSid: String, accountSid: String, from author: ConversationParticipant?,
        in session: any StorageSession, now: Date
    ) async throws -> ConversationMessage {
        guard var conversation = try await session.conversations.lock(sid: conversationSid, accountSid: accountSid) else {
            throw TwilioError(code: 20404, message: "The requested resource /Conversations/\(conversationSid) was not found", httpStatus: 404)
        }
        guard conversation.isOpen else {
            throw TwilioError(code: 50360, message: "Conversation \(conversationSid) is closed; no messages can be added", httpStatus: 400)
        }
        let attributes = post.attributes ?? "{}"
        try AttributeValue.checkAttributes(attributes)
        let contentSid = post.contentSid.flatMap { $0.isEmpty ? nil : $0 }
        var template: ContentTemplate?
        if let contentSid {
            guard let found = try await session.contents.find(sid: contentSid, accountSid: accountSid) else {
                throw ContentRules.invalidContentSid
            }
            template = found
        }
        let body: String? = try template.map { try ContentRules.render($0, variables: post.contentVariables) } ?? post.body
        guard let body, !body.isEmpty else {
            throw TwilioError(code: 50005, message: "Message must have a Body or a ContentSid", httpStatus: 400)
        }
        var message = ConversationMessage(
            sid: sids.make(.conversationMessage), accountSid: accountSid, conversationSid: conversationSid,
            index: conversation.nextMessageIndex, author: post.author ?? author?.identity ?? author?.binding?.address ?? "system",
            body: body, attributes: attributes, participantSid: author?.sid, contentSid: contentSid,
            contentVariables: post.contentVariables, subject: post.subject, dateCreated: now, dateUpdated: now)
        let recipients = try await session.conversations.participants(conversationSid: conversationSid)
            .filter { $0.binding != nil && $0.sid != author?.sid }
        var deliveries: [Message] = []
        for recipient in recipients {
            guard let binding = recipient.binding else { continue }
            // A person answering through a Messenger page connector may use Meta's HUMAN_AGENT tag for 7 days.
            let humanAgent = binding.channel == .messenger
                ? try await session.senders.find(address: binding.proxyAddress, accountSid: accountSid)?.connector == .messenger
                : false
            try window.check(channel: binding.channel, lastInbound: recipient.lastInboundAt,
                             usesApprovedTemplate: template?.approvalStatus == .approved, now: now, humanAgent: humanAgent)
            deliveries.append(try outbound(message, over: binding, template: template, now: now))
        }
        if deliveries.isEmpty, author?.binding == nil,
           let channel = try await session.interactions.channel(conversationSid: conversationSid, accountSid: accountSid) {
            // A Flex interaction's conversation whose customer left: the agent's words would reach nobody, so the
            // message says so (its attributes and `onMessageAdded` carry the failure) and the server logs it.
            let failure = UndeliverableRelay.noCustomerParticipant(conversationSid)
            Self.logger.warning("Relay: agent message not delivered", metadata: [
                "message_sid": "\(message.sid)", "conversation": "\(conversationSid)", "interaction_channel": "\(channel.sid)",
                "account": "\(accountSid)", "error_code": "\(failure.errorCode)", "reason": "\(failure.reason)"])
            message.attributes = failure.stamped(message.attributes)
        }
        try await session.conversations.insertMessage(message)
        for delivery in deliveries { try await OutboundMessages.queue(delivery, in: session, sids: sids, now: now) }
        conversation.nextMessageIndex += 1
        conversation.dateUpdated = now
        if conversation.state == .inactive { conversation.state = .active }
        conversation.restartTimers(at: now)
        try await session.conversations.update(conversation)
        let source = author?.binding.map { $0.channel == .chat ? "SDK" : $0.channel.rawValue.uppercased() } ?? "API"
        try await ConversationEvents(session: session, sids: sids, now: now).record(
            "onMessageAdded", conversation: conversation, source: source, parameters: ConversationEvents.messageParameters(message))
        return message
    }

    /// The channel message that carries `message` to one binding, from its proxy address; its origin is the
    /// conversation message, so delivery receipts can find it.
    func outbound(_ message: ConversationMessage, over binding: MessagingBinding, template: ContentTemplate?, now: Date) throws(TwilioError) -> Message {
        var delivery: Message
        if binding.channel == .chat {
            // Chat identities are not `POST /Messages` recipients; the conversation speaks for itself.
            delivery = Message(
                sid: sids.make(.message), accountSid: message.accountSid, channel: .chat, direction: .outboundAPI,
                from: binding.proxyAddress, to: binding.address, body: message.body ?? "", status: .queued,
                dateCreated: now, dateUpdated: now)
        } else {
            delivery = try MessageRules.makeOutbound(
                MessageRequest(to: binding.address, from: binding.proxyAddress, body: message.body,
                               contentSid: template?.sid, contentVariables: template == nil ? nil : message.contentVariables),
                sid: sids.make(.message), accountSid: message.accountSid, now: now)
        }
        delivery.contentSid = template?.sid
        delivery.contentVariables = template == nil ? nil : message.contentVariables
        delivery.subject = binding.channel == .email ? message.subject : nil
        delivery.origin = message.sid
        return delivery
    }
}
