extension TwilioError {
    /// 21211: the `To` address is not valid for its channel; Twilio names it a phone number whatever the channel.
    public static func invalidToPhoneNumber(_ address: String) -> TwilioError {
        TwilioError(code: 21211, message: "Invalid 'To' Phone Number: \(address)", httpStatus: 400)
    }
}
