public import struct Foundation.Date

/// A Programmable Chat Channel: the conversation an agent sees in Flex UI 1.x.
public struct ChatChannel: Sendable, Equatable, Codable {
    /// The `CH…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service the channel belongs to.
    public var serviceSid: String
    /// The display name.
    public var friendlyName: String?
    /// A name unique in the service, when given.
    public var uniqueName: String?
    /// The attributes JSON text, as sent; Flex keeps `proxySession` and `status` here.
    public var attributes: String
    /// `public` or `private`.
    public var type: String
    /// The identity that created it, `system` when the API did.
    public var createdBy: String
    /// When the channel was created.
    public var dateCreated: Date
    /// When the channel last changed.
    public var dateUpdated: Date

    /// Creates a channel value.
    public init(sid: String, accountSid: String, serviceSid: String, friendlyName: String?, uniqueName: String?, attributes: String,
                type: String, createdBy: String, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.friendlyName = friendlyName
        self.uniqueName = uniqueName
        self.attributes = attributes
        self.type = type
        self.createdBy = createdBy
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The Proxy session the channel's attributes name (`proxySession`), which relays its messages to the customer.
    public var proxySessionSid: String? {
        ChatAttributes.string("proxySession", in: attributes)
    }
}
