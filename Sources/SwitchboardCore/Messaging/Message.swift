public import Foundation

/// One message over a channel (SMS, WhatsApp, Messenger, email or chat), outbound or inbound: Twilio's Message
/// resource, and the unit the delivery pipeline moves.
public struct Message: Sendable, Equatable {
    /// The `SM…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The channel it travels on.
    public var channel: DeliveryChannel
    /// Which way it travelled.
    public var direction: MessageDirection
    /// The sender's normalised address.
    public var from: String
    /// The recipient's normalised address.
    public var to: String
    /// The text; empty when only a content template was sent.
    public var body: String
    /// The content template (`HX…`) sent instead of, or with, the body.
    public var contentSid: String?
    /// The template's variables, as the JSON object text the client sent.
    public var contentVariables: String?
    /// The email subject, for email.
    public var subject: String?
    /// The media sent with it, by URL (`MediaUrl`).
    public var mediaUrls: [String]
    /// The provider's id for it (Twilio's `SM…`, WhatsApp's `wamid.…`), by which its receipts find it.
    public var providerMessageID: String?
    /// Where it is in its life.
    public var status: MessageStatus
    /// Twilio's error code when it failed or was undelivered.
    public var errorCode: Int?
    /// The error's explanation.
    public var errorMessage: String?
    /// Where status changes are posted, as configured (fragment included).
    public var statusCallback: String?
    /// What created it: `api`, or the resource that relayed it (a Proxy session, a conversation), for the hooks
    /// that follow its status.
    public var origin: String
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date
    /// When a provider took it; `nil` until then.
    public var dateSent: Date?

    /// Creates a message value.
    public init(
        sid: String, accountSid: String, channel: DeliveryChannel, direction: MessageDirection, from: String, to: String,
        body: String, contentSid: String? = nil, contentVariables: String? = nil, subject: String? = nil,
        mediaUrls: [String] = [], providerMessageID: String? = nil, status: MessageStatus, errorCode: Int? = nil, errorMessage: String? = nil, statusCallback: String? = nil,
        origin: String = "api", dateCreated: Date, dateUpdated: Date, dateSent: Date? = nil
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.channel = channel
        self.direction = direction
        self.from = from
        self.to = to
        self.body = body
        self.contentSid = contentSid
        self.contentVariables = contentVariables
        self.subject = subject
        self.mediaUrls = mediaUrls
        self.providerMessageID = providerMessageID
        self.status = status
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.statusCallback = statusCallback
        self.origin = origin
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.dateSent = dateSent
    }

    /// How many SMS segments the body takes: 160 GSM-7 characters in one, 153 per part when split; 70 and 67
    /// when any character needs UCS-2. Other channels are one segment.
    public var segmentCount: Int {
        guard channel == .sms, !body.isEmpty else { return 1 }
        let gsm = body.unicodeScalars.allSatisfy(MessageText.isGSM7)
        let units = gsm ? body.unicodeScalars.reduce(0) { $0 + MessageText.gsm7Units($1) } : body.utf16.count
        let (single, part) = gsm ? (160, 153) : (70, 67)
        return units <= single ? 1 : (units + part - 1) / part
    }
}
