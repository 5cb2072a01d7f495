import SwitchboardCore

/// The JSON of a Chat User, with the properties of `chat.v2.service.user`.
enum ChatUserRepresentation {
    /// `service` is the user's, for the role of a user stored without one (its default service role).
    static func json(_ user: ChatUser, service: ChatService, joinedChannels: Int, baseURL: String) -> JSONValue {
        let url = ChatScope.serviceURL(user.serviceSid, baseURL: baseURL) + "/Users/" + user.sid
        return .object([
            ("sid", .string(user.sid)),
            ("account_sid", .string(user.accountSid)),
            ("service_sid", .string(user.serviceSid)),
            ("attributes", .string(user.attributes)),
            ("friendly_name", .string(user.friendlyName)),
            ("role_sid", .string(user.roleSid ?? service.defaultServiceRoleSid)),
            ("identity", .string(user.identity)),
            ("is_online", .null),
            ("is_notifiable", .null),
            ("date_created", .string(WireDate.iso8601(user.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(user.dateUpdated))),
            ("joined_channels_count", .int(joinedChannels)),
            ("links", .object([("user_channels", .string(url + "/Channels")), ("user_bindings", .string(url + "/Bindings"))])),
            ("url", .string(url)),
        ])
    }
}
