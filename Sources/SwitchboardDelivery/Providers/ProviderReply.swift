public import SwitchboardCore

/// A provider's answer to a call, read the same way for every provider: no connection and no answer in time are
/// worth another try, as are 429 and 5xx; an address the guard refuses is a setting no retry will change.
public enum ProviderReply: Sendable, Equatable {
    /// The provider answered with this status and body.
    case answered(status: Int, body: [UInt8])
    /// The address guard refused the sender's configured URL.
    case notAllowed(String)
    /// The provider could not be reached, or did not answer in time.
    case unreachable(String)

    /// Reads the transport's `result` of a call to `provider` (a name for messages, such as `Twilio`).
    public init(_ result: WebhookResult, provider: String) {
        switch result {
        case .refused(let reason): self = .notAllowed(reason)
        case .attempted(.connectFailed, _): self = .unreachable("\(provider) could not be reached")
        case .attempted(.responseTimedOut, _): self = .unreachable("\(provider) did not answer in time")
        case .attempted(.response(let status), let body): self = .answered(status: status, body: body)
        }
    }

    /// Whether an HTTP status asks for another try later: 429 (slow down) and every 5xx.
    public static func isTemporary(_ status: Int) -> Bool {
        status == 429 || status >= 500
    }
}
