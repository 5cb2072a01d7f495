public import SwitchboardCore
public import SwitchboardStorage

/// The provider connectors `serve` delivers through, each calling its provider over `transport`, the same HTTP
/// client (and address guard) that webhooks use.
public enum StandardProviderConnectors {
    /// One connector of each kind this build has; `window` is the server's customer-care window; `inbound` carries
    /// out what a connector with sessions of its own (SMPP) is delivered, and `secretBox` opens its senders'
    /// secrets when it opens their sessions at start.
    public static func make(
        transport: any WebhookTransport, storage: any Storage, time: any TimeSource, window: MessagingWindow, inbound: SenderInbound,
        secretBox: SecretBox
    ) -> [any ProviderConnector] {
        [
            TwilioConnector(transport: transport),
            MessengerConnector(transport: transport, storage: storage, time: time, window: window),
            WhatsAppCloudConnector(transport: transport, storage: storage),
            SMTPConnector(transport: transport, time: time),
            SMPPConnector(inbound: inbound, storage: storage, secretBox: secretBox),
        ]
    }
}
