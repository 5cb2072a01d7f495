import SwitchboardCore

/// The JSON of a Chat Role, with the properties of `chat.v2.service.role`.
enum ChatRoleRepresentation {
    static func json(_ role: ChatRole, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(role.sid)),
            ("account_sid", .string(role.accountSid)),
            ("service_sid", .string(role.serviceSid)),
            ("friendly_name", .string(role.friendlyName)),
            ("type", .string(role.type)),
            ("permissions", .array(role.permissions.map(JSONValue.string))),
            ("date_created", .string(WireDate.iso8601(role.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(role.dateUpdated))),
            ("url", .string(ChatScope.serviceURL(role.serviceSid, baseURL: baseURL) + "/Roles/" + role.sid)),
        ])
    }
}
