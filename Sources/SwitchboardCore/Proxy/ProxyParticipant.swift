public import struct Foundation.Date

/// A participant of a Proxy Session: a phone number or a chat channel, and the proxy identifier it talks through.
public struct ProxyParticipant: Sendable, Equatable, Codable {
    /// The `KP…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service.
    public var serviceSid: String
    /// The session.
    public var sessionSid: String
    /// The participant's address: an E.164 number, a channel address, or a chat channel SID.
    public var identifier: String
    /// The display name.
    public var friendlyName: String?
    /// The address the participant sees and writes to.
    public var proxyIdentifier: String
    /// The pool number behind `proxyIdentifier`, when it is one.
    public var proxyIdentifierSid: String?
    /// When it was added.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a participant value.
    public init(sid: String, accountSid: String, serviceSid: String, sessionSid: String, identifier: String, friendlyName: String?,
                proxyIdentifier: String, proxyIdentifierSid: String?, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.sessionSid = sessionSid
        self.identifier = identifier
        self.friendlyName = friendlyName
        self.proxyIdentifier = proxyIdentifier
        self.proxyIdentifierSid = proxyIdentifierSid
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// Whether the participant is a Programmable Chat channel, which Proxy reaches by posting chat messages.
    public var isChatChannel: Bool {
        identifier.hasPrefix(SidPrefix.chatChannel.rawValue) && identifier.count == 34
    }
}
