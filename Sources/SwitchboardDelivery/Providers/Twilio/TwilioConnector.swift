public import SwitchboardCore

/// Twilio Programmable Messaging, for a team that keeps its Twilio numbers: messages go out through API 2010
/// `Messages.json` with the sender's account or API key, and Twilio's inbound messages and status callbacks
/// come back, signed with the account's auth token, to the sender's inbound URL.
public struct TwilioConnector: ProviderConnector {
    let transport: any WebhookTransport

    /// Creates the connector over `transport`, the HTTP client (and address guard) that webhooks use.
    public init(transport: any WebhookTransport) {
        self.transport = transport
    }

    /// Always ``ConnectorKind/twilio``.
    public var kind: ConnectorKind { .twilio }

    /// Posts `message` to the sender's Twilio account. Twilio's `sid` becomes the provider id its status
    /// callbacks name; a refusal keeps Twilio's code and text; no answer, 5xx and 429 are tried again later.
    public func send(_ message: Message, from sender: ConfiguredSender) async throws -> ConnectorReceipt {
        let request: WebhookRequest
        do {
            request = try TwilioMessageRequest.make(message, from: sender)
        } catch {
            return ConnectorReceipt(.refused(errorCode: error.code, message: error.message))
        }
        return try TwilioSendAnswer.receipt(for: await transport.send(request))
    }

    /// Reads an inbound message or a status callback that Twilio posted for `sender`, once its
    /// `X-Twilio-Signature` holds; answers with an empty TwiML document, so Twilio sends no reply of its own.
    public func receive(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound {
        try TwilioCallback.read(request, for: sender)
    }
}
