public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Conversations' webhooks: each event is posted to the account's `Configuration/Webhooks`, to its service's
/// `Configuration/Webhooks` and to the conversation's scoped webhooks that filter for it, as outbox entries in the transaction of the change, so an
/// event is sent exactly when its change commits, and signed by the dispatcher as Twilio signs them.
public struct ConversationEvents: Sendable {
    let session: any StorageSession
    let sids: any SidGenerator
    let now: Date

    /// Creates an event log for one transaction.
    public init(session: any StorageSession, sids: any SidGenerator, now: Date) {
        self.session = session
        self.sids = sids
        self.now = now
    }

    /// Queues `event` (`onMessageAdded`, …) about `conversation` with its parameters, after `EventType`,
    /// `AccountSid`, `ChatServiceSid`, `ConversationSid` and `Source`, to the account's, the service's and the
    /// conversation's webhooks that filter for it.
    public func record(_ event: String, conversation: Conversation, source: String = "API", parameters: [(String, String)]) async throws {
        var targets: [ConversationWebhook] = []
        if let account = try await session.conversationConfiguration.accountWebhook(accountSid: conversation.accountSid) {
            targets.append(account)
        }
        let serviceSid = try await serviceSid(of: conversation)
        if let serviceSid, let service = try await serviceWebhook(serviceSid: serviceSid, accountSid: conversation.accountSid) { targets.append(service) }
        targets += try await session.conversationConfiguration.webhooks(conversationSid: conversation.sid, accountSid: conversation.accountSid)
        var pairs = [("EventType", event), ("AccountSid", conversation.accountSid)]
        if let serviceSid { pairs.append(("ChatServiceSid", serviceSid)) }
        pairs += [("ConversationSid", conversation.sid), ("Source", source), ("RetryCount", "0")] + parameters
        for webhook in targets where webhook.target == "webhook" {
            guard let url = webhook.url(for: event) else { continue }
            try await session.outbox.enqueue(.due(
                .webhook(WebhookCall(url: url, method: webhook.method, body: .form(pairs.map { FormPair($0.0, $0.1) }),
                                     purpose: "conversations-event")),
                sid: sids.make(.outboxEntry), accountSid: conversation.accountSid, now: now))
        }
    }

    /// The conversation's service: the one it names, else the account's default (`nil` only for an account whose
    /// Conversations were never configured, whose conversations all came from paths that know nothing of services).
    func serviceSid(of conversation: Conversation) async throws -> String? {
        if let stored = conversation.chatServiceSid { return stored }
        return try await session.conversationConfiguration.accountConfiguration(accountSid: conversation.accountSid)?.defaultChatServiceSid
    }

    /// The service's `Configuration/Webhooks`, if set.
    func serviceWebhook(serviceSid: String, accountSid: String) async throws -> ConversationWebhook? {
        guard let configuration = try await session.conversationConfiguration.serviceConfiguration(serviceSid: serviceSid),
              configuration.preWebhookUrl != nil || configuration.postWebhookUrl != nil
        else { return nil }
        return ConversationWebhook(
            sid: serviceSid, accountSid: accountSid, conversationSid: nil, target: "webhook", url: configuration.postWebhookUrl,
            preURL: configuration.preWebhookUrl, method: configuration.webhookMethod, filters: configuration.webhookFilters,
            dateCreated: now, dateUpdated: now)
    }

    /// The parameters Twilio sends about a message.
    public static func messageParameters(_ message: ConversationMessage) -> [(String, String)] {
        var pairs = [("MessageSid", message.sid), ("Index", String(message.index)), ("Author", message.author),
                     ("Body", message.body ?? ""), ("Attributes", message.attributes),
                     ("DateCreated", iso8601(message.dateCreated))]
        if let participant = message.participantSid { pairs.append(("ParticipantSid", participant)) }
        if let content = message.contentSid { pairs.append(("ContentSid", content)) }
        return pairs
    }

    /// The parameters Twilio sends about a conversation.
    public static func conversationParameters(_ conversation: Conversation) -> [(String, String)] {
        var pairs = [("FriendlyName", conversation.friendlyName ?? ""), ("Attributes", conversation.attributes),
                     ("State", conversation.state.rawValue), ("DateCreated", iso8601(conversation.dateCreated)),
                     ("DateUpdated", iso8601(conversation.dateUpdated))]
        if let unique = conversation.uniqueName { pairs.append(("UniqueName", unique)) }
        return pairs
    }

    /// The parameters Twilio sends about a participant.
    public static func participantParameters(_ participant: ConversationParticipant) -> [(String, String)] {
        var pairs = [("ParticipantSid", participant.sid), ("Attributes", participant.attributes),
                     ("DateCreated", iso8601(participant.dateCreated))]
        if let identity = participant.identity { pairs.append(("Identity", identity)) }
        if let binding = participant.binding, binding.channel != .chat {
            pairs += [("MessagingBinding.Type", binding.channel.rawValue), ("MessagingBinding.Address", binding.address),
                      ("MessagingBinding.ProxyAddress", binding.proxyAddress)]
        }
        return pairs
    }

    /// `2016-08-01T22:10:40Z`. A format style, not an `ISO8601DateFormatter`: making a formatter for each event
    /// cost more than the rest of the event, inside the unit of work that records it.
    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
