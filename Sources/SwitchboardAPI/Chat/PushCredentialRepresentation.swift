import SwitchboardCore

/// The JSON of a push credential, with the properties of `chat.v2.credential` and `conversations.v1.credential`
/// (the same ones): never a secret.
enum PushCredentialRepresentation {
    static func json(_ credential: PushCredential, url: String) -> JSONValue {
        .object([
            ("sid", .string(credential.sid)),
            ("account_sid", .string(credential.accountSid)),
            ("friendly_name", .string(credential.friendlyName)),
            ("type", .string(credential.type)),
            // The spec types the flag as text; only APN has a sandbox, so other types answer null.
            ("sandbox", .string(credential.type == "apn" ? (credential.sandbox ? "True" : "False") : nil)),
            ("date_created", .string(WireDate.iso8601(credential.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(credential.dateUpdated))),
            ("url", .string(url)),
        ])
    }
}
