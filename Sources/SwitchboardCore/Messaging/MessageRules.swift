public import Foundation

/// What a client asks for when it sends a message through `POST /Messages`.
public struct MessageRequest: Sendable, Equatable {
    /// `To`.
    public var to: String?
    /// `From`.
    public var from: String?
    /// `Body`.
    public var body: String?
    /// `ContentSid`.
    public var contentSid: String?
    /// `ContentVariables`.
    public var contentVariables: String?
    /// `StatusCallback`.
    public var statusCallback: String?
    /// `MessagingServiceSid`; Switchboard has no messaging services.
    public var messagingServiceSid: String?

    /// Creates a request.
    public init(
        to: String? = nil, from: String? = nil, body: String? = nil, contentSid: String? = nil, contentVariables: String? = nil,
        statusCallback: String? = nil, messagingServiceSid: String? = nil
    ) {
        self.to = to
        self.from = from
        self.body = body
        self.contentSid = contentSid
        self.contentVariables = contentVariables
        self.statusCallback = statusCallback
        self.messagingServiceSid = messagingServiceSid
    }
}

/// Twilio's rules for a new outbound message.
public enum MessageRules {
    /// The longest body Twilio accepts, in characters.
    public static let maximumBodyLength = TextLimit.messageBody.maximum

    /// The channels `POST /Messages` sends on; chat identities are reached through Conversations instead, and an
    /// address without a channel prefix is far more often a phone number missing its `+` than a chat identity.
    public static let messageChannels: Set<DeliveryChannel> = [.sms, .whatsapp, .messenger, .email]

    /// Validates `request` and makes the queued message, or throws the error Twilio gives.
    public static func makeOutbound(
        _ request: MessageRequest, sid: String, accountSid: String, now: Date
    ) throws(TwilioError) -> Message {
        guard let rawTo = request.to, !rawTo.isEmpty else {
            throw TwilioError(code: 21604, message: "A 'To' phone number is required.", httpStatus: 400)
        }
        guard let rawFrom = request.from, !rawFrom.isEmpty else {
            if request.messagingServiceSid != nil {
                throw TwilioError(code: 21603, message: "A 'From' phone number is required: Switchboard has no Messaging Services, so send From.", httpStatus: 400)
            }
            throw TwilioError(code: 21603, message: "A 'From' phone number is required.", httpStatus: 400)
        }
        let to = try DeliveryAddress(rawTo)
        guard messageChannels.contains(to.channel) else { throw .invalidToPhoneNumber(rawTo) }
        // A sender written for another channel (`+1…` to `whatsapp:+1…`) is a mismatch, not a number to reinterpret;
        // a sender with no recognisable channel is simply invalid.
        if let fromChannel = DeliveryChannel(detectingFrom: rawFrom), fromChannel != .chat, fromChannel != to.channel {
            throw TwilioError(code: 21910, message: "Invalid From and To pair. From and To should be of the same channel", httpStatus: 400)
        }
        guard let from = try? DeliveryAddress(rawFrom, channel: to.channel) else {
            throw TwilioError(code: 21212, message: "Invalid From Number: \(rawFrom)", httpStatus: 400)
        }
        let body = request.body ?? ""
        let contentSid = request.contentSid.flatMap { $0.isEmpty ? nil : $0 }
        guard !body.isEmpty || contentSid != nil else {
            throw TwilioError(code: 21602, message: "Message body is required.", httpStatus: 400)
        }
        try TextLimit.messageBody.check(body, parameter: "Body")
        if let variables = request.contentVariables, !variables.isEmpty {
            guard case .object = try? AttributeValue.parse(json: variables) else {
                throw TwilioError(code: 21656, message: "The ContentVariables Parameter is invalid.", httpStatus: 400)
            }
        }
        if let callback = request.statusCallback, !callback.isEmpty, !isWebURL(callback) {
            throw TwilioError(code: 21609, message: "Invalid StatusCallback: \(callback)", httpStatus: 400)
        }
        return Message(
            sid: sid, accountSid: accountSid, channel: to.channel, direction: .outboundAPI, from: from.value, to: to.value,
            body: body, contentSid: contentSid, contentVariables: request.contentVariables.flatMap { $0.isEmpty ? nil : $0 },
            status: .queued, statusCallback: request.statusCallback.flatMap { $0.isEmpty ? nil : $0 },
            dateCreated: now, dateUpdated: now)
    }

    /// An absolute `http` or `https` URL with a host.
    public static func isWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: WebhookTarget(text).url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
