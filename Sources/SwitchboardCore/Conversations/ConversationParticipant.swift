public import struct Foundation.Date

/// A customer's address on a channel, and the contact center's address that talks to it.
public struct MessagingBinding: Sendable, Equatable {
    /// The channel, which is also the binding's `type`.
    public var channel: DeliveryChannel
    /// The customer's normalised address.
    public var address: String
    /// The contact center's normalised address messages are sent from.
    public var proxyAddress: String

    /// Creates a binding.
    public init(channel: DeliveryChannel, address: String, proxyAddress: String) {
        self.channel = channel
        self.address = address
        self.proxyAddress = proxyAddress
    }
}

/// A participant of a conversation (`MB…`): a chat identity (an agent, a chat customer) or a messaging binding.
public struct ConversationParticipant: Sendable, Equatable {
    /// The `MB…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The conversation.
    public var conversationSid: String
    /// The chat identity, for participants who use the Conversations SDK.
    public var identity: String?
    /// The messaging binding, for participants reached over SMS, WhatsApp, Messenger or email.
    public var binding: MessagingBinding?
    /// The attributes JSON as sent.
    public var attributes: String
    /// When this participant last wrote from their binding: the start of the WhatsApp and Messenger reply window.
    public var lastInboundAt: Date?
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date
    /// How far it has read the conversation (`last_read_message_index`, `last_read_timestamp`). Stored apart from the
    /// participant's other columns: only a read-state write changes it.
    public var readState: ParticipantReadState

    /// Creates a participant value.
    public init(
        sid: String, accountSid: String, conversationSid: String, identity: String?, binding: MessagingBinding?,
        attributes: String, lastInboundAt: Date?, dateCreated: Date, dateUpdated: Date,
        readState: ParticipantReadState = ParticipantReadState()
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.conversationSid = conversationSid
        self.identity = identity
        self.binding = binding
        self.attributes = attributes
        self.lastInboundAt = lastInboundAt
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.readState = readState
    }
}
