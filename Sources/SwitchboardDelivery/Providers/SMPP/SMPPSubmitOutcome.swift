/// What a `submit_sm_resp`'s `command_status` means for the message: accepted, worth another try later, or
/// refused with the Twilio code closest to the SMSC's reason.
public enum SMPPSubmitOutcome: Sendable, Equatable {
    /// The SMSC took the part and gave it this id.
    case accepted(messageID: String)
    /// The SMSC is busy or over the ESME's rate; the outbox tries again with its backoff.
    case retry(String)
    /// The SMSC refused the message.
    case refused(errorCode: Int, message: String)

    /// Classifies a response; `messageID` is the response's body.
    public init(status: SMPPCommandStatus, messageID: String) {
        switch status.rawValue {
        case 0x00:
            self = .accepted(messageID: messageID)
        case SMPPCommandStatus.throttled.rawValue, SMPPCommandStatus.queueFull.rawValue, SMPPCommandStatus.temporaryAppError.rawValue:
            self = .retry(status.description)
        case 0x0B, 0x50, 0x51:
            self = .refused(errorCode: 21211, message: "Invalid 'To' Phone Number (SMPP \(status))")
        case 0x0A, 0x48, 0x49:
            self = .refused(errorCode: 21212, message: "Invalid 'From' Phone Number (SMPP \(status))")
        case 0x01:
            self = .refused(errorCode: 30019, message: "Content size exceeds carrier limit (SMPP \(status))")
        case 0x65, 0x66:
            self = .refused(errorCode: 30007, message: "Message filtered (SMPP \(status))")
        case 0xFE:
            self = .refused(errorCode: 30003, message: "Unreachable destination handset (SMPP \(status))")
        default:
            self = .refused(errorCode: 30008, message: "Unknown error (SMPP \(status))")
        }
    }
}
