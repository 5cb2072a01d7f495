public import struct Foundation.Date

/// A Programmable Chat User: one identity in a service.
public struct ChatUser: Sendable, Equatable, Codable {
    /// The `US…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service the user belongs to.
    public var serviceSid: String
    /// The identity, unique in the service.
    public var identity: String
    /// The display name.
    public var friendlyName: String?
    /// The attributes JSON text, as sent.
    public var attributes: String
    /// The user's service role; `nil` means the service's default service role.
    public var roleSid: String?
    /// When the user was created.
    public var dateCreated: Date
    /// When the user last changed.
    public var dateUpdated: Date

    /// Creates a user value.
    public init(sid: String, accountSid: String, serviceSid: String, identity: String, friendlyName: String?, attributes: String,
                dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.identity = identity
        self.friendlyName = friendlyName
        self.attributes = attributes
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
