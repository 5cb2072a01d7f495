public import Foundation

/// A state a worker can be in, such as Available or Offline; only available activities receive tasks.
public struct Activity: Sendable, Equatable {
    /// The `WA…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace the activity belongs to.
    public var workspaceSid: String
    /// The activity's name, unique in its workspace.
    public var friendlyName: String
    /// Whether workers in this activity can be offered tasks; fixed at creation, as on Twilio.
    public var available: Bool
    /// When the activity was created.
    public var dateCreated: Date
    /// When the activity last changed.
    public var dateUpdated: Date

    /// Creates an activity value.
    public init(sid: String, accountSid: String, workspaceSid: String, friendlyName: String, available: Bool, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.friendlyName = friendlyName
        self.available = available
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
