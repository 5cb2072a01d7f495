public import SwitchboardCore

/// Webhooks of Programmable Chat Channels.
public protocol ChatWebhookRepository: Sendable {
    /// Stores a new webhook.
    func insert(_ webhook: ChatChannelWebhook) async throws
    /// The webhook with this SID on the channel.
    func find(sid: String, channelSid: String) async throws -> ChatChannelWebhook?
    /// Every webhook of the channel, oldest first: what an event is offered to.
    func all(channelSid: String) async throws -> [ChatChannelWebhook]
    /// The channel's webhooks, a page at a time.
    func list(channelSid: String, page: PageRequest) async throws -> Page<ChatChannelWebhook>
    /// Saves an existing webhook.
    func update(_ webhook: ChatChannelWebhook) async throws
    /// Removes the webhook; `false` when the channel has no such webhook.
    func delete(sid: String, channelSid: String) async throws -> Bool
}
