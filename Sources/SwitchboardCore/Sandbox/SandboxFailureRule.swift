public import Foundation

/// A sandbox instruction to turn away every delivery to one address, so failed and undelivered statuses can be
/// exercised without a provider.
public struct SandboxFailureRule: Sendable, Equatable {
    /// The account the rule belongs to.
    public var accountSid: String
    /// The normalised customer address whose deliveries fail.
    public var address: String
    /// `failed` (the provider refused it) or `undelivered` (the handset never got it).
    public var status: MessageStatus
    /// The error code reported.
    public var errorCode: Int
    /// When the rule was made.
    public var dateCreated: Date

    /// Creates a rule.
    public init(accountSid: String, address: String, status: MessageStatus, errorCode: Int, dateCreated: Date) {
        self.accountSid = accountSid
        self.address = address
        self.status = status
        self.errorCode = errorCode
        self.dateCreated = dateCreated
    }

    /// The statuses a rule may give.
    public static let statuses: Set<MessageStatus> = [.failed, .undelivered]

    /// The code each status reports when the rule names none: 30008 (unknown error) for a refusal, 30003
    /// (unreachable destination handset) for a message that never arrived.
    public static func defaultErrorCode(for status: MessageStatus) -> Int {
        status == .failed ? 30008 : 30003
    }

    /// Twilio's explanation of the error codes the sandbox reports.
    public static func errorMessage(for code: Int) -> String {
        switch code {
        case 30003: "Unreachable destination handset"
        case 30005: "Unknown destination handset"
        case 30006: "Landline or unreachable carrier"
        case 30007: "Message filtered"
        case 30008: "Unknown error"
        case 63016: "Failed to send freeform message because you are outside the allowed window"
        default: "Delivery failed with error \(code)"
        }
    }
}
