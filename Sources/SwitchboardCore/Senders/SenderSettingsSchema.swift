/// The `Settings` keys a connector kind understands: which are secrets (write-only, sealed at rest), which must
/// be given, and which must be URLs. Declared once, so validation, redaction and sealing agree.
public struct SenderSettingsSchema: Sendable {
    /// Keys whose values are shown in responses.
    public let visible: Set<String>
    /// Keys whose values are never shown, logged or stored in the clear.
    public let secret: Set<String>
    /// Keys that must be present, each group satisfied by any one of its keys (an auth token, or an API key).
    public let required: [[String]]
    /// Keys whose values must be absolute http(s) URLs.
    public let urls: Set<String>
    /// Keys whose values must be whole numbers.
    public let integers: Set<String>
    /// Keys that are given together or not at all, such as an API key's SID and its secret.
    public let together: [[String]]

    /// Every key the kind understands.
    public var known: Set<String> { visible.union(secret) }

    /// The schema of `kind`.
    public static func of(_ kind: ConnectorKind) -> SenderSettingsSchema {
        switch kind {
        case .twilio:
            SenderSettingsSchema(
                visible: ["base_url", "account_sid", "api_key_sid"], secret: ["auth_token", "api_key_secret"],
                required: [["account_sid"], ["auth_token", "api_key_secret"]], urls: ["base_url"], integers: [],
                together: [["api_key_sid", "api_key_secret"]])
        case .whatsappCloud:
            SenderSettingsSchema(
                visible: ["graph_url", "api_version", "phone_number_id", "waba_id"], secret: ["access_token", "app_secret", "verify_token"],
                required: [["phone_number_id"], ["access_token"], ["app_secret"], ["verify_token"]], urls: ["graph_url"], integers: [], together: [])
        case .messenger:
            SenderSettingsSchema(
                visible: ["graph_url", "api_version", "page_id"], secret: ["page_access_token", "app_secret", "verify_token"],
                required: [["page_id"], ["page_access_token"], ["app_secret"], ["verify_token"]], urls: ["graph_url"], integers: [], together: [])
        case .smtp:
            SenderSettingsSchema(
                visible: ["host", "port", "username", "starttls", "ca_file", "from_name"], secret: ["password"],
                required: [["host"]], urls: [], integers: ["port"], together: [])
        case .smpp:
            SenderSettingsSchema(
                visible: ["host", "port", "system_id", "system_type", "window", "source_ton", "source_npi"], secret: ["password"],
                required: [["host"], ["port"], ["system_id"], ["password"]], urls: [], integers: ["port", "window", "source_ton", "source_npi"], together: [])
        }
    }
}
