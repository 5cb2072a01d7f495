public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Programmable Chat's post-event webhooks (`onMessageSent`, `onChannelUpdated`, …), queued in the outbox in the
/// transaction of the change, to the service's `PostWebhookUrl` when its `WebhookFilters` include the event, and to
/// the channel's own Webhooks.
public enum ChatEvents {
    /// Queues `eventType` about `channel` (and `message`, for message events) to the service's post-event webhook
    /// and to each of the channel's webhooks that fires on it.
    public static func record(
        _ eventType: String, channel: ChatChannel, message: ChatMessage? = nil, storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws {
        var targets: [(url: String, method: String)] = []
        if let service = try await storage.chatServices.find(sid: channel.serviceSid, accountSid: channel.accountSid),
           let url = service.postWebhookUrl, !url.isEmpty,
           service.webhookFilters.isEmpty || service.webhookFilters.contains(eventType) {
            targets.append((url, "POST"))
        }
        for webhook in try await storage.chatWebhooks.all(channelSid: channel.sid) where webhook.fires(on: eventType, body: message?.body) {
            if let url = webhook.url { targets.append((url, webhook.method)) }
        }
        guard !targets.isEmpty else { return }
        var pairs = [FormPair("EventType", eventType), FormPair("AccountSid", channel.accountSid), FormPair("InstanceSid", channel.serviceSid),
                     FormPair("ChannelSid", channel.sid), FormPair("Attributes", message?.attributes ?? channel.attributes),
                     FormPair("Source", "SDK")]
        if let message {
            pairs += [FormPair("MessageSid", message.sid), FormPair("Body", message.body), FormPair("From", message.from),
                      FormPair("Index", String(message.index)), FormPair("DateCreated", message.dateCreated.formatted(.iso8601))]
        } else {
            pairs += [FormPair("UniqueName", channel.uniqueName ?? ""), FormPair("FriendlyName", channel.friendlyName ?? ""),
                      FormPair("ChannelType", channel.type), FormPair("CreatedBy", channel.createdBy)]
        }
        for target in targets {
            try await storage.outbox.enqueue(.due(.webhook(WebhookCall(url: target.url, method: target.method, body: .form(pairs), purpose: "chat-event")),
                                                  sid: sids.make(.outboxEntry), accountSid: channel.accountSid, now: now))
        }
    }
}
