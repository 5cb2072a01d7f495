import SwitchboardCore

/// The JSON of a Chat Member, with the properties of `chat.v2.service.channel.member`.
enum ChatMemberRepresentation {
    static func json(_ member: ChatMember, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(member.sid)),
            ("account_sid", .string(member.accountSid)),
            ("channel_sid", .string(member.channelSid)),
            ("service_sid", .string(member.serviceSid)),
            ("identity", .string(member.identity)),
            ("date_created", .string(WireDate.iso8601(member.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(member.dateUpdated))),
            ("role_sid", .null),
            ("last_consumed_message_index", .null),
            ("last_consumption_timestamp", .null),
            ("url", .string(ChatScope.serviceURL(member.serviceSid, baseURL: baseURL) + "/Channels/" + member.channelSid + "/Members/" + member.sid)),
            ("attributes", .string(member.attributes)),
        ])
    }
}
