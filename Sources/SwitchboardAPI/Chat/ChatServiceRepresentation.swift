import SwitchboardCore

/// The JSON of a Chat Service, with the properties of `chat.v2.service`; settings Switchboard does not model have Twilio's defaults.
enum ChatServiceRepresentation {
    static func json(_ service: ChatService, baseURL: String) -> JSONValue {
        let url = ChatScope.serviceURL(service.sid, baseURL: baseURL)
        return .object([
            ("sid", .string(service.sid)),
            ("account_sid", .string(service.accountSid)),
            ("friendly_name", .string(service.friendlyName)),
            ("date_created", .string(WireDate.iso8601(service.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(service.dateUpdated))),
            ("default_service_role_sid", .string(service.defaultServiceRoleSid)),
            ("default_channel_role_sid", .string(service.defaultChannelRoleSid)),
            ("default_channel_creator_role_sid", .string(service.defaultChannelCreatorRoleSid)),
            ("read_status_enabled", .bool(true)),
            ("reachability_enabled", .bool(false)),
            ("typing_indicator_timeout", .int(5)),
            ("consumption_report_interval", .int(10)),
            ("limits", .object([("channel_members", .int(100)), ("user_channels", .int(250))])),
            ("pre_webhook_url", .null),
            ("post_webhook_url", .string(service.postWebhookUrl)),
            ("webhook_method", .string("POST")),
            ("webhook_filters", .array(service.webhookFilters.map(JSONValue.string))),
            ("pre_webhook_retry_count", .int(0)),
            ("post_webhook_retry_count", .int(0)),
            ("notifications", .object([])),
            ("media", .object([("size_limit_mb", .int(150)), ("compatibility_message", .string("Media messages are not supported by your client"))])),
            ("url", .string(url)),
            ("links", .object([
                ("channels", .string(url + "/Channels")),
                ("users", .string(url + "/Users")),
                ("roles", .string(url + "/Roles")),
                ("bindings", .string(url + "/Bindings")),
            ])),
        ])
    }
}
