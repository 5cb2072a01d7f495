public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Takes a customer's SMS to one of the account's IncomingPhoneNumbers that has an `SmsUrl`, and posts it there
/// through the outbox, as Twilio posts it: signed with the account's auth token, to the `SmsFallbackUrl` when the
/// first URL fails, and with the answer read as TwiML by ``IncomingMessageAnswerReader``. A number without an
/// `SmsUrl` is left to the routes after this one: Proxy and Conversations.
public struct IncomingPhoneNumberRoute: InboundMessageRoute {
    /// The ``WebhookCall/purpose`` of the calls this makes and of the redirects their answers ask for.
    public static let purpose = "incoming-message"
    let sids: any SidGenerator

    /// Creates the route.
    public init(sids: any SidGenerator) {
        self.sids = sids
    }

    /// SMS and WhatsApp: on Twilio, a number registered as a WhatsApp sender hears of WhatsApp messages through the
    /// same `SmsUrl`, with `whatsapp:` addresses.
    public func route(_ message: Message, in session: any StorageSession, now: Date) async throws -> Bool {
        guard let phoneNumber = Self.phoneNumber(messagedAt: message),
              let number = try await session.incomingPhoneNumbers.find(phoneNumber: phoneNumber, accountSid: message.accountSid),
              let smsUrl = number.smsUrl
        else { return false }
        let call = WebhookCall(
            url: smsUrl, method: number.smsMethod, body: .form(Self.parameters(of: message)), purpose: Self.purpose,
            fallbackUrl: number.smsFallbackUrl, fallbackMethod: number.smsFallbackMethod)
        // One customer's messages to one number reach the application in the order they were sent, and so do the
        // redirects their answers ask for.
        try await session.outbox.enqueue(.due(
            .webhook(call), sid: sids.make(.outboxEntry), accountSid: message.accountSid, now: now,
            orderingKey: "incoming-message \(number.sid) \(message.from)"))
        return true
    }

    /// The E.164 number `message` was sent to, when its channel reaches phone numbers.
    static func phoneNumber(messagedAt message: Message) -> String? {
        switch message.channel {
        case .sms: message.to
        case .whatsapp: message.to.hasPrefix(whatsAppPrefix) ? String(message.to.dropFirst(whatsAppPrefix.count)) : nil
        default: nil
        }
    }

    static let whatsAppPrefix = "whatsapp:"

    /// The parameters Twilio posts for an incoming message. Switchboard knows no geography of numbers, so the
    /// `From…` and `To…` location parameters are sent, as Twilio sends them for numbers it cannot place, empty.
    public static func parameters(of message: Message) -> [FormPair] {
        var pairs = [
            FormPair("ToCountry", ""), FormPair("ToState", ""), FormPair("SmsMessageSid", message.sid),
            FormPair("NumMedia", String(message.mediaUrls.count)), FormPair("ToCity", ""), FormPair("FromZip", ""),
            FormPair("SmsSid", message.sid), FormPair("FromState", ""), FormPair("SmsStatus", "received"),
            FormPair("FromCity", ""), FormPair("Body", message.body), FormPair("FromCountry", ""), FormPair("To", message.to),
            FormPair("ToZip", ""), FormPair("NumSegments", String(message.segmentCount)), FormPair("MessageSid", message.sid),
            FormPair("AccountSid", message.accountSid), FormPair("From", message.from), FormPair("ApiVersion", "2010-04-01"),
        ]
        for (index, url) in message.mediaUrls.enumerated() { pairs.append(FormPair("MediaUrl\(index)", url)) }
        return pairs
    }
}
