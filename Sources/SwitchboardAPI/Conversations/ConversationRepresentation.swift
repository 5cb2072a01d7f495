import Foundation
import SwitchboardCore

/// The JSON of Conversations resources: `conversations.v1.conversation`, `…conversation_participant`,
/// `…conversation_message`, `conversations.v1.participant_conversation`.
enum ConversationRepresentation {
    static func json(_ conversation: Conversation, baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Conversations/" + conversation.sid
        return .object([
            ("account_sid", .string(conversation.accountSid)),
            ("chat_service_sid", .null),
            ("messaging_service_sid", .null),
            ("sid", .string(conversation.sid)),
            ("friendly_name", .string(conversation.friendlyName)),
            ("unique_name", .string(conversation.uniqueName)),
            ("attributes", .string(conversation.attributes)),
            ("state", .string(conversation.state.rawValue)),
            ("date_created", .string(WireDate.iso8601(conversation.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(conversation.dateUpdated))),
            ("timers", timers(conversation)),
            ("url", .string(url)),
            ("links", .object([
                ("participants", .string(url + "/Participants")),
                ("messages", .string(url + "/Messages")),
                ("webhooks", .string(url + "/Webhooks")),
            ])),
            ("bindings", .null),
        ])
    }

    static func timers(_ conversation: Conversation) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let inactive = conversation.dateInactive { members.append(("date_inactive", .string(WireDate.iso8601(inactive)))) }
        if let closed = conversation.dateClosed { members.append(("date_closed", .string(WireDate.iso8601(closed)))) }
        return .object(members)
    }

    /// A participant. A binding on WhatsApp or Messenger shows `window_closes_at`, when free text stops being
    /// deliverable (`null` until the customer has written): clients can tell before sending whether a template is needed.
    static func participant(_ participant: ConversationParticipant, window: MessagingWindow, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(participant.accountSid)),
            ("conversation_sid", .string(participant.conversationSid)),
            ("sid", .string(participant.sid)),
            ("identity", .string(participant.identity)),
            ("attributes", .string(participant.attributes)),
            ("messaging_binding", binding(participant, window: window)),
            ("role_sid", .null),
            ("date_created", .string(WireDate.iso8601(participant.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(participant.dateUpdated))),
            ("url", .string(baseURL + "/v1/Conversations/" + participant.conversationSid + "/Participants/" + participant.sid)),
            ("last_read_message_index", .null),
            ("last_read_timestamp", .null),
        ])
    }

    static func binding(_ participant: ConversationParticipant, window: MessagingWindow) -> JSONValue {
        guard let binding = participant.binding, binding.channel != .chat else { return .null }
        var members: [(String, JSONValue)] = [
            ("type", .string(binding.channel.rawValue)),
            ("address", .string(binding.address)),
            ("proxy_address", .string(binding.proxyAddress)),
        ]
        if MessagingWindow.channels.contains(binding.channel) {
            let closes = window.closesAt(channel: binding.channel, lastInbound: participant.lastInboundAt)
            members.append(("window_closes_at", .string(closes.map(WireDate.iso8601))))
        }
        return .object(members)
    }

    static func message(_ message: ConversationMessage, deliveries: [Message], baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Conversations/" + message.conversationSid + "/Messages/" + message.sid
        var delivery: JSONValue = .null
        if !deliveries.isEmpty {
            let tally = DeliveryTally.of(deliveries.map(\.status))
            delivery = .object([
                ("total", .int(tally.total)),
                ("sent", .string(tally.word(tally.sent))),
                ("delivered", .string(tally.word(tally.delivered))),
                ("read", .string(tally.word(tally.read))),
                ("failed", .string(tally.word(tally.failed))),
                ("undelivered", .string(tally.word(tally.undelivered))),
            ])
        }
        return .object([
            ("account_sid", .string(message.accountSid)),
            ("conversation_sid", .string(message.conversationSid)),
            ("sid", .string(message.sid)),
            ("index", .int(message.index)),
            ("author", .string(message.author)),
            ("body", .string(message.body)),
            ("media", .null),
            ("attributes", .string(message.attributes)),
            ("participant_sid", .string(message.participantSid)),
            ("date_created", .string(WireDate.iso8601(message.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(message.dateUpdated))),
            ("url", .string(url)),
            ("delivery", delivery),
            ("links", .object([
                ("delivery_receipts", .string(url + "/Receipts")),
                ("channel_metadata", .string(url + "/ChannelMetadata")),
            ])),
            ("content_sid", .string(message.contentSid)),
        ])
    }

    /// A delivery receipt (`conversations.v1.conversation.conversation_message.conversation_message_receipt`):
    /// one channel message sent for a conversation message.
    static func receipt(_ delivery: Message, message: ConversationMessage, participantSid: String?, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(delivery.accountSid)),
            ("conversation_sid", .string(message.conversationSid)),
            ("sid", .string(receiptSid(of: delivery))),
            ("message_sid", .string(message.sid)),
            ("channel_message_sid", .string(delivery.sid)),
            ("participant_sid", .string(participantSid)),
            ("status", .string(receiptStatus(delivery.status))),
            ("error_code", .int(delivery.errorCode ?? 0)),
            ("date_created", .string(WireDate.iso8601(delivery.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(delivery.dateUpdated))),
            ("url", .string(baseURL + "/v1/Conversations/" + message.conversationSid + "/Messages/" + message.sid + "/Receipts/" + receiptSid(of: delivery))),
        ])
    }

    /// A receipt's `DY…` SID: the channel message's SID under the receipt prefix, so a receipt needs no row of its own.
    static func receiptSid(of delivery: Message) -> String { "DY" + delivery.sid.dropFirst(2) }

    /// Receipts exist from `sent` on; a message still on its way reads as `sent`, as Twilio's enum has no earlier state.
    static func receiptStatus(_ status: MessageStatus) -> String {
        switch status {
        case .delivered, .read, .failed, .undelivered: status.rawValue
        default: "sent"
        }
    }
}
