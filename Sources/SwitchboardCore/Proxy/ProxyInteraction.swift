public import struct Foundation.Date

/// One message Proxy relayed in a session: what came in from one participant and what went out to the other.
public struct ProxyInteraction: Sendable, Equatable, Codable {
    /// The `KI…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service.
    public var serviceSid: String
    /// The session.
    public var sessionSid: String
    /// The relayed text, as Twilio's `data` JSON (`{"body": …}`).
    public var data: String
    /// The participant who wrote, when a participant did (not for a MessageInteraction the API created).
    public var inboundParticipantSid: String?
    /// What came in: a Message (`SM…`) or a chat message (`IM…`).
    public var inboundResourceSid: String?
    /// The inbound resource's status.
    public var inboundResourceStatus: String?
    /// `Message` or `ChatMessage`.
    public var inboundResourceType: String?
    /// The participant it went to.
    public var outboundParticipantSid: String
    /// What went out: a Message or a chat message.
    public var outboundResourceSid: String
    /// The outbound resource's status when it was relayed.
    public var outboundResourceStatus: String
    /// `Message` or `ChatMessage`.
    public var outboundResourceType: String
    /// When it was relayed.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates an interaction value.
    public init(sid: String, accountSid: String, serviceSid: String, sessionSid: String, data: String, inboundParticipantSid: String?,
                inboundResourceSid: String?, inboundResourceStatus: String?, inboundResourceType: String?, outboundParticipantSid: String,
                outboundResourceSid: String, outboundResourceStatus: String, outboundResourceType: String, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.sessionSid = sessionSid
        self.data = data
        self.inboundParticipantSid = inboundParticipantSid
        self.inboundResourceSid = inboundResourceSid
        self.inboundResourceStatus = inboundResourceStatus
        self.inboundResourceType = inboundResourceType
        self.outboundParticipantSid = outboundParticipantSid
        self.outboundResourceSid = outboundResourceSid
        self.outboundResourceStatus = outboundResourceStatus
        self.outboundResourceType = outboundResourceType
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
