public import struct Foundation.Date

/// A Flex Flow: links a contact identity (a number, a page) to the software that handles its messages.
public struct FlexFlow: Sendable, Equatable {
    /// The `FO…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The name given to the flow.
    public var friendlyName: String
    /// The chat service the flow's channels live in, stored as given.
    public var chatServiceSid: String
    /// The kind of channel the flow serves.
    public var channelType: FlexFlowChannelType
    /// The address customers write to (a phone number for sms and whatsapp).
    public var contactIdentity: String?
    /// Whether the flow handles messages.
    public var enabled: Bool
    /// What handles the flow's inbound messages, with that handler's settings.
    public var integration: FlexFlowIntegration
    /// Whether the chat channel stays open for later conversations with the same contact.
    public var longLived: Bool
    /// Whether Proxy sessions are cleaned up when their task ends outside the Flex UI.
    public var janitorEnabled: Bool
    /// When the flow was created.
    public var dateCreated: Date
    /// When the flow last changed.
    public var dateUpdated: Date

    /// Creates a flow value.
    public init(
        sid: String, accountSid: String, friendlyName: String, chatServiceSid: String,
        channelType: FlexFlowChannelType, contactIdentity: String?, enabled: Bool,
        integration: FlexFlowIntegration, longLived: Bool, janitorEnabled: Bool,
        dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.friendlyName = friendlyName
        self.chatServiceSid = chatServiceSid
        self.channelType = channelType
        self.contactIdentity = contactIdentity
        self.enabled = enabled
        self.integration = integration
        self.longLived = longLived
        self.janitorEnabled = janitorEnabled
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// The `ChannelType` enum of a Flex Flow.
public enum FlexFlowChannelType: String, Sendable, CaseIterable {
    /// Web chat.
    case web
    /// SMS.
    case sms
    /// Facebook Messenger.
    case facebook
    /// WhatsApp.
    case whatsapp
    /// LINE.
    case line
    /// Any other channel.
    case custom
}

/// The `IntegrationType` enum of a Flex Flow.
public enum FlexFlowIntegrationType: String, Sendable, CaseIterable {
    /// A Studio Flow handles messages.
    case studio
    /// An external webhook handles messages.
    case external
    /// A TaskRouter task is created for each conversation.
    case task
}
