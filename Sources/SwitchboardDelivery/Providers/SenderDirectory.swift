public import Foundation
public import SwitchboardCore

/// The provider connectors by kind, and what turns a stored sender into one a connector can use: its secrets
/// opened and its inbound URL.
public struct SenderDirectory: Sendable {
    let connectors: [ConnectorKind: any ProviderConnector]
    let secretBox: SecretBox
    /// The root URL at which providers reach Switchboard's own API (`…/switchboard`), without a trailing slash.
    public let baseURL: String

    /// Creates the directory; `baseURL` is the externally visible root of Switchboard's own API domain.
    public init(_ connectors: [any ProviderConnector], secretBox: SecretBox, baseURL: String) {
        self.connectors = Dictionary(connectors.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.secretBox = secretBox
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// The connector for senders of `kind`, if this build has one.
    public func connector(for kind: ConnectorKind) -> (any ProviderConnector)? {
        connectors[kind]
    }

    /// Where providers post for the sender `sid`, under `base` (the `switchboard` domain's root URL).
    public static func inboundURL(base: String, senderSid: String) -> String {
        base + "/v1/Senders/" + senderSid + "/Inbound"
    }

    /// The sender with its secrets opened; throws when a secret was sealed under another key than this server's.
    public func configure(_ sender: Sender) throws(SenderSecretsUnreadable) -> ConfiguredSender {
        var secrets: [String: String] = [:]
        for (key, sealed) in sender.sealedSecrets {
            guard let secret = secretBox.open(sealed) else { throw SenderSecretsUnreadable(senderSid: sender.sid, key: key) }
            secrets[key] = secret
        }
        return ConfiguredSender(
            sender: sender, secrets: secrets,
            inboundURL: Self.inboundURL(base: baseURL, senderSid: sender.sid))
    }
}

/// A sender's secret could not be opened: it was sealed under another `SWITCHBOARD_SECRET_KEY`.
public struct SenderSecretsUnreadable: Error, Sendable, CustomStringConvertible {
    /// The sender.
    public var senderSid: String
    /// The setting that could not be opened.
    public var key: String

    /// One line for the operator, naming the setting but never its value.
    public var description: String {
        "the setting \(key) of sender \(senderSid) was sealed under another secret key than this server's; set it again"
    }
}
