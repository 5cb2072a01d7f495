import SwitchboardCore

/// The JSON of a Chat Message, with the properties of `chat.v2.service.channel.message`.
enum ChatMessageRepresentation {
    static func json(_ message: ChatMessage, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(message.sid)),
            ("account_sid", .string(message.accountSid)),
            ("attributes", .string(message.attributes)),
            ("service_sid", .string(message.serviceSid)),
            ("to", .string(message.channelSid)),
            ("channel_sid", .string(message.channelSid)),
            ("date_created", .string(WireDate.iso8601(message.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(message.dateUpdated))),
            ("last_updated_by", .string(message.lastUpdatedBy)),
            ("was_edited", .bool(message.edited == true)),
            ("from", .string(message.from)),
            ("body", .string(message.body)),
            ("index", .int(message.index)),
            ("type", .string("text")),
            ("media", .null),
            ("url", .string(ChatScope.serviceURL(message.serviceSid, baseURL: baseURL) + "/Channels/" + message.channelSid + "/Messages/" + message.sid)),
        ])
    }
}
