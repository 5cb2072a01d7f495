public import struct Foundation.Date

/// A Proxy Service: a pool of numbers and the sessions that use them.
public struct ProxyService: Sendable, Equatable, Codable {
    /// The `KS…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// A name unique in the account.
    public var uniqueName: String
    /// Seconds a session lives without interactions when it sets no `Ttl`; 0 is forever.
    public var defaultTtl: Int
    /// Where interaction events are posted.
    public var callbackUrl: String?
    /// Where a message that matches no open session is posted.
    public var outOfSessionCallbackUrl: String?
    /// Asked before each interaction is relayed.
    public var interceptCallbackUrl: String?
    /// The chat service whose channels can be participants.
    public var chatInstanceSid: String?
    /// `area-code`, `overlay`, `radius` or `country`.
    public var geoMatchLevel: String
    /// `prefer-sticky` or `avoid-sticky`.
    public var numberSelectionBehavior: String
    /// When the service was created.
    public var dateCreated: Date
    /// When the service last changed.
    public var dateUpdated: Date

    /// Creates a service value.
    public init(sid: String, accountSid: String, uniqueName: String, defaultTtl: Int, callbackUrl: String?, outOfSessionCallbackUrl: String?,
                interceptCallbackUrl: String?, chatInstanceSid: String?, geoMatchLevel: String, numberSelectionBehavior: String,
                dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.uniqueName = uniqueName
        self.defaultTtl = defaultTtl
        self.callbackUrl = callbackUrl
        self.outOfSessionCallbackUrl = outOfSessionCallbackUrl
        self.interceptCallbackUrl = interceptCallbackUrl
        self.chatInstanceSid = chatInstanceSid
        self.geoMatchLevel = geoMatchLevel
        self.numberSelectionBehavior = numberSelectionBehavior
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
