public import struct Foundation.Date

/// Where a conversation's events are posted: the account's `Configuration/Webhooks`, or a conversation-scoped
/// webhook (`WH…`). Both are delivered through the outbox, signed with the account's credentials.
public struct ConversationWebhook: Sendable, Equatable {
    /// The `WH…` SID of a conversation-scoped webhook; the account SID for the account's configuration.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The conversation a scoped webhook belongs to; `nil` for the account's configuration.
    public var conversationSid: String?
    /// `target`: `webhook` (or `flex`, `trigger`, `studio`).
    public var target: String
    /// The post-event URL (`configuration.url`, `post_webhook_url`).
    public var url: String?
    /// The pre-event URL, account configuration only. Switchboard delivers pre-events after the fact, like post-events,
    /// since the outbox cannot hold a change for an answer.
    public var preURL: String?
    /// `GET` or `POST`.
    public var method: String
    /// The events sent, such as `onMessageAdded`; pre-events (`onMessageAdd`) go to `preURL`.
    public var filters: [String]
    /// `configuration.triggers`, for `trigger` targets.
    public var triggers: [String]
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a webhook value.
    public init(
        sid: String, accountSid: String, conversationSid: String?, target: String, url: String?, preURL: String?, method: String,
        filters: [String], triggers: [String] = [], dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.conversationSid = conversationSid
        self.target = target
        self.url = url
        self.preURL = preURL
        self.method = method
        self.filters = filters
        self.triggers = triggers
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The URL an event goes to, if this webhook takes it: post-events (`onMessageAdded`) to `url`, pre-events
    /// (`onMessageAdd`) to `preURL`.
    public func url(for event: String) -> String? {
        guard filters.contains(event) else { return nil }
        let isPostEvent = event.hasSuffix("ed")
        return (isPostEvent ? url : preURL).flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Twilio's rules for conversation webhooks.
public enum ConversationWebhookRules {
    /// The events Conversations reports.
    public static let events: Set<String> = [
        "onMessageAdd", "onMessageAdded", "onMessageUpdate", "onMessageUpdated", "onMessageRemove", "onMessageRemoved",
        "onConversationAdd", "onConversationAdded", "onConversationUpdate", "onConversationUpdated", "onConversationRemove",
        "onConversationRemoved", "onConversationStateUpdated", "onParticipantAdd", "onParticipantAdded", "onParticipantUpdate",
        "onParticipantUpdated", "onParticipantRemove", "onParticipantRemoved", "onDeliveryUpdated", "onUserAdded", "onUserUpdated",
    ]

    /// Validates filters, URL and method.
    public static func check(url: String?, method: String?, filters: [String], parameterPrefix: String) throws(TwilioError) -> String {
        if let url, !url.isEmpty, !MessageRules.isWebURL(url) { throw .invalidParameter("\(parameterPrefix)Url must be an http or https URL") }
        for filter in filters where !events.contains(filter) { throw .invalidParameter("\(parameterPrefix)Filters has an unknown event \(filter)") }
        let method = (method ?? "POST").uppercased()
        guard method == "POST" || method == "GET" else { throw .invalidParameter("\(parameterPrefix)Method must be GET or POST") }
        return method
    }
}
