public import struct Foundation.Date

/// A message in a Programmable Chat Channel.
public struct ChatMessage: Sendable, Equatable, Codable {
    /// The `IM…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service of the channel.
    public var serviceSid: String
    /// The channel it was posted in.
    public var channelSid: String
    /// The author's identity; `system` when the API posted without `From`.
    public var from: String
    /// The text.
    public var body: String
    /// The attributes JSON text, as sent.
    public var attributes: String
    /// Its position in the channel, from 0.
    public var index: Int
    /// Who last edited it, when the edit said.
    public var lastUpdatedBy: String?
    /// Whether it was edited after it was posted; `nil` (never) for messages stored before edits were recorded.
    public var edited: Bool?
    /// When it was posted.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a message value.
    public init(sid: String, accountSid: String, serviceSid: String, channelSid: String, from: String, body: String, attributes: String,
                index: Int, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.channelSid = channelSid
        self.from = from
        self.body = body
        self.attributes = attributes
        self.index = index
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
