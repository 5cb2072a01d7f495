import SwitchboardCore

/// The JSON of a channel invite, with the properties of `chat.v2.service.channel.invite`.
enum ChatInviteRepresentation {
    static func json(_ invite: ChatInvite, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(invite.sid)),
            ("account_sid", .string(invite.accountSid)),
            ("channel_sid", .string(invite.channelSid)),
            ("service_sid", .string(invite.serviceSid)),
            ("identity", .string(invite.identity)),
            ("date_created", .string(WireDate.iso8601(invite.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(invite.dateUpdated))),
            ("role_sid", .string(invite.roleSid)),
            ("created_by", .string(invite.createdBy)),
            ("url", .string(ChatScope.serviceURL(invite.serviceSid, baseURL: baseURL) + "/Channels/" + invite.channelSid + "/Invites/" + invite.sid)),
        ])
    }
}
