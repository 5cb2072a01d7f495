public import struct Foundation.Date

/// A webhook of one Programmable Chat Channel: where the channel's post-event webhooks go, with its filters.
public struct ChatChannelWebhook: Sendable, Equatable, Codable {
    /// The `WH…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service of the channel.
    public var serviceSid: String
    /// The channel.
    public var channelSid: String
    /// `webhook` (events in `filters`), `trigger` (messages whose body holds one of `triggers`) or `studio`.
    public var type: String
    /// Where the webhook posts.
    public var url: String?
    /// `POST` or `GET`.
    public var method: String
    /// The events a `webhook` sends, such as `onMessageSent`.
    public var filters: [String]
    /// The words that fire a `trigger`.
    public var triggers: [String]
    /// The Studio flow of a `studio` webhook.
    public var flowSid: String?
    /// Retries Twilio would make.
    public var retryCount: Int
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a channel webhook value.
    public init(sid: String, accountSid: String, serviceSid: String, channelSid: String, type: String, url: String?, method: String,
                filters: [String], triggers: [String], flowSid: String?, retryCount: Int, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.channelSid = channelSid
        self.type = type
        self.url = url
        self.method = method
        self.filters = filters
        self.triggers = triggers
        self.flowSid = flowSid
        self.retryCount = retryCount
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// Whether this webhook posts `eventType` (with `body`, for message events).
    public func fires(on eventType: String, body: String?) -> Bool {
        switch type {
        case "webhook": return url != nil && filters.contains(eventType)
        case "trigger":
            guard url != nil, eventType == "onMessageSent", let body else { return false }
            let words = Set(body.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            return triggers.contains { words.contains($0.lowercased()) }
        default: return false
        }
    }
}

/// The configuration of a channel webhook create or update; `nil` leaves a setting as it is.
public struct ChatChannelWebhookChanges: Sendable, Equatable {
    /// `Type`, on create only.
    public var type: String?
    /// `Configuration.Url`.
    public var url: String?
    /// `Configuration.Method`.
    public var method: String?
    /// `Configuration.Filters`.
    public var filters: [String]?
    /// `Configuration.Triggers`.
    public var triggers: [String]?
    /// `Configuration.FlowSid`.
    public var flowSid: String?
    /// `Configuration.RetryCount`.
    public var retryCount: Int?

    /// No changes.
    public init() {}
}

extension ChatRules {
    /// A new channel webhook; `Type` is required, a `webhook` or `trigger` needs `Configuration.Url`, a `studio`
    /// needs `Configuration.FlowSid`.
    public static func webhook(_ changes: ChatChannelWebhookChanges, sid: String, channel: ChatChannel, now: Date) throws(TwilioError) -> ChatChannelWebhook {
        guard let type = changes.type, !type.isEmpty else { throw .missingParameter("Type") }
        guard ["webhook", "trigger", "studio"].contains(type) else { throw .invalidParameter("Type must be webhook, trigger or studio; got '\(type)'") }
        let webhook = ChatChannelWebhook(sid: sid, accountSid: channel.accountSid, serviceSid: channel.serviceSid, channelSid: channel.sid, type: type,
                                         url: nil, method: "POST", filters: [], triggers: [], flowSid: nil, retryCount: 0, dateCreated: now, dateUpdated: now)
        return try update(webhook, with: changes, now: now)
    }

    /// `webhook` with `changes` applied, checked as on create.
    public static func update(_ webhook: ChatChannelWebhook, with changes: ChatChannelWebhookChanges, now: Date) throws(TwilioError) -> ChatChannelWebhook {
        var updated = webhook
        if let url = changes.url {
            guard MessageRules.isWebURL(url) else { throw .invalidParameter("Configuration.Url must be an http or https URL") }
            updated.url = url
        }
        if let method = changes.method?.uppercased() {
            guard method == "POST" || method == "GET" else { throw .invalidParameter("Configuration.Method must be GET or POST") }
            updated.method = method
        }
        if let filters = changes.filters { updated.filters = filters }
        if let triggers = changes.triggers { updated.triggers = triggers }
        if let flowSid = changes.flowSid { updated.flowSid = flowSid }
        if let retryCount = changes.retryCount {
            guard (0...3).contains(retryCount) else { throw .invalidParameter("Configuration.RetryCount must be between 0 and 3") }
            updated.retryCount = retryCount
        }
        if updated.type == "studio", updated.flowSid == nil { throw .missingParameter("Configuration.FlowSid") }
        if updated.type != "studio", updated.url == nil { throw .missingParameter("Configuration.Url") }
        updated.dateUpdated = now
        return updated
    }
}
