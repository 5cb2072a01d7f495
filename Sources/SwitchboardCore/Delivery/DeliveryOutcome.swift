/// What to do after an attempt: stop because it worked, try again later, or stop because trying again cannot help.
public enum DeliveryOutcome: Sendable, Equatable {
    /// The receiver took it (2xx, or 3xx, which Switchboard does not follow).
    case delivered
    /// A failure that may pass: no connection, no response in time, 5xx, 408 or 429.
    case retry
    /// The receiver refused it for good: any other 4xx.
    case giveUp

    /// Classifies an attempt's result.
    public init(classifying result: DeliveryAttemptResult) {
        switch result {
        case .connectFailed, .responseTimedOut:
            self = .retry
        case .response(let status):
            switch status {
            case 200..<400: self = .delivered
            // 408 and 429 say "not now" rather than "not this".
            case 408, 429: self = .retry
            case 400..<500: self = .giveUp
            // 5xx, and anything that is not a final HTTP status at all, is the server's trouble, not the request's.
            default: self = .retry
            }
        }
    }
}
