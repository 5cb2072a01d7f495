public import SwitchboardCore
public import SwitchboardStorage

/// A way to reach customers on one or more channels: a provider, or the sandbox. Each is a protocol with a
/// default implementation and fakes in tests, so nothing outside the process is needed to exercise delivery.
public protocol ChannelConnector: Sendable {
    /// The channels it delivers on.
    var channels: Set<DeliveryChannel> { get }
    /// Hands `message` to the provider. Throw ``ConnectorUnavailable`` for a failure worth retrying (the provider
    /// could not be reached or answered 5xx); a refusal of this message is a receipt, not an error.
    func send(_ message: Message) async throws -> ConnectorReceipt
    /// Turns the provider's inbound-message request into a message, or throws the Twilio error to answer with.
    func inboundMessage(from request: ProviderRequest) throws(TwilioError) -> InboundMessage
}

/// What a connector says of a send.
public struct ConnectorReceipt: Sendable, Equatable {
    /// Whether the provider took the message.
    public var outcome: Outcome
    /// Statuses the provider already reported (the sandbox knows at once whether a handset got it); a real
    /// provider's later reports arrive through its status callback instead.
    public var reports: [MessageStatusReport]
    /// What the connector stores about the send, written in the unit of work that records the outcome, so the two
    /// commit together: the sandbox's handset row.
    public var record: (@Sendable (any StorageSession) async throws -> Void)?

    /// Creates a receipt.
    public init(_ outcome: Outcome, reports: [MessageStatusReport] = [], record: (@Sendable (any StorageSession) async throws -> Void)? = nil) {
        self.outcome = outcome
        self.reports = reports
        self.record = record
    }

    /// Receipts are equal when they say the same; what they record is not compared.
    public static func == (lhs: ConnectorReceipt, rhs: ConnectorReceipt) -> Bool {
        lhs.outcome == rhs.outcome && lhs.reports == rhs.reports
    }

    /// Whether the provider took the message.
    public enum Outcome: Sendable, Equatable {
        /// Taken; the message is `sent`.
        case accepted(providerMessageID: String?)
        /// Refused for good; the message is `failed` with this Twilio error code.
        case refused(errorCode: Int, message: String)
    }
}

/// A provider could not be reached or failed in a way worth retrying.
public struct ConnectorUnavailable: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var reason: String

    /// Creates the error.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

/// An inbound request from a provider, as the HTTP layer received it.
public struct ProviderRequest: Sendable {
    /// The form parameters of the request.
    public var parameters: [FormPair]

    /// Creates a request.
    public init(parameters: [FormPair]) {
        self.parameters = parameters
    }

    /// The last value of the parameter `name`.
    public func value(_ name: String) -> String? {
        parameters.last { $0.name == name }?.value
    }
}
