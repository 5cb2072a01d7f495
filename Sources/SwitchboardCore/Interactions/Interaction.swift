public import struct Foundation.Date

/// A Flex interaction (`KD…`): one customer contact, with the channel and routing it was created with.
public struct Interaction: Sendable, Equatable {
    /// The `KD…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The `Channel` JSON as Switchboard understood it, echoed as `channel`.
    public var channel: String
    /// The `Routing` JSON, with the created task as `routing.properties`.
    public var routing: String
    /// `InteractionContextSid`.
    public var interactionContextSid: String?
    /// `WebhookTtid`.
    public var webhookTtid: String?
    /// When it was created.
    public var dateCreated: Date

    /// Creates an interaction value.
    public init(sid: String, accountSid: String, channel: String, routing: String, interactionContextSid: String?, webhookTtid: String?, dateCreated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.channel = channel
        self.routing = routing
        self.interactionContextSid = interactionContextSid
        self.webhookTtid = webhookTtid
        self.dateCreated = dateCreated
    }
}

/// The media an interaction channel carries.
public enum InteractionChannelType: String, Sendable, CaseIterable {
    /// Voice.
    case voice
    /// SMS.
    case sms
    /// Email.
    case email
    /// Web.
    case web
    /// WhatsApp.
    case whatsapp
    /// Chat.
    case chat
    /// Facebook Messenger.
    case messenger
    /// Google Business Messages.
    case gbm

    /// The delivery channel of a conversation binding for this type; `nil` for chat and web, reached by identity.
    public var deliveryChannel: DeliveryChannel? {
        switch self {
        case .sms: .sms
        case .whatsapp: .whatsapp
        case .messenger: .messenger
        case .email: .email
        case .chat, .web: .chat
        case .voice, .gbm: nil
        }
    }
}

/// Where an interaction channel is in its life.
public enum InteractionChannelStatus: String, Sendable, CaseIterable {
    /// Being set up.
    case setup
    /// Open.
    case active
    /// Failed to set up.
    case failed
    /// Closed: its conversation is closed and its tasks completed.
    case closed
    /// Paused: its tasks are wrapped up, its conversation inactive.
    case inactive
    /// Paused.
    case pause
    /// Being transferred.
    case transfer
}

/// One channel of an interaction (`UO…`), carried by a conversation.
public struct InteractionChannel: Sendable, Equatable {
    /// The `UO…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The interaction.
    public var interactionSid: String
    /// The media type.
    public var type: InteractionChannelType
    /// The status.
    public var status: InteractionChannelStatus
    /// The conversation (`CH…`) that carries it.
    public var conversationSid: String
    /// Who started the contact: `agent`, `customer` or `api`.
    public var initiatedBy: String
    /// The error that failed it.
    public var errorCode: Int?
    /// The error's explanation.
    public var errorMessage: String?
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a channel value.
    public init(
        sid: String, accountSid: String, interactionSid: String, type: InteractionChannelType, status: InteractionChannelStatus,
        conversationSid: String, initiatedBy: String, errorCode: Int? = nil, errorMessage: String? = nil, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.interactionSid = interactionSid
        self.type = type
        self.status = status
        self.conversationSid = conversationSid
        self.initiatedBy = initiatedBy
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// A TaskRouter task working an interaction channel: the first routing, or an invite (`KG…`) for another agent or queue.
public struct InteractionTask: Sendable, Equatable {
    /// The owning account.
    public var accountSid: String
    /// The interaction.
    public var interactionSid: String
    /// The channel.
    public var channelSid: String
    /// The task's workspace.
    public var workspaceSid: String
    /// The task (`WT…`).
    public var taskSid: String
    /// The invite's `KG…` SID when the task came from an invite; `nil` for the interaction's own routing.
    public var inviteSid: String?
    /// The routing JSON the task was created from, echoed as an invite's `routing`.
    public var routing: String
    /// When it was created.
    public var dateCreated: Date

    /// Creates a link value.
    public init(accountSid: String, interactionSid: String, channelSid: String, workspaceSid: String, taskSid: String,
                inviteSid: String?, routing: String, dateCreated: Date) {
        self.accountSid = accountSid
        self.interactionSid = interactionSid
        self.channelSid = channelSid
        self.workspaceSid = workspaceSid
        self.taskSid = taskSid
        self.inviteSid = inviteSid
        self.routing = routing
        self.dateCreated = dateCreated
    }
}
