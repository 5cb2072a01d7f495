public import SwitchboardCore
public import SwitchboardStorage

/// The provider connectors `serve` delivers through, each calling its provider over `transport`, the same HTTP
/// client (and address guard) that webhooks use.
public enum StandardProviderConnectors {
    /// One connector of each kind this build has; `window` is the server's customer-care window.
    public static func make(
        transport: any WebhookTransport, storage: any Storage, time: any TimeSource, window: MessagingWindow
    ) -> [any ProviderConnector] {
        [
            TwilioConnector(transport: transport),
            MessengerConnector(transport: transport, storage: storage, time: time, window: window),
            WhatsAppCloudConnector(transport: transport, storage: storage),
        ]
    }
}
