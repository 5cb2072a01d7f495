/// A configured webhook URL split at `#` into the URL that is requested and signed, and its connection overrides.
public struct WebhookTarget: Sendable, Equatable {
    /// The URL to request: the configured one up to, not including, the first `#`.
    public let url: String
    /// The connection overrides read from the fragment; defaults when there is none.
    public let overrides: ConnectionOverrides

    /// Splits a configured URL.
    public init(_ configuredURL: String) {
        // A fragment never goes on the wire, which is why Twilio keeps the overrides there.
        if let hash = configuredURL.firstIndex(of: "#") {
            url = String(configuredURL[..<hash])
            overrides = ConnectionOverrides(fragment: String(configuredURL[configuredURL.index(after: hash)...]))
        } else {
            url = configuredURL
            overrides = ConnectionOverrides()
        }
    }
}
