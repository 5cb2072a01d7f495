public import struct Foundation.Date

/// `Configuration/Addresses` (`IG…`): an address of the contact center whose inbound messages open a conversation
/// when none is open for the customer.
public struct ConversationAddress: Sendable, Equatable {
    /// The `IG…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The channel: `sms`, `whatsapp`, `messenger`, `email`, …
    public var type: String
    /// The normalised address.
    public var address: String
    /// `friendly_name`.
    public var friendlyName: String?
    /// `auto_creation.enabled`.
    public var autoCreationEnabled: Bool
    /// `auto_creation.type`: `webhook`, `studio` or `default`.
    public var autoCreationType: String
    /// `auto_creation.conversation_service_sid`.
    public var conversationServiceSid: String?
    /// `auto_creation.webhook_url`.
    public var webhookURL: String?
    /// `auto_creation.webhook_method`.
    public var webhookMethod: String?
    /// `auto_creation.webhook_filters`.
    public var webhookFilters: [String]
    /// `auto_creation.studio_flow_sid`.
    public var studioFlowSid: String?
    /// `auto_creation.studio_retry_count`.
    public var studioRetryCount: Int?
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates an address configuration value.
    public init(
        sid: String, accountSid: String, type: String, address: String, friendlyName: String?, autoCreationEnabled: Bool,
        autoCreationType: String, conversationServiceSid: String? = nil, webhookURL: String? = nil, webhookMethod: String? = nil,
        webhookFilters: [String] = [], studioFlowSid: String? = nil, studioRetryCount: Int? = nil, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.type = type
        self.address = address
        self.friendlyName = friendlyName
        self.autoCreationEnabled = autoCreationEnabled
        self.autoCreationType = autoCreationType
        self.conversationServiceSid = conversationServiceSid
        self.webhookURL = webhookURL
        self.webhookMethod = webhookMethod
        self.webhookFilters = webhookFilters
        self.studioFlowSid = studioFlowSid
        self.studioRetryCount = studioRetryCount
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// What a client sends to create or update an address configuration.
public struct ConversationAddressChanges: Sendable, Equatable {
    /// `Type`.
    public var type: String?
    /// `Address`.
    public var address: String?
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `AutoCreation.Enabled`.
    public var autoCreationEnabled: Bool?
    /// `AutoCreation.Type`.
    public var autoCreationType: String?
    /// `AutoCreation.ConversationServiceSid`.
    public var conversationServiceSid: String?
    /// `AutoCreation.WebhookUrl`.
    public var webhookURL: String?
    /// `AutoCreation.WebhookMethod`.
    public var webhookMethod: String?
    /// `AutoCreation.WebhookFilters`.
    public var webhookFilters: [String]?
    /// `AutoCreation.StudioFlowSid`.
    public var studioFlowSid: String?
    /// `AutoCreation.StudioRetryCount`.
    public var studioRetryCount: Int?

    /// Creates empty changes.
    public init() {}
}

/// Twilio's rules for address configurations.
public enum ConversationAddressRules {
    /// The channels an address configuration may name.
    public static let types: [String] = ["sms", "whatsapp", "messenger", "gbm", "email", "rcs", "apple", "chat"]
    /// The kinds of auto-creation.
    public static let autoCreationTypes: [String] = ["webhook", "studio", "default"]

    /// Validates a new configuration; the address is normalised for its channel so inbound messages find it.
    public static func create(_ changes: ConversationAddressChanges, sid: String, accountSid: String, now: Date) throws(TwilioError) -> ConversationAddress {
        guard let type = changes.type else { throw .missingParameter("Type") }
        guard types.contains(type) else { throw .invalidParameter("Type must be one of \(types.joined(separator: ", "))") }
        guard let raw = changes.address, !raw.isEmpty else { throw .missingParameter("Address") }
        let address = DeliveryChannel(rawValue: type).flatMap { try? DeliveryAddress(raw, channel: $0).value } ?? raw
        var configuration = ConversationAddress(
            sid: sid, accountSid: accountSid, type: type, address: address, friendlyName: nil, autoCreationEnabled: false,
            autoCreationType: "default", dateCreated: now, dateUpdated: now)
        try apply(changes, to: &configuration)
        return configuration
    }

    /// Applies an update; `Type` and `Address` are fixed once created.
    public static func update(_ configuration: ConversationAddress, with changes: ConversationAddressChanges, now: Date) throws(TwilioError) -> ConversationAddress {
        var updated = configuration
        try apply(changes, to: &updated)
        updated.dateUpdated = now
        return updated
    }

    static func apply(_ changes: ConversationAddressChanges, to configuration: inout ConversationAddress) throws(TwilioError) {
        if let name = changes.friendlyName { configuration.friendlyName = name }
        if let enabled = changes.autoCreationEnabled { configuration.autoCreationEnabled = enabled }
        if let type = changes.autoCreationType {
            guard autoCreationTypes.contains(type) else { throw .invalidParameter("AutoCreation.Type must be one of webhook, studio, default") }
            configuration.autoCreationType = type
        }
        if let sid = changes.conversationServiceSid { configuration.conversationServiceSid = sid }
        if let url = changes.webhookURL {
            guard MessageRules.isWebURL(url) else { throw .invalidParameter("AutoCreation.WebhookUrl must be an http or https URL") }
            configuration.webhookURL = url
        }
        if let method = changes.webhookMethod {
            guard ["get", "post"].contains(method.lowercased()) else { throw .invalidParameter("AutoCreation.WebhookMethod must be GET or POST") }
            configuration.webhookMethod = method.uppercased()
        }
        if let filters = changes.webhookFilters { configuration.webhookFilters = filters }
        if let sid = changes.studioFlowSid { configuration.studioFlowSid = sid }
        if let count = changes.studioRetryCount { configuration.studioRetryCount = count }
    }
}
