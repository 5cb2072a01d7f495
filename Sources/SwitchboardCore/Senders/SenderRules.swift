public import Foundation

/// What a create or update of a sender asks for; `nil` leaves a property as it is.
public struct SenderChanges: Sendable {
    /// `Address`.
    public var address: String?
    /// `Channel`.
    public var channel: String?
    /// `Connector`.
    public var connector: String?
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `MessagesPerSecond`; an empty value removes the pace.
    public var messagesPerSecond: String?
    /// `Settings`, a JSON object.
    public var settings: String?

    /// No changes.
    public init() {}
}

/// How senders are created and changed.
public enum SenderRules {
    /// The fastest pace a sender may be given, well past any provider's.
    public static let maximumMessagesPerSecond = 10_000.0

    /// A new sender from `changes`; `seal` turns each secret setting into what is stored.
    public static func sender(
        _ changes: SenderChanges, sid: String, accountSid: String, seal: (String) -> String, now: Date
    ) throws(TwilioError) -> Sender {
        guard let connectorName = changes.connector, !connectorName.isEmpty else { throw .missingParameter("Connector") }
        let connector = try connectorKind(connectorName)
        let channel: DeliveryChannel
        if let name = changes.channel, !name.isEmpty {
            channel = try deliveryChannel(name, for: connector)
        } else if connector.channels.count == 1, let only = connector.channels.first {
            channel = only
        } else {
            throw .missingParameter("Channel")
        }
        guard let address = changes.address, !address.isEmpty else { throw .missingParameter("Address") }
        let schema = SenderSettingsSchema.of(connector)
        let (visible, sealed) = try schema.merge(try schema.parse(changes.settings ?? "{}"), seal: seal)
        return Sender(
            sid: sid, accountSid: accountSid, address: try normalised(address, channel: channel), channel: channel, connector: connector,
            friendlyName: changes.friendlyName, messagesPerSecond: try pace(changes.messagesPerSecond), settings: visible,
            sealedSecrets: sealed, dateCreated: now, dateUpdated: now)
    }

    /// `sender` with `changes` applied. Settings not given stay as they were, secrets included; `Connector` and
    /// `Channel` cannot change, since the settings and the address are theirs.
    public static func apply(
        _ changes: SenderChanges, to sender: Sender, seal: (String) -> String, now: Date
    ) throws(TwilioError) -> Sender {
        var sender = sender
        if let name = changes.connector, !name.isEmpty, try connectorKind(name) != sender.connector {
            throw .invalidParameter("Connector cannot be changed; delete the sender and create another")
        }
        if let name = changes.channel, !name.isEmpty, try deliveryChannel(name, for: sender.connector) != sender.channel {
            throw .invalidParameter("Channel cannot be changed; delete the sender and create another")
        }
        if let address = changes.address, !address.isEmpty { sender.address = try normalised(address, channel: sender.channel) }
        if let name = changes.friendlyName { sender.friendlyName = name.isEmpty ? nil : name }
        if let text = changes.messagesPerSecond { sender.messagesPerSecond = try pace(text) }
        if let text = changes.settings {
            let schema = SenderSettingsSchema.of(sender.connector)
            (sender.settings, sender.sealedSecrets) = try schema.merge(
                try schema.parse(text), visible: sender.settings, sealed: sender.sealedSecrets, seal: seal)
        }
        sender.dateUpdated = now
        return sender
    }

    /// 20409: the account already has a sender at this address.
    public static func addressTaken(_ address: String) -> TwilioError {
        TwilioError(code: 20409, message: "A sender with address \(address) already exists", httpStatus: 409)
    }

    static func connectorKind(_ name: String) throws(TwilioError) -> ConnectorKind {
        guard let kind = ConnectorKind(rawValue: name.lowercased()) else {
            throw .invalidParameter("Connector must be one of \(ConnectorKind.allCases.map(\.rawValue).joined(separator: ", ")); got '\(name)'")
        }
        return kind
    }

    static func deliveryChannel(_ name: String, for connector: ConnectorKind) throws(TwilioError) -> DeliveryChannel {
        guard let channel = DeliveryChannel(rawValue: name.lowercased()), connector.channels.contains(channel) else {
            let allowed = connector.channels.map(\.rawValue).sorted().joined(separator: ", ")
            throw .invalidParameter("Channel must be one of \(allowed) for the \(connector.rawValue) connector; got '\(name)'")
        }
        return channel
    }

    static func normalised(_ address: String, channel: DeliveryChannel) throws(TwilioError) -> String {
        do { return try DeliveryAddress(address, channel: channel).value } catch {
            throw .invalidParameter("Address '\(address)' is not a valid \(channel.rawValue) address")
        }
    }

    static func pace(_ text: String?) throws(TwilioError) -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let rate = Double(text), rate > 0, rate <= maximumMessagesPerSecond, rate.isFinite else {
            throw .invalidParameter("MessagesPerSecond must be a number above 0 and at most \(Int(maximumMessagesPerSecond)); got '\(text)'")
        }
        return rate
    }
}
