import SwitchboardCore

/// The JSON of a Conversations User (`conversations.v1.user`, `conversations.v1.service.service_user`): a Chat user
/// of the service, under the request's root (`…/v1` or `…/v1/Services/IS…`). A user without a role of its own holds
/// the service's default service role.
enum ConversationUserRepresentation {
    static func json(_ user: ChatUser, service: ChatService, root: String) -> JSONValue {
        let url = root + "/Users/" + user.sid
        return .object([
            ("sid", .string(user.sid)),
            ("account_sid", .string(user.accountSid)),
            ("chat_service_sid", .string(user.serviceSid)),
            ("role_sid", .string(user.roleSid ?? service.defaultServiceRoleSid)),
            ("identity", .string(user.identity)),
            ("friendly_name", .string(user.friendlyName)),
            ("attributes", .string(user.attributes)),
            // Reachability is off: Switchboard has no SDK connections or push registrations to report.
            ("is_online", .null),
            ("is_notifiable", .null),
            ("date_created", .string(WireDate.iso8601(user.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(user.dateUpdated))),
            ("url", .string(url)),
            ("links", .object([("user_conversations", .string(url + "/Conversations"))])),
        ])
    }
}
