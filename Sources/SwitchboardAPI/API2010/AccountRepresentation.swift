import SwitchboardCore

/// The JSON of an account, with exactly the properties of `api.v2010.account`.
enum AccountRepresentation {
    static let subresources = [
        "available_phone_numbers": "AvailablePhoneNumbers", "calls": "Calls", "conferences": "Conferences",
        "incoming_phone_numbers": "IncomingPhoneNumbers", "notifications": "Notifications",
        "outgoing_caller_ids": "OutgoingCallerIds", "recordings": "Recordings", "transcriptions": "Transcriptions",
        "addresses": "Addresses", "signing_keys": "SigningKeys", "connect_apps": "ConnectApps", "sip": "SIP",
        "authorized_connect_apps": "AuthorizedConnectApps", "usage": "Usage", "keys": "Keys",
        "applications": "Applications", "short_codes": "SMS/ShortCodes", "queues": "Queues", "messages": "Messages",
        "balance": "Balance",
    ]
    static let subresourceOrder = [
        "available_phone_numbers", "calls", "conferences", "incoming_phone_numbers", "notifications",
        "outgoing_caller_ids", "recordings", "transcriptions", "addresses", "signing_keys", "connect_apps", "sip",
        "authorized_connect_apps", "usage", "keys", "applications", "short_codes", "queues", "messages", "balance",
    ]

    static func json(_ account: Account) -> JSONValue {
        let root = "/2010-04-01/Accounts/\(account.sid)"
        return .object([
            ("auth_token", .string(account.authToken)),
            ("date_created", .string(WireDate.rfc2822(account.dateCreated))),
            ("date_updated", .string(WireDate.rfc2822(account.dateUpdated))),
            ("friendly_name", .string(account.friendlyName)),
            ("owner_account_sid", .string(account.ownerAccountSid)),
            ("sid", .string(account.sid)),
            ("status", .string(account.status.rawValue)),
            ("subresource_uris", .object(subresourceOrder.map { ($0, .string("\(root)/\(subresources[$0]!).json")) })),
            ("type", .string(account.type.rawValue)),
            ("uri", .string(root + ".json")),
        ])
    }
}
