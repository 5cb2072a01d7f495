public import Foundation

/// A kind of work, such as voice, chat or sms; worker capacity is counted per task channel.
public struct TaskChannel: Sendable, Equatable {
    /// The `TC…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace the channel belongs to.
    public var workspaceSid: String
    /// The channel's display name.
    public var friendlyName: String
    /// The channel's name in code (`sms`, `voice`), unique in its workspace and fixed at creation.
    public var uniqueName: String
    /// Whether the longest-idle worker is preferred on this channel.
    public var channelOptimizedRouting: Bool?
    /// When the channel was created.
    public var dateCreated: Date
    /// When the channel last changed.
    public var dateUpdated: Date

    /// Creates a channel value.
    public init(
        sid: String, accountSid: String, workspaceSid: String, friendlyName: String, uniqueName: String,
        channelOptimizedRouting: Bool?, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.friendlyName = friendlyName
        self.uniqueName = uniqueName
        self.channelOptimizedRouting = channelOptimizedRouting
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
