public import struct Foundation.Date

/// An invitation of one identity to a Chat channel, with the channel role it will join with.
public struct ChatInvite: Sendable, Equatable, Codable {
    /// The `IN…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service of the channel.
    public var serviceSid: String
    /// The channel invited to.
    public var channelSid: String
    /// The identity invited; one invite per identity and channel.
    public var identity: String
    /// The channel role the invitee gets.
    public var roleSid: String?
    /// Who invited; `null` when the REST API did, as on Twilio.
    public var createdBy: String?
    /// When the invite was made.
    public var dateCreated: Date
    /// When the invite last changed.
    public var dateUpdated: Date

    /// Creates an invite value.
    public init(sid: String, accountSid: String, serviceSid: String, channelSid: String, identity: String, roleSid: String?,
                createdBy: String?, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.channelSid = channelSid
        self.identity = identity
        self.roleSid = roleSid
        self.createdBy = createdBy
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

extension ChatRules {
    /// A new invite to `channel` with the channel role `roleSid`; `Identity` is required.
    public static func invite(identity: String?, roleSid: String?, sid: String, channel: ChatChannel, now: Date) throws(TwilioError) -> ChatInvite {
        guard let identity, !identity.isEmpty else { throw .missingParameter("Identity") }
        return ChatInvite(sid: sid, accountSid: channel.accountSid, serviceSid: channel.serviceSid, channelSid: channel.sid, identity: identity,
                          roleSid: roleSid, createdBy: nil, dateCreated: now, dateUpdated: now)
    }

    /// 50212: the identity already has an invite to the channel.
    public static func alreadyInvited(_ identity: String) -> TwilioError {
        TwilioError(code: 50212, message: "User with specified Identity \(identity) already invited to this Channel", httpStatus: 409)
    }
}
