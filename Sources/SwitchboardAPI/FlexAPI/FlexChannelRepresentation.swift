import SwitchboardCore

/// The JSON of a Flex Channel, with exactly the properties of `flex.v1.channel`.
enum FlexChannelRepresentation {
    static func json(_ channel: FlexChannel, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(channel.accountSid)),
            ("flex_flow_sid", .string(channel.flexFlowSid)),
            ("sid", .string(channel.sid)),
            ("user_sid", .string(channel.userSid)),
            ("task_sid", .string(channel.taskSid)),
            ("url", .string(baseURL + "/v1/Channels/" + channel.sid)),
            ("date_created", .string(WireDate.iso8601(channel.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(channel.dateUpdated))),
        ])
    }
}
