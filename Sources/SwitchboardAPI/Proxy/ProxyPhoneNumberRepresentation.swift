import SwitchboardCore

/// The JSON of a pool number, with the properties of `proxy.v1.service.phone_number`.
enum ProxyPhoneNumberRepresentation {
    static func json(_ number: ProxyPhoneNumber, inUse: Int, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(number.sid)),
            ("account_sid", .string(number.accountSid)),
            ("service_sid", .string(number.serviceSid)),
            ("date_created", .string(WireDate.iso8601(number.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(number.dateUpdated))),
            ("phone_number", .string(number.phoneNumber)),
            ("friendly_name", .string(number.phoneNumber)),
            ("iso_country", .null),
            ("capabilities", .object([("sms_outbound", .bool(true)), ("voice_inbound", .bool(false))])),
            ("url", .string(ProxyScope.serviceURL(number.serviceSid, baseURL: baseURL) + "/PhoneNumbers/" + number.sid)),
            ("is_reserved", .bool(number.isReserved)),
            ("in_use", .int(inUse)),
        ])
    }
}
