public import struct Foundation.Date

/// A Programmable Chat Service: the container of a Flex Flow's users and channels.
public struct ChatService: Sendable, Equatable, Codable {
    /// The `IS…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The name given to the service.
    public var friendlyName: String
    /// Where every post-event webhook of the service goes, when set.
    public var postWebhookUrl: String?
    /// The post-event webhooks sent, such as `onMessageSent`; empty sends none.
    public var webhookFilters: [String]
    /// The role users get unless another is named; `nil` until the service's default roles exist.
    public var defaultServiceRoleSid: String?
    /// The role channel members and invitees get unless another is named.
    public var defaultChannelRoleSid: String?
    /// The role a channel's creator gets.
    public var defaultChannelCreatorRoleSid: String?
    /// When the service was created.
    public var dateCreated: Date
    /// When the service last changed.
    public var dateUpdated: Date

    /// Creates a service value.
    public init(sid: String, accountSid: String, friendlyName: String, postWebhookUrl: String? = nil, webhookFilters: [String] = [],
                dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.friendlyName = friendlyName
        self.postWebhookUrl = postWebhookUrl
        self.webhookFilters = webhookFilters
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
