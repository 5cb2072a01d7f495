import SwitchboardCore

/// The JSON of the sandbox's handset messages and failure rules.
enum SandboxRepresentation {
    static func json(_ delivery: SandboxDelivery) -> JSONValue {
        .object([
            ("sid", .string(delivery.messageSid)),
            ("channel", .string(delivery.channel.rawValue)),
            ("from", .string(delivery.from)),
            ("to", .string(delivery.to)),
            ("body", .string(delivery.body)),
            ("subject", .string(delivery.subject)),
            ("content_sid", .string(delivery.contentSid)),
            ("content_variables", .string(delivery.contentVariables)),
            ("status", .string(delivery.status.rawValue)),
            ("error_code", .int(delivery.errorCode)),
            ("date_created", .string(WireDate.iso8601(delivery.dateCreated))),
        ])
    }

    /// A customer's message as it entered Switchboard.
    static func json(inbound message: Message) -> JSONValue {
        .object([
            ("sid", .string(message.sid)),
            ("channel", .string(message.channel.rawValue)),
            ("from", .string(message.from)),
            ("to", .string(message.to)),
            ("body", .string(message.body)),
            ("direction", .string(message.direction.rawValue)),
            ("status", .string(message.status.rawValue)),
            ("date_created", .string(WireDate.iso8601(message.dateCreated))),
        ])
    }

    static func json(_ rule: SandboxFailureRule) -> JSONValue {
        .object([
            ("address", .string(rule.address)),
            ("status", .string(rule.status.rawValue)),
            ("error_code", .int(rule.errorCode)),
            ("date_created", .string(WireDate.iso8601(rule.dateCreated))),
        ])
    }
}
