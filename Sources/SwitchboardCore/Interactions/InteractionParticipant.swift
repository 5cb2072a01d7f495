public import struct Foundation.Date

/// Who a channel participant is.
public enum InteractionParticipantType: String, Sendable, CaseIterable {
    /// A supervisor.
    case supervisor
    /// The customer.
    case customer
    /// Someone outside the contact center.
    case external
    /// An agent.
    case agent
    /// Unknown.
    case unknown
}

/// A participant of an interaction channel (`UT…`): its media side (an address or identity in the conversation) and
/// its routing side (the task, worker and reservation it works through).
public struct InteractionParticipant: Sendable, Equatable {
    /// The `UT…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The interaction.
    public var interactionSid: String
    /// The channel.
    public var channelSid: String
    /// Who it is.
    public var type: InteractionParticipantType
    /// `MediaProperties` JSON as sent.
    public var mediaProperties: String
    /// `RoutingProperties` JSON (`task_sid`, `worker_sid`, `reservation_sid`), echoed as `routing_properties`.
    public var routingProperties: String?
    /// `closed` or `wrapup` once set.
    public var status: String?
    /// The conversation participant (`MB…`) it added, if any.
    public var conversationParticipantSid: String?
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a participant value.
    public init(
        sid: String, accountSid: String, interactionSid: String, channelSid: String, type: InteractionParticipantType,
        mediaProperties: String, routingProperties: String?, status: String?, conversationParticipantSid: String?, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.interactionSid = interactionSid
        self.channelSid = channelSid
        self.type = type
        self.mediaProperties = mediaProperties
        self.routingProperties = routingProperties
        self.status = status
        self.conversationParticipantSid = conversationParticipantSid
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The task this participant works, from its routing properties.
    public var taskSid: String? {
        guard let routingProperties, let parsed = try? AttributeValue.parse(json: routingProperties) else { return nil }
        return parsed[member: "task_sid"]?.stringValue
    }
}
