public import SwitchboardCore

/// A status a connector learned for a message: from its own send, or later from the provider's callback.
public struct MessageStatusReport: Sendable, Equatable {
    /// The new status.
    public var status: MessageStatus
    /// Twilio's error code for `failed` and `undelivered`.
    public var errorCode: Int?
    /// The error's explanation.
    public var errorMessage: String?

    /// Creates a report.
    public init(_ status: MessageStatus, errorCode: Int? = nil, errorMessage: String? = nil) {
        self.status = status
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }
}
