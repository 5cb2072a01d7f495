import SwitchboardCore

/// The JSON of an API key: `api.v2010.account.key`, plus `secret` right after creation (`new_key`).
enum KeyRepresentation {
    static func json(_ key: ApiKey, secret: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("sid", .string(key.sid)),
            ("friendly_name", .string(key.friendlyName)),
            ("date_created", .string(WireDate.rfc2822(key.dateCreated))),
            ("date_updated", .string(WireDate.rfc2822(key.dateUpdated))),
        ]
        if let secret { members.append(("secret", .string(secret))) }
        return .object(members)
    }
}
