import SwitchboardCore

/// The JSON of a Conversations role, with the properties of `conversations.v1.role` and
/// `conversations.v1.service.service_role` (the same ones).
enum ConversationRoleRepresentation {
    /// `root` is where the request's URLs start: `…/v1` or `…/v1/Services/IS…`.
    static func json(_ role: ChatRole, root: String) -> JSONValue {
        .object([
            ("sid", .string(role.sid)),
            ("account_sid", .string(role.accountSid)),
            ("chat_service_sid", .string(role.serviceSid)),
            ("friendly_name", .string(role.friendlyName)),
            ("type", .string(conversationsType(role.type))),
            ("permissions", .array(role.permissions.map(JSONValue.string))),
            ("date_created", .string(WireDate.iso8601(role.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(role.dateUpdated))),
            ("url", .string(root + "/Roles/" + role.sid)),
        ])
    }

    /// Conversations' name for a stored (Chat) role type.
    static func conversationsType(_ chatType: String) -> String {
        chatType == ChatRoleRules.channelType ? "conversation" : "service"
    }

    /// The stored (Chat) role type for Conversations' `Type`; 50105 for anything but `conversation` or `service`.
    static func chatType(_ type: String) throws(TwilioError) -> String {
        switch type {
        case "conversation": ChatRoleRules.channelType
        case "service": ChatRoleRules.serviceType
        case "": throw .missingParameter("Type")
        default: throw TwilioError(code: 50105, message: "Invalid role type '\(type)': must be conversation or service", httpStatus: 400)
        }
    }
}
