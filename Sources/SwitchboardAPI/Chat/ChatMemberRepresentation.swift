import SwitchboardCore

/// The JSON of a Chat Member, with the properties of `chat.v2.service.channel.member`.
enum ChatMemberRepresentation {
    /// `service` is the member's, for the role of a member stored without one (its default channel role).
    static func json(_ member: ChatMember, service: ChatService, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(member.sid)),
            ("account_sid", .string(member.accountSid)),
            ("channel_sid", .string(member.channelSid)),
            ("service_sid", .string(member.serviceSid)),
            ("identity", .string(member.identity)),
            ("date_created", .string(WireDate.iso8601(member.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(member.dateUpdated))),
            ("role_sid", .string(member.roleSid ?? service.defaultChannelRoleSid)),
            ("last_consumed_message_index", .int(member.lastConsumedMessageIndex)),
            ("last_consumption_timestamp", .string(member.lastConsumptionTimestamp.map(WireDate.iso8601))),
            ("url", .string(ChatScope.serviceURL(member.serviceSid, baseURL: baseURL) + "/Channels/" + member.channelSid + "/Members/" + member.sid)),
            ("attributes", .string(member.attributes)),
        ])
    }
}
