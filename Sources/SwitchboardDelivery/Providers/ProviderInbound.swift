public import SwitchboardCore

/// What a provider's request to an inbound URL carried, and how to answer it.
public struct ProviderInbound: Sendable {
    /// The answer the provider expects: a challenge echoed, an empty TwiML document, `EVENT_RECEIVED`.
    public var answer: ProviderAnswer
    /// The messages and receipts, in the order the provider gave them.
    public var events: [ProviderEvent]

    /// Creates the value.
    public init(answer: ProviderAnswer, events: [ProviderEvent] = []) {
        self.answer = answer
        self.events = events
    }
}

/// The HTTP answer to a provider's request.
public struct ProviderAnswer: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The body's media type.
    public var contentType: String
    /// The body.
    public var body: String

    /// Creates an answer.
    public init(status: Int = 200, contentType: String = "text/plain", body: String = "") {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// One thing a provider reported.
public enum ProviderEvent: Sendable, Equatable {
    /// A customer's message.
    case message(InboundMessage)
    /// A receipt for a message the provider knows by `providerMessageID`.
    case status(providerMessageID: String, report: MessageStatusReport)
    /// A decision on a message template Switchboard submitted for approval.
    case templateStatus(TemplateStatusUpdate)
    /// A receipt for every message to a customer up to a time, as Messenger reports deliveries and reads.
    case watermark(ReceiptWatermark)
}

/// A provider's decision on a message template, such as Meta's `message_template_status_update`.
public struct TemplateStatusUpdate: Sendable, Equatable {
    /// The template's name as submitted.
    public var name: String
    /// Its language, such as `en_US`.
    public var language: String?
    /// The provider's id for it.
    public var providerTemplateID: String?
    /// The provider's event: `APPROVED`, `REJECTED`, `PAUSED`, `DISABLED` and so on.
    public var event: String
    /// Why it was rejected, when it was.
    public var reason: String?

    /// Creates the value.
    public init(name: String, language: String?, providerTemplateID: String?, event: String, reason: String?) {
        self.name = name
        self.language = language
        self.providerTemplateID = providerTemplateID
        self.event = event
        self.reason = reason
    }
}
