public import SwitchboardCore

/// A sender with its secrets opened, as a connector needs it to call the provider or check its signatures.
/// Lives only for one send or one inbound request; never stored or logged.
public struct ConfiguredSender: Sendable {
    /// The sender as stored.
    public var sender: Sender
    /// The opened secret settings, by key.
    public var secrets: [String: String]
    /// Where the provider posts inbound messages and receipts for this sender.
    public var inboundURL: String

    /// Creates the value.
    public init(sender: Sender, secrets: [String: String], inboundURL: String) {
        self.sender = sender
        self.secrets = secrets
        self.inboundURL = inboundURL
    }

    /// The value of setting `key`, secret or not; `nil` or empty when it was not given.
    public func setting(_ key: String) -> String? {
        sender.settings[key] ?? secrets[key]
    }
}

/// This description never shows the secrets, so a sender in a log line or an error leaks nothing.
extension ConfiguredSender: CustomStringConvertible, CustomDebugStringConvertible {
    /// The sender's SID, kind and address.
    public var description: String { "sender \(sender.sid) (\(sender.connector.rawValue) \(sender.address))" }
    /// The same as `description`.
    public var debugDescription: String { description }
}
