import SwitchboardCore

/// The JSON of a Proxy Service, with the properties of `proxy.v1.service`.
enum ProxyServiceRepresentation {
    static func json(_ service: ProxyService, baseURL: String) -> JSONValue {
        let url = ProxyScope.serviceURL(service.sid, baseURL: baseURL)
        return .object([
            ("sid", .string(service.sid)),
            ("unique_name", .string(service.uniqueName)),
            ("account_sid", .string(service.accountSid)),
            ("chat_instance_sid", .string(service.chatInstanceSid)),
            ("callback_url", .string(service.callbackUrl)),
            ("default_ttl", .int(service.defaultTtl)),
            ("number_selection_behavior", .string(service.numberSelectionBehavior)),
            ("geo_match_level", .string(service.geoMatchLevel)),
            ("intercept_callback_url", .string(service.interceptCallbackUrl)),
            ("out_of_session_callback_url", .string(service.outOfSessionCallbackUrl)),
            ("date_created", .string(WireDate.iso8601(service.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(service.dateUpdated))),
            ("url", .string(url)),
            ("links", .object([
                ("sessions", .string(url + "/Sessions")),
                ("phone_numbers", .string(url + "/PhoneNumbers")),
                ("short_codes", .string(url + "/ShortCodes")),
            ])),
        ])
    }
}
