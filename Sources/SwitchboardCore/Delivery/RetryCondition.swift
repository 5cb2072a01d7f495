/// A class of failure that a webhook's `rp` connection override asks Twilio to retry.
public enum RetryCondition: String, Sendable, CaseIterable {
    /// `4xx`: the server answered with a 4xx status.
    case clientError = "4xx"
    /// `5xx`: the server answered with a 5xx status.
    case serverError = "5xx"
    /// `ct`: no connection could be made within the connect timeout.
    case connectFailure = "ct"
    /// `rt`: no response came within the read timeout.
    case readTimeout = "rt"

    /// Whether an attempt that ended this way falls in this class.
    public func matches(_ result: DeliveryAttemptResult) -> Bool {
        switch (self, result) {
        case (.connectFailure, .connectFailed), (.readTimeout, .responseTimedOut): true
        case (.clientError, .response(let status)): (400..<500).contains(status)
        case (.serverError, .response(let status)): (500..<600).contains(status)
        default: false
        }
    }
}
