public import struct Foundation.Date

/// Programmable Chat's rules for new and changed resources, with Twilio's error codes.
public enum ChatRules {
    /// The identity the API writes as when a request names none.
    public static let systemIdentity = "system"

    /// A new service; `FriendlyName` is required.
    public static func service(friendlyName: String?, sid: String, accountSid: String, now: Date) throws(TwilioError) -> ChatService {
        guard let friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        return ChatService(sid: sid, accountSid: accountSid, friendlyName: friendlyName, dateCreated: now, dateUpdated: now)
    }

    /// A new user; `Identity` is required, `Attributes` must be a JSON object.
    public static func user(
        identity: String?, friendlyName: String?, attributes: String?, sid: String, service: ChatService, now: Date
    ) throws(TwilioError) -> ChatUser {
        guard let identity, !identity.isEmpty else { throw .missingParameter("Identity") }
        let attributes = attributes ?? "{}"
        try ChatAttributes.check(attributes)
        return ChatUser(sid: sid, accountSid: service.accountSid, serviceSid: service.sid, identity: identity, friendlyName: friendlyName,
                        attributes: attributes, dateCreated: now, dateUpdated: now)
    }

    /// A new channel; `Type` is `public` (the default) or `private`.
    public static func channel(
        friendlyName: String?, uniqueName: String?, attributes: String?, type: String?, createdBy: String?, sid: String,
        service: ChatService, now: Date
    ) throws(TwilioError) -> ChatChannel {
        let attributes = attributes ?? "{}"
        try ChatAttributes.check(attributes)
        let type = type ?? "public"
        guard ["public", "private"].contains(type) else { throw .invalidParameter("Type must be public or private; got '\(type)'") }
        return ChatChannel(sid: sid, accountSid: service.accountSid, serviceSid: service.sid, friendlyName: friendlyName,
                           uniqueName: uniqueName.flatMap { $0.isEmpty ? nil : $0 }, attributes: attributes, type: type,
                           createdBy: createdBy ?? systemIdentity, dateCreated: now, dateUpdated: now)
    }

    /// A new member of `channel`; `Identity` is required.
    public static func member(identity: String?, attributes: String?, sid: String, channel: ChatChannel, now: Date) throws(TwilioError) -> ChatMember {
        guard let identity, !identity.isEmpty else { throw .missingParameter("Identity") }
        let attributes = attributes ?? "{}"
        try ChatAttributes.check(attributes)
        return ChatMember(sid: sid, accountSid: channel.accountSid, serviceSid: channel.serviceSid, channelSid: channel.sid,
                          identity: identity, attributes: attributes, dateCreated: now, dateUpdated: now)
    }

    /// A new message in `channel` at `index`; a message needs a body.
    public static func message(
        body: String?, from: String?, attributes: String?, sid: String, channel: ChatChannel, index: Int, now: Date
    ) throws(TwilioError) -> ChatMessage {
        guard let body, !body.isEmpty else { throw .missingParameter("Body") }
        try TextLimit.chatMessageBody.check(body, parameter: "Body")
        let attributes = attributes ?? "{}"
        try ChatAttributes.check(attributes)
        return ChatMessage(sid: sid, accountSid: channel.accountSid, serviceSid: channel.serviceSid, channelSid: channel.sid,
                           from: from.flatMap { $0.isEmpty ? nil : $0 } ?? systemIdentity, body: body, attributes: attributes,
                           index: index, dateCreated: now, dateUpdated: now)
    }

    /// 50307: another channel of the service has this unique name.
    public static func uniqueNameTaken(_ name: String) -> TwilioError {
        TwilioError(code: 50307, message: "Channel with provided unique name already exists", httpStatus: 409)
    }

    /// 50201: the service already has a user with this identity.
    public static func identityTaken(_ identity: String) -> TwilioError {
        TwilioError(code: 50201, message: "User with provided identity \(identity) already exists", httpStatus: 409)
    }

    /// 50404: the identity is already a member of the channel.
    public static func alreadyMember(_ identity: String) -> TwilioError {
        TwilioError(code: 50404, message: "Member \(identity) already exists", httpStatus: 409)
    }
}
