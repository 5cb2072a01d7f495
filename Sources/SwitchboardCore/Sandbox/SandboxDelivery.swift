public import Foundation

/// A message as it reached a simulated customer handset in the sandbox.
public struct SandboxDelivery: Sendable, Equatable {
    /// The delivered message's SID.
    public var messageSid: String
    /// The account that sent it.
    public var accountSid: String
    /// The customer's address: the handset.
    public var address: String
    /// The channel it came on.
    public var channel: DeliveryChannel
    /// The contact-center address it came from.
    public var from: String
    /// The address it was sent to, the same as `address`.
    public var to: String
    /// The text the customer sees, template variables filled in.
    public var body: String
    /// The content template it was sent with.
    public var contentSid: String?
    /// The template's variables as sent.
    public var contentVariables: String?
    /// The email subject.
    public var subject: String?
    /// `delivered`, or `undelivered`/`failed` when a failure rule turned it away.
    public var status: MessageStatus
    /// The error code a failure rule gave.
    public var errorCode: Int?
    /// When it reached the handset.
    public var dateCreated: Date

    /// Creates a delivery value.
    public init(
        messageSid: String, accountSid: String, address: String, channel: DeliveryChannel, from: String, to: String, body: String,
        contentSid: String?, contentVariables: String?, subject: String?, status: MessageStatus, errorCode: Int?, dateCreated: Date
    ) {
        self.messageSid = messageSid
        self.accountSid = accountSid
        self.address = address
        self.channel = channel
        self.from = from
        self.to = to
        self.body = body
        self.contentSid = contentSid
        self.contentVariables = contentVariables
        self.subject = subject
        self.status = status
        self.errorCode = errorCode
        self.dateCreated = dateCreated
    }
}
