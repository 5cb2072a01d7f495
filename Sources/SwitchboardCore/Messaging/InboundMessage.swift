/// A customer's message as a connector hands it over, before Switchboard has stored or threaded it.
public struct InboundMessage: Sendable, Equatable {
    /// The channel it came on.
    public var channel: DeliveryChannel
    /// The customer's normalised address.
    public var from: String
    /// The contact center's normalised address it was sent to.
    public var to: String
    /// The text.
    public var body: String
    /// The provider's id for it, when the provider gives one; a second delivery of the same id is stored once.
    public var providerMessageID: String?
    /// The media that came with it, by URL.
    public var mediaUrls: [String]
    /// The email subject, for email.
    public var subject: String?
    /// The provider ids of the messages this one answers, nearest first (an email's `In-Reply-To`, then its
    /// `References`): a reply from another of the customer's addresses still reaches the conversation they name.
    public var answers: [String]

    /// Normalises both addresses for `channel`; throws 21211 when either is not valid there.
    public init(channel: DeliveryChannel, from: String, to: String, body: String, providerMessageID: String? = nil, mediaUrls: [String] = [],
                subject: String? = nil, answers: [String] = []) throws(TwilioError) {
        self.channel = channel
        self.from = try DeliveryAddress(from, channel: channel).value
        self.to = try DeliveryAddress(to, channel: channel).value
        self.body = body
        self.providerMessageID = providerMessageID
        self.mediaUrls = mediaUrls
        self.subject = subject
        self.answers = answers
    }
}
