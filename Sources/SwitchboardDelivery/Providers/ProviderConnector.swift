public import SwitchboardCore

/// A provider that delivers for the senders of one connector kind: Twilio, the WhatsApp Cloud API, Messenger.
/// Each is a protocol with a default implementation and fakes in tests, as ``ChannelConnector`` is for the sandbox.
public protocol ProviderConnector: Sendable {
    /// The kind of sender it delivers for.
    var kind: ConnectorKind { get }
    /// Hands `message` to the provider as `sender`. Throw ``ConnectorUnavailable`` for a failure worth retrying
    /// (no connection, 5xx, 429, throttling); a refusal of this message is a receipt, not an error.
    func send(_ message: Message, from sender: ConfiguredSender) async throws -> ConnectorReceipt
    /// Reads what the provider posted (or asked) at the sender's inbound URL: checks its signature, and returns
    /// the answer to give and the messages and receipts it carried. Throws the error to answer with when the
    /// request is not the provider's, such as a wrong signature, so that nothing of it is stored.
    func receive(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound
}
