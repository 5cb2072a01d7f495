import SwitchboardCore

/// The JSON of a user's channel, with the properties of `chat.v2.service.user.user_channel`: a membership seen
/// from the user's side.
enum ChatUserChannelRepresentation {
    static func json(_ member: ChatMember, user: ChatUser, unread: Int?, baseURL: String) -> JSONValue {
        let service = ChatScope.serviceURL(member.serviceSid, baseURL: baseURL)
        let channel = service + "/Channels/" + member.channelSid
        return .object([
            ("account_sid", .string(member.accountSid)),
            ("service_sid", .string(member.serviceSid)),
            ("channel_sid", .string(member.channelSid)),
            ("user_sid", .string(user.sid)),
            ("member_sid", .string(member.sid)),
            // A membership is a joined channel; invites are listed at the channel's `Invites`.
            ("status", .string("joined")),
            ("last_consumed_message_index", .int(member.lastConsumedMessageIndex)),
            ("unread_messages_count", .int(unread)),
            ("links", .object([
                ("channel", .string(channel)),
                ("member", .string(channel + "/Members/" + member.sid)),
            ])),
            ("url", .string(service + "/Users/" + user.sid + "/Channels/" + member.channelSid)),
            ("notification_level", .string(member.notificationLevel ?? "default")),
        ])
    }
}
