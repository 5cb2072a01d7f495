public import Foundation

/// The account's Conversations `Configuration`: which service the top-level `/v1/…` routes act on, and the
/// defaults new conversations start with.
public struct ConversationAccountConfiguration: Sendable, Equatable, Codable {
    /// The owning account.
    public var accountSid: String
    /// `default_chat_service_sid`: the service the account-level routes act on, and where conversations without
    /// a stored service live.
    public var defaultChatServiceSid: String
    /// `default_messaging_service_sid`, kept as given: Switchboard sends through its own connectors.
    public var defaultMessagingServiceSid: String?
    /// `default_inactive_timer`, an ISO 8601 duration that new conversations without `Timers.Inactive` start with.
    public var defaultInactiveTimer: String?
    /// `default_closed_timer`, an ISO 8601 duration that new conversations without `Timers.Closed` start with.
    public var defaultClosedTimer: String?

    /// Creates a configuration value.
    public init(accountSid: String, defaultChatServiceSid: String, defaultMessagingServiceSid: String? = nil,
                defaultInactiveTimer: String? = nil, defaultClosedTimer: String? = nil) {
        self.accountSid = accountSid
        self.defaultChatServiceSid = defaultChatServiceSid
        self.defaultMessagingServiceSid = defaultMessagingServiceSid
        self.defaultInactiveTimer = defaultInactiveTimer
        self.defaultClosedTimer = defaultClosedTimer
    }
}

/// One push notification a service may send: whether it is on, its text template and its sound.
public struct ConversationNotificationSetting: Sendable, Equatable, Codable {
    /// `enabled`; off until turned on.
    public var enabled: Bool
    /// `template`, the text shown, as given.
    public var template: String?
    /// `sound`, the sound played, as given.
    public var sound: String?

    /// Creates a setting, off by default.
    public init(enabled: Bool = false, template: String? = nil, sound: String? = nil) {
        self.enabled = enabled
        self.template = template
        self.sound = sound
    }
}

/// A Conversations service's settings: `Configuration` (reachability; its default roles are the Chat service's),
/// `Configuration/Notifications` and `Configuration/Webhooks`, kept together as they live and die with the service.
public struct ConversationServiceConfiguration: Sendable, Equatable, Codable {
    /// The owning account.
    public var accountSid: String
    /// The `IS…` service.
    public var chatServiceSid: String
    /// `reachability_enabled`; `false` until set.
    public var reachabilityEnabled: Bool
    /// `log_enabled` of the notifications.
    public var notificationLogEnabled: Bool
    /// `new_message`.
    public var newMessage: ConversationNotificationSetting
    /// `new_message.badge_count_enabled`.
    public var newMessageBadgeCountEnabled: Bool
    /// `new_message.with_media`: the notification of a message with attachments (its sound is the message's).
    public var newMessageWithMedia: ConversationNotificationSetting
    /// `added_to_conversation`.
    public var addedToConversation: ConversationNotificationSetting
    /// `removed_from_conversation`.
    public var removedFromConversation: ConversationNotificationSetting
    /// `pre_webhook_url` of the service's webhooks.
    public var preWebhookUrl: String?
    /// `post_webhook_url` of the service's webhooks.
    public var postWebhookUrl: String?
    /// `filters`: the events the service's webhooks hear of.
    public var webhookFilters: [String]
    /// `method`: `POST` unless set to `GET`.
    public var webhookMethod: String

    /// The settings of a service nobody configured yet: Twilio's defaults.
    public init(accountSid: String, chatServiceSid: String) {
        self.accountSid = accountSid
        self.chatServiceSid = chatServiceSid
        reachabilityEnabled = false
        notificationLogEnabled = false
        newMessage = ConversationNotificationSetting()
        newMessageBadgeCountEnabled = false
        newMessageWithMedia = ConversationNotificationSetting()
        addedToConversation = ConversationNotificationSetting()
        removedFromConversation = ConversationNotificationSetting()
        preWebhookUrl = nil
        postWebhookUrl = nil
        webhookFilters = []
        webhookMethod = "POST"
    }
}
