public import struct Foundation.Date

/// A member of a Programmable Chat Channel.
public struct ChatMember: Sendable, Equatable, Codable {
    /// The `MB…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service of the channel.
    public var serviceSid: String
    /// The channel joined.
    public var channelSid: String
    /// The member's identity.
    public var identity: String
    /// The attributes JSON text, as sent.
    public var attributes: String
    /// The member's channel role; `nil` means the service's default channel role.
    public var roleSid: String?
    /// The index of the last message the member has read, when known.
    public var lastConsumedMessageIndex: Int?
    /// When the member last read.
    public var lastConsumptionTimestamp: Date?
    /// `default` or `muted`: whether the member's user hears of the channel's new messages; `nil` is `default`.
    public var notificationLevel: String?
    /// When the member joined.
    public var dateCreated: Date
    /// When the member last changed.
    public var dateUpdated: Date

    /// Creates a member value.
    public init(sid: String, accountSid: String, serviceSid: String, channelSid: String, identity: String, attributes: String,
                dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.channelSid = channelSid
        self.identity = identity
        self.attributes = attributes
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
