public import SwitchboardCore

/// Which connector delivers each channel.
public struct ConnectorDirectory: Sendable {
    let connectors: [DeliveryChannel: any ChannelConnector]

    /// Assigns each channel to the first connector in `connectors` that delivers it.
    public init(_ connectors: [any ChannelConnector]) {
        var byChannel: [DeliveryChannel: any ChannelConnector] = [:]
        for connector in connectors {
            for channel in connector.channels where byChannel[channel] == nil { byChannel[channel] = connector }
        }
        self.connectors = byChannel
    }

    /// The connector for `channel`, if any delivers it.
    public func connector(for channel: DeliveryChannel) -> (any ChannelConnector)? {
        connectors[channel]
    }
}
