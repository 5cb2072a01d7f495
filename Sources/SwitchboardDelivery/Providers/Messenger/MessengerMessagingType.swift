public import Foundation
public import SwitchboardCore

/// The `messaging_type` a Send API request declares, chosen from how long ago the customer last wrote: Meta's
/// standard window is 24 hours, and its `HUMAN_AGENT` tag lets a person answer for up to 7 days.
public enum MessengerMessagingType: Sendable, Equatable {
    /// `RESPONSE`: within 24 hours of the customer's last message.
    case response
    /// `MESSAGE_TAG` with `tag: HUMAN_AGENT`: a person's answer between 24 hours and 7 days after it.
    case humanAgent

    /// The type for a message sent `now` to a customer who last wrote at `lastInbound`; `byAgent` says whether a
    /// person wrote it; `window` is the server's, 24 hours unless a test shortens it. Throws 63016 when Meta would
    /// refuse it: the customer never wrote, or wrote too long ago.
    public static func choose(
        lastInbound: Date?, now: Date, byAgent: Bool, window: MessagingWindow = MessagingWindow()
    ) throws(TwilioError) -> MessengerMessagingType {
        guard let lastInbound else { throw outsideWindow("the customer has not written to this page") }
        let age = now.timeIntervalSince(lastInbound)
        if age < window.length { return .response }
        if age < window.humanAgentLength {
            if byAgent { return .humanAgent }
            throw outsideWindow("the customer last wrote more than 24 hours ago, and only a person may answer until 7 days")
        }
        throw outsideWindow("the customer last wrote more than 7 days ago")
    }

    /// Whether a person wrote `message`: it was relayed from a Conversation (an agent's or a participant's
    /// message, `IM…`) or a Proxy interaction (`KI…`), not created through the Messages API or by TwiML, which
    /// automated senders use and which Meta's `HUMAN_AGENT` tag does not cover.
    public static func isByAgent(_ message: Message) -> Bool {
        Sid.hasPrefix(message.origin, SidPrefix.conversationMessage.rawValue) || Sid.hasPrefix(message.origin, SidPrefix.proxyInteraction.rawValue)
    }

    /// The fields the type adds to a request.
    var fields: [String: String] {
        switch self {
        case .response: ["messaging_type": "RESPONSE"]
        case .humanAgent: ["messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"]
        }
    }

    static func outsideWindow(_ why: String) -> TwilioError {
        TwilioError(
            code: TwilioError.outsideMessagingWindow.code,
            message: "Failed to send freeform message because you are outside the allowed window: \(why) (Messenger)",
            httpStatus: TwilioError.outsideMessagingWindow.httpStatus)
    }
}
