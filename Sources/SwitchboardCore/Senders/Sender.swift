public import Foundation

/// An address Switchboard sends from and receives on through a provider, such as `+18005555555` on Twilio or
/// `whatsapp:+18005555555` on the WhatsApp Cloud API. A message whose `From` is a sender's address leaves through
/// the sender's connector; any other goes to the sandbox.
public struct Sender: Sendable, Equatable, Codable {
    /// The `XE…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The normalised address, as messages carry it in `From`.
    public var address: String
    /// The channel the address is on.
    public var channel: DeliveryChannel
    /// The provider it delivers through.
    public var connector: ConnectorKind
    /// A name for people.
    public var friendlyName: String?
    /// The pace the dispatcher keeps across the sender's messages; `nil` for as fast as the provider takes them.
    public var messagesPerSecond: Double?
    /// The settings that may be shown, by key.
    public var settings: [String: String]
    /// The secret settings, each sealed by the server's ``SecretBox``; never shown.
    public var sealedSecrets: [String: String]
    /// How delivery through it has gone; kept apart from the rest, since every send changes it.
    public var health: SenderHealth
    /// When it was created.
    public var dateCreated: Date
    /// When it was last changed.
    public var dateUpdated: Date

    /// Creates a sender value.
    public init(
        sid: String, accountSid: String, address: String, channel: DeliveryChannel, connector: ConnectorKind,
        friendlyName: String?, messagesPerSecond: Double?, settings: [String: String], sealedSecrets: [String: String],
        health: SenderHealth = SenderHealth(), dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.address = address
        self.channel = channel
        self.connector = connector
        self.friendlyName = friendlyName
        self.messagesPerSecond = messagesPerSecond
        self.settings = settings
        self.sealedSecrets = sealedSecrets
        self.health = health
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    // The health lives in its own columns, so a send never rewrites (and never races) the configuration.
    enum CodingKeys: String, CodingKey {
        case sid, accountSid, address, channel, connector, friendlyName, messagesPerSecond, settings, sealedSecrets, dateCreated, dateUpdated
    }

    /// Decodes a stored sender, whose health the store fills in from its own columns.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sid = try container.decode(String.self, forKey: .sid)
        accountSid = try container.decode(String.self, forKey: .accountSid)
        address = try container.decode(String.self, forKey: .address)
        channel = try container.decode(DeliveryChannel.self, forKey: .channel)
        connector = try container.decode(ConnectorKind.self, forKey: .connector)
        friendlyName = try container.decodeIfPresent(String.self, forKey: .friendlyName)
        messagesPerSecond = try container.decodeIfPresent(Double.self, forKey: .messagesPerSecond)
        settings = try container.decode([String: String].self, forKey: .settings)
        sealedSecrets = try container.decode([String: String].self, forKey: .sealedSecrets)
        health = SenderHealth()
        dateCreated = try container.decode(Date.self, forKey: .dateCreated)
        dateUpdated = try container.decode(Date.self, forKey: .dateUpdated)
    }
}

/// How delivery through a sender has gone.
public struct SenderHealth: Sendable, Equatable {
    /// Messages the provider took.
    public var sentCount: Int
    /// Messages the provider refused or that could not be handed over.
    public var failedCount: Int
    /// When the last failure happened.
    public var lastFailureAt: Date?
    /// What the last failure was, with the provider's own code where it gave one.
    public var lastError: String?

    /// Creates a health record; a new sender has sent nothing and failed nothing.
    public init(sentCount: Int = 0, failedCount: Int = 0, lastFailureAt: Date? = nil, lastError: String? = nil) {
        self.sentCount = sentCount
        self.failedCount = failedCount
        self.lastFailureAt = lastFailureAt
        self.lastError = lastError
    }
}
