/// The form parameters Twilio posts to a message's `StatusCallback` when its status changes.
public enum MessageStatusCallback {
    /// The parameters for `message` in its current status, in the order Twilio sends them.
    public static func parameters(for message: Message) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = [
            ("AccountSid", message.accountSid),
            ("ApiVersion", "2010-04-01"),
            ("ChannelToAddress", message.to),
            ("From", message.from),
            ("MessageSid", message.sid),
            ("MessageStatus", message.status.rawValue),
            ("SmsSid", message.sid),
            ("SmsStatus", message.status.rawValue),
            ("To", message.to),
        ]
        if let code = message.errorCode { parameters.append(("ErrorCode", String(code))) }
        if let errorMessage = message.errorMessage { parameters.append(("ErrorMessage", errorMessage)) }
        return parameters
    }
}
