import SwitchboardCore

/// The JSON of a Chat Channel, with the properties of `chat.v2.service.channel`.
enum ChatChannelRepresentation {
    static func json(_ channel: ChatChannel, members: Int, messages: Int, baseURL: String) -> JSONValue {
        let url = ChatScope.channelURL(channel, baseURL: baseURL)
        return .object([
            ("sid", .string(channel.sid)),
            ("account_sid", .string(channel.accountSid)),
            ("service_sid", .string(channel.serviceSid)),
            ("friendly_name", .string(channel.friendlyName)),
            ("unique_name", .string(channel.uniqueName)),
            ("attributes", .string(channel.attributes)),
            ("type", .string(channel.type)),
            ("date_created", .string(WireDate.iso8601(channel.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(channel.dateUpdated))),
            ("created_by", .string(channel.createdBy)),
            ("members_count", .int(members)),
            ("messages_count", .int(messages)),
            ("url", .string(url)),
            ("links", .object([
                ("members", .string(url + "/Members")),
                ("messages", .string(url + "/Messages")),
                ("invites", .string(url + "/Invites")),
                ("webhooks", .string(url + "/Webhooks")),
                ("last_message", .null),
            ])),
        ])
    }
}
