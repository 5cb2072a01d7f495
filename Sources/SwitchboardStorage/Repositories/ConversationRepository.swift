public import Foundation
public import SwitchboardCore

/// Conversations with their participants and messages: one aggregate, since a participant or message never
/// outlives its conversation.
public protocol ConversationRepository: Sendable {
    /// Stores a new conversation.
    func insert(_ conversation: Conversation) async throws
    /// The account's conversation with this SID, or with this unique name.
    func find(sidOrUniqueName key: String, accountSid: String) async throws -> Conversation?
    /// The conversation, locked until the transaction ends: message indexes are handed out under this lock.
    func lock(sid: String, accountSid: String) async throws -> Conversation?
    /// Saves a changed conversation.
    func update(_ conversation: Conversation) async throws
    /// Deletes the conversation with its participants and messages; `false` when there was none.
    func delete(sid: String, accountSid: String) async throws -> Bool
    /// Open conversations of every account whose inactive or closed timer ran out by `now`, oldest first.
    func dueTimers(at now: Date, limit: Int) async throws -> [Conversation]
    /// The account's conversations, oldest first, optionally only in one state.
    func list(accountSid: String, state: ConversationState?, page: PageRequest) async throws -> Page<Conversation>
    /// The service's conversation with this SID, or with this unique name.
    func find(sidOrUniqueName key: String, accountSid: String, service: ConversationServiceFilter) async throws -> Conversation?
    /// The service's conversations, oldest first, optionally only in one state.
    func list(accountSid: String, service: ConversationServiceFilter, state: ConversationState?, page: PageRequest) async throws -> Page<Conversation>
    /// Stores `serviceSid` on the account's conversations stored without a service: done while it is still the
    /// default, before another service becomes it, so they stay where they were created.
    func assignService(_ serviceSid: String, toUnassignedOf accountSid: String) async throws
    /// Deletes the service's conversations with their participants, messages and webhooks.
    func deleteAll(accountSid: String, service: ConversationServiceFilter) async throws

    /// Stores a new participant.
    func insertParticipant(_ participant: ConversationParticipant) async throws
    /// The conversation's participant with this SID, or with this identity.
    func findParticipant(sidOrIdentity key: String, conversationSid: String, accountSid: String) async throws -> ConversationParticipant?
    /// Saves a changed participant.
    func updateParticipant(_ participant: ConversationParticipant) async throws
    /// Removes a participant; `false` when there was none.
    func deleteParticipant(sid: String, conversationSid: String, accountSid: String) async throws -> Bool
    /// A page of the conversation's participants, oldest first.
    func listParticipants(conversationSid: String, accountSid: String, page: PageRequest) async throws -> Page<ConversationParticipant>
    /// Every participant of the conversation, oldest first: the recipients of a message.
    func participants(conversationSid: String) async throws -> [ConversationParticipant]
    /// Holds the account's address and proxy address pair until the transaction ends, so two writers cannot both find
    /// it free and each open a conversation for it. SQLite serialises writers already.
    func holdBinding(accountSid: String, address: String, proxyAddress: String?) async throws
    /// The account's participants with this binding address (and proxy address, when given), or this identity, in any conversation.
    func participants(accountSid: String, address: String?, proxyAddress: String?, identity: String?, page: PageRequest) async throws -> Page<ConversationParticipant>
    /// The same, only in the service's conversations.
    func participants(accountSid: String, service: ConversationServiceFilter, address: String?, proxyAddress: String?, identity: String?,
                      page: PageRequest) async throws -> Page<ConversationParticipant>

    /// Stores a new message.
    func insertMessage(_ message: ConversationMessage) async throws
    /// The conversation's message with this SID.
    func findMessage(sid: String, conversationSid: String, accountSid: String) async throws -> ConversationMessage?
    /// Saves a changed message.
    func updateMessage(_ message: ConversationMessage) async throws
    /// Deletes a message; `false` when there was none.
    func deleteMessage(sid: String, conversationSid: String, accountSid: String) async throws -> Bool
    /// A page of the conversation's messages, in index order.
    func listMessages(conversationSid: String, accountSid: String, page: PageRequest) async throws -> Page<ConversationMessage>
    /// The channel messages (`SM…`) sent for a conversation message, for its delivery receipts.
    func deliveries(conversationMessageSid: String, accountSid: String) async throws -> [Message]
}
