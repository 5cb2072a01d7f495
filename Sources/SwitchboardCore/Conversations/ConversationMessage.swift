public import struct Foundation.Date

/// How a message fared on its way to the participants with bindings: Twilio's `delivery` summary counts.
public struct DeliveryTally: Sendable, Equatable {
    /// Channel messages sent for it.
    public var total: Int
    /// Those a provider took (`sent` or later).
    public var sent: Int
    /// Those delivered or read.
    public var delivered: Int
    /// Those read.
    public var read: Int
    /// Those that failed.
    public var failed: Int
    /// Those undelivered.
    public var undelivered: Int

    /// Creates a tally.
    public init(total: Int = 0, sent: Int = 0, delivered: Int = 0, read: Int = 0, failed: Int = 0, undelivered: Int = 0) {
        self.total = total
        self.sent = sent
        self.delivered = delivered
        self.read = read
        self.failed = failed
        self.undelivered = undelivered
    }

    /// Twilio's word for a count out of the total: `none`, `some` or `all`.
    public func word(_ count: Int) -> String {
        count == 0 ? "none" : (count >= total ? "all" : "some")
    }

    /// Counts the channel messages' statuses.
    public static func of(_ statuses: [MessageStatus]) -> DeliveryTally {
        var tally = DeliveryTally(total: statuses.count)
        for status in statuses {
            switch status {
            case .sent: tally.sent += 1
            case .delivered: tally.sent += 1; tally.delivered += 1
            case .read: tally.sent += 1; tally.delivered += 1; tally.read += 1
            case .failed: tally.failed += 1
            case .undelivered: tally.undelivered += 1
            default: break
            }
        }
        return tally
    }
}

/// A message of a conversation (`IM…`), from an agent, a chat identity or a customer's binding.
public struct ConversationMessage: Sendable, Equatable {
    /// The `IM…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The conversation.
    public var conversationSid: String
    /// Its position in the conversation, from 0.
    public var index: Int
    /// Who wrote it: an identity, or the customer's address.
    public var author: String
    /// The text; for a template, the rendered text.
    public var body: String?
    /// The attributes JSON as sent.
    public var attributes: String
    /// The participant who wrote it, when it was one.
    public var participantSid: String?
    /// The content template (`HX…`) it was sent with.
    public var contentSid: String?
    /// The template's variables as sent.
    public var contentVariables: String?
    /// The email subject.
    public var subject: String?
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a message value.
    public init(
        sid: String, accountSid: String, conversationSid: String, index: Int, author: String, body: String?, attributes: String,
        participantSid: String?, contentSid: String?, contentVariables: String?, subject: String?, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.conversationSid = conversationSid
        self.index = index
        self.author = author
        self.body = body
        self.attributes = attributes
        self.participantSid = participantSid
        self.contentSid = contentSid
        self.contentVariables = contentVariables
        self.subject = subject
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
