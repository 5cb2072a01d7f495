import Foundation
import SwitchboardCore
import SwitchboardDelivery

/// The JSON of a sender: its settings with every secret left out, and the URL to give the provider.
enum SenderRepresentation {
    static func json(_ sender: Sender, baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Senders/" + sender.sid
        return .object([
            ("sid", .string(sender.sid)),
            ("account_sid", .string(sender.accountSid)),
            ("address", .string(sender.address)),
            ("channel", .string(sender.channel.rawValue)),
            ("connector", .string(sender.connector.rawValue)),
            ("friendly_name", .string(sender.friendlyName)),
            ("messages_per_second", sender.messagesPerSecond.map(JSONValue.number) ?? .null),
            ("settings", .object(sender.settings.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("inbound_url", .string(SenderDirectory.inboundURL(base: baseURL, senderSid: sender.sid))),
            ("health", .object([
                ("sent_count", .int(sender.health.sentCount)),
                ("failed_count", .int(sender.health.failedCount)),
                ("last_failure_at", .string(sender.health.lastFailureAt.map(WireDate.iso8601))),
                ("last_error", .string(sender.health.lastError)),
            ])),
            ("date_created", .string(WireDate.iso8601(sender.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(sender.dateUpdated))),
            ("url", .string(url)),
        ])
    }
}
