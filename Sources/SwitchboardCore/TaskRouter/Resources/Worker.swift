public import struct Foundation.Date

/// A Worker: someone (or something) TaskRouter can assign tasks to, described by JSON attributes.
public struct Worker: Sendable, Equatable {
    /// The `WK…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace the worker belongs to.
    public var workspaceSid: String
    /// The name given to the worker.
    public var friendlyName: String
    /// The attributes JSON exactly as sent; it parsed as an object when it was saved.
    public var attributes: String
    /// The worker's current Activity, which decides whether they are available.
    public var activitySid: String
    /// When the activity last changed; Twilio's statistics count time in an activity from here.
    public var dateStatusChanged: Date
    /// When the worker was created.
    public var dateCreated: Date
    /// When the worker last changed.
    public var dateUpdated: Date

    /// Creates a worker value.
    public init(
        sid: String, accountSid: String, workspaceSid: String, friendlyName: String, attributes: String,
        activitySid: String, dateStatusChanged: Date, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.friendlyName = friendlyName
        self.attributes = attributes
        self.activitySid = activitySid
        self.dateStatusChanged = dateStatusChanged
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The attributes, parsed for expressions.
    public func parsedAttributes() throws(TwilioError) -> AttributeValue {
        try AttributeValue.parseAttributes(attributes)
    }
}
