/// The form parameters Twilio posts to a message's `StatusCallback` when its status changes.
public enum MessageStatusCallback {
    /// The parameters for `message` in its current status, in the order Twilio sends them.
    public static func parameters(for message: Message) -> [FormPair] {
        var parameters: [FormPair] = [
            FormPair("AccountSid", message.accountSid),
            FormPair("ApiVersion", "2010-04-01"),
            FormPair("ChannelToAddress", message.to),
            FormPair("From", message.from),
            FormPair("MessageSid", message.sid),
            FormPair("MessageStatus", message.status.rawValue),
            FormPair("SmsSid", message.sid),
            FormPair("SmsStatus", message.status.rawValue),
            FormPair("To", message.to),
        ]
        if let code = message.errorCode { parameters.append(FormPair("ErrorCode", String(code))) }
        if let errorMessage = message.errorMessage { parameters.append(FormPair("ErrorMessage", errorMessage)) }
        return parameters
    }
}
