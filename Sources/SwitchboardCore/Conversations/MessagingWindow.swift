public import Foundation

/// WhatsApp's and Messenger's customer-care window: a business may write free text only within a time after the
/// customer's last message, and before the customer has ever written only with an approved template.
public struct MessagingWindow: Sendable, Equatable {
    /// Twilio's window: 24 hours.
    public static let standardLength: TimeInterval = 24 * 3600
    /// The channels whose providers enforce the window.
    public static let channels: Set<DeliveryChannel> = [.whatsapp, .messenger]

    /// How long the window stays open after the customer's last message.
    public var length: TimeInterval

    /// Creates a window of `length` seconds; tests shorten it, since the server has no injectable clock.
    public init(length: TimeInterval = MessagingWindow.standardLength) {
        self.length = length
    }

    /// How long a person may still answer on Messenger with Meta's `HUMAN_AGENT` tag: seven windows, 7 days.
    public var humanAgentLength: TimeInterval { length * 7 }

    /// When the window closes for a customer who last wrote at `lastInbound`; `nil` when they never wrote or the
    /// channel has no window. `humanAgent` asks for the longer window of a person answering on Messenger.
    public func closesAt(channel: DeliveryChannel, lastInbound: Date?, humanAgent: Bool = false) -> Date? {
        guard Self.channels.contains(channel), let lastInbound else { return nil }
        return lastInbound.addingTimeInterval(humanAgent && channel == .messenger ? humanAgentLength : length)
    }

    /// Refuses free text outside the window with Twilio's 63016; a template approved for the channel goes through.
    /// `humanAgent` says a person answers through a Messenger page connector, which Meta allows for 7 days.
    public func check(
        channel: DeliveryChannel, lastInbound: Date?, usesApprovedTemplate: Bool, now: Date, humanAgent: Bool = false
    ) throws(TwilioError) {
        guard Self.channels.contains(channel), !usesApprovedTemplate else { return }
        if let closes = closesAt(channel: channel, lastInbound: lastInbound, humanAgent: humanAgent), now < closes { return }
        throw TwilioError.outsideMessagingWindow
    }
}

extension TwilioError {
    /// 63016: free-form text outside the customer-care window.
    public static let outsideMessagingWindow = TwilioError(
        code: 63016,
        message: "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.",
        httpStatus: 400)
}
