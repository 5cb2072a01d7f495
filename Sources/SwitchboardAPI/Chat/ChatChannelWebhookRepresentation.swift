import SwitchboardCore

/// The JSON of a channel webhook, with the properties of `chat.v2.service.channel.channel_webhook`.
enum ChatChannelWebhookRepresentation {
    static func json(_ webhook: ChatChannelWebhook, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(webhook.sid)),
            ("account_sid", .string(webhook.accountSid)),
            ("service_sid", .string(webhook.serviceSid)),
            ("channel_sid", .string(webhook.channelSid)),
            ("type", .string(webhook.type)),
            ("url", .string(ChatScope.serviceURL(webhook.serviceSid, baseURL: baseURL) + "/Channels/" + webhook.channelSid + "/Webhooks/" + webhook.sid)),
            ("configuration", .object([
                ("url", .string(webhook.url)),
                ("method", .string(webhook.method)),
                ("filters", .array(webhook.filters.map(JSONValue.string))),
                ("triggers", .array(webhook.triggers.map(JSONValue.string))),
                ("flow_sid", .string(webhook.flowSid)),
                ("retry_count", .int(webhook.retryCount)),
            ])),
            ("date_created", .string(WireDate.iso8601(webhook.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(webhook.dateUpdated))),
        ])
    }
}
