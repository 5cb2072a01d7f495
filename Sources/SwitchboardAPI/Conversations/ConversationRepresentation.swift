import Foundation
import SwitchboardCore

/// The JSON of Conversations resources: `conversations.v1.conversation`, `…conversation_participant`,
/// `…conversation_message`, `conversations.v1.participant_conversation`.
enum ConversationRepresentation {
    /// A conversation as the scope's routes show it: its service's SID, and URLs under the scope's root.
    static func json(_ conversation: Conversation, scope: ConversationServiceScope, baseURL: String) -> JSONValue {
        json(conversation, serviceSid: conversation.chatServiceSid ?? scope.sid, root: scope.root(baseURL: baseURL))
    }

    /// A conversation of the service `serviceSid`, its URL under `root` (`…/v1` or `…/v1/Services/IS…`).
    static func json(_ conversation: Conversation, serviceSid: String, root: String) -> JSONValue {
        let url = root + "/Conversations/" + conversation.sid
        return .object([
            ("account_sid", .string(conversation.accountSid)),
            ("chat_service_sid", .string(serviceSid)),
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

    /// The members every resource under a service path carries first: Twilio's service-scoped shapes add
    /// `chat_service_sid` after `account_sid`.
    static func owner(accountSid: String, scope: ConversationServiceScope?) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("account_sid", .string(accountSid))]
        if let scope, scope.isNamedByPath { members.append(("chat_service_sid", .string(scope.sid))) }
        return members
    }

    static func timers(_ conversation: Conversation) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let inactive = conversation.dateInactive { members.append(("date_inactive", .string(WireDate.iso8601(inactive)))) }
        if let closed = conversation.dateClosed { members.append(("date_closed", .string(WireDate.iso8601(closed)))) }
        return .object(members)
    }

    /// A participant. A binding on WhatsApp or Messenger shows `window_closes_at`, when free text stops being
    /// deliverable (`null` until the customer has written): clients can tell before sending whether a template is needed.
    static func participant(_ participant: ConversationParticipant, window: MessagingWindow, scope: ConversationServiceScope, baseURL: String) -> JSONValue {
        let url = scope.root(baseURL: baseURL) + "/Conversations/" + participant.conversationSid + "/Participants/" + participant.sid
        return .object(owner(accountSid: participant.accountSid, scope: scope) + [
            ("conversation_sid", .string(participant.conversationSid)),
            ("sid", .string(participant.sid)),
            ("identity", .string(participant.identity)),
            ("attributes", .string(participant.attributes)),
            ("messaging_binding", binding(participant, window: window)),
            ("role_sid", .null),
            ("date_created", .string(WireDate.iso8601(participant.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(participant.dateUpdated))),
            ("url", .string(url)),
            ("last_read_message_index", .int(participant.readState.lastReadMessageIndex)),
            ("last_read_timestamp", .string(participant.readState.lastReadTimestamp.map(WireDate.iso8601))),
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

    /// A message as the account-level routes show it, for callers outside a request's scope (the agent event stream).
    static func message(_ message: ConversationMessage, deliveries: [Message], baseURL: String) -> JSONValue {
        self.message(message, deliveries: deliveries, scope: nil, root: baseURL + "/v1")
    }

    /// A message, its URLs under `root`, with `chat_service_sid` when a service path named the scope.
    static func message(_ message: ConversationMessage, deliveries: [Message], scope: ConversationServiceScope?, root: String) -> JSONValue {
        let url = root + "/Conversations/" + message.conversationSid + "/Messages/" + message.sid
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
        return .object(owner(accountSid: message.accountSid, scope: scope) + [
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
    static func receipt(_ delivery: Message, message: ConversationMessage, participantSid: String?, scope: ConversationServiceScope, baseURL: String) -> JSONValue {
        let url = scope.root(baseURL: baseURL) + "/Conversations/" + message.conversationSid + "/Messages/" + message.sid + "/Receipts/" + receiptSid(of: delivery)
        return .object(owner(accountSid: delivery.accountSid, scope: scope) + [
            ("conversation_sid", .string(message.conversationSid)),
            ("sid", .string(receiptSid(of: delivery))),
            ("message_sid", .string(message.sid)),
            ("channel_message_sid", .string(delivery.sid)),
            ("participant_sid", .string(participantSid)),
            ("status", .string(receiptStatus(delivery.status))),
            ("error_code", .int(delivery.errorCode ?? 0)),
            ("date_created", .string(WireDate.iso8601(delivery.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(delivery.dateUpdated))),
            ("url", .string(url)),
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
