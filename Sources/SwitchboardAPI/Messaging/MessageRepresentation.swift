import SwitchboardCore

/// The JSON of a message: `api.v2010.account.message`.
enum MessageRepresentation {
    static func json(_ message: Message) -> JSONValue {
        let uri = "/2010-04-01/Accounts/\(message.accountSid)/Messages/\(message.sid)"
        return .object([
            ("body", .string(message.body)),
            ("num_segments", .string(String(message.segmentCount))),
            ("direction", .string(message.direction.rawValue)),
            ("from", .string(message.from)),
            ("to", .string(message.to)),
            ("date_updated", .string(WireDate.rfc2822(message.dateUpdated))),
            ("price", .null),
            ("error_message", .string(message.errorMessage)),
            ("uri", .string(uri + ".json")),
            ("account_sid", .string(message.accountSid)),
            ("num_media", .string(String(message.mediaUrls.count))),
            ("status", .string(message.status.rawValue)),
            ("messaging_service_sid", .null),
            ("sid", .string(message.sid)),
            ("date_sent", .string(message.dateSent.map(WireDate.rfc2822))),
            ("date_created", .string(WireDate.rfc2822(message.dateCreated))),
            ("error_code", .int(message.errorCode)),
            ("price_unit", .string("USD")),
            ("api_version", .string("2010-04-01")),
            ("subresource_uris", .object([
                ("media", .string(uri + "/Media.json")),
                ("feedback", .string(uri + "/Feedback.json")),
            ])),
        ])
    }
}
