public import struct Foundation.Date

/// A number in a Proxy Service's pool, which Proxy hands to participants as their proxy identifier.
public struct ProxyPhoneNumber: Sendable, Equatable, Codable {
    /// The `PN…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service whose pool holds it.
    public var serviceSid: String
    /// The number in E.164.
    public var phoneNumber: String
    /// A reserved number is only used when a participant asks for it by name.
    public var isReserved: Bool
    /// When it was added.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a pool number value.
    public init(sid: String, accountSid: String, serviceSid: String, phoneNumber: String, isReserved: Bool, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.phoneNumber = phoneNumber
        self.isReserved = isReserved
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
