public import struct Foundation.Date

/// A Flex Channel: the chat channel (same `CH…` SID) a Flex Flow opened for one customer identity, with its
/// chat user and the task currently handling it.
public struct FlexChannel: Sendable, Equatable, Codable {
    /// The chat channel's `CH…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The flow that opened it.
    public var flexFlowSid: String
    /// The chat service of the channel.
    public var chatServiceSid: String
    /// The customer's chat user.
    public var userSid: String
    /// The customer's chat identity.
    public var identity: String
    /// The customer's address (`Target`), when given.
    public var target: String?
    /// The latest task made for the channel; `nil` until one is (with `CreationOnMessage`, until the customer replies).
    public var taskSid: String?
    /// The attributes of a task made later, when the customer replies.
    public var taskAttributes: String?
    /// Whether the channel stays open across conversations.
    public var longLived: Bool
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a Flex Channel value.
    public init(sid: String, accountSid: String, flexFlowSid: String, chatServiceSid: String, userSid: String, identity: String,
                target: String?, taskSid: String?, taskAttributes: String?, longLived: Bool, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.flexFlowSid = flexFlowSid
        self.chatServiceSid = chatServiceSid
        self.userSid = userSid
        self.identity = identity
        self.target = target
        self.taskSid = taskSid
        self.taskAttributes = taskAttributes
        self.longLived = longLived
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
