import SwitchboardCore

/// The JSON of a phone number: `api.v2010.account.incoming_phone_number`, every property present. What Switchboard
/// has no notion of (addresses, bundles, trunks, emergency calling, applications) is null.
enum IncomingPhoneNumberRepresentation {
    static func json(_ number: IncomingPhoneNumber) -> JSONValue {
        .object([
            ("account_sid", .string(number.accountSid)),
            ("address_sid", .null),
            ("address_requirements", .string("none")),
            ("api_version", .string("2010-04-01")),
            ("beta", .bool(false)),
            ("capabilities", .object([("fax", .bool(false)), ("mms", .bool(true)), ("sms", .bool(true)), ("voice", .bool(true))])),
            ("date_created", .string(WireDate.rfc2822(number.dateCreated))),
            ("date_updated", .string(WireDate.rfc2822(number.dateUpdated))),
            ("friendly_name", .string(number.friendlyName)),
            ("identity_sid", .null),
            ("phone_number", .string(number.phoneNumber)),
            ("origin", .string("twilio")),
            ("sid", .string(number.sid)),
            ("sms_application_sid", .null),
            ("sms_fallback_method", .string(number.smsFallbackMethod)),
            ("sms_fallback_url", .string(number.smsFallbackUrl)),
            ("sms_method", .string(number.smsMethod)),
            ("sms_url", .string(number.smsUrl)),
            ("status_callback", .string(number.statusCallback)),
            ("status_callback_method", .string(number.statusCallbackMethod)),
            ("trunk_sid", .null),
            ("uri", .string("/2010-04-01/Accounts/\(number.accountSid)/IncomingPhoneNumbers/\(number.sid).json")),
            ("voice_receive_mode", .string("voice")),
            ("voice_application_sid", .null),
            ("voice_caller_id_lookup", .bool(number.voiceCallerIdLookup)),
            ("voice_fallback_method", .string(number.voiceFallbackMethod)),
            ("voice_fallback_url", .string(number.voiceFallbackUrl)),
            ("voice_method", .string(number.voiceMethod)),
            ("voice_url", .string(number.voiceUrl)),
            ("emergency_status", .string("Inactive")),
            ("emergency_address_sid", .null),
            ("emergency_address_status", .string("unregistered")),
            ("bundle_sid", .null),
            ("status", .string("in-use")),
            ("type", .string("local")),
        ])
    }
}
