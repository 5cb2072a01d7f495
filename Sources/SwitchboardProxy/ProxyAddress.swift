import SwitchboardCore

/// Proxy pools hold bare E.164 numbers while messages carry channel addresses (`whatsapp:+1…`); these translate.
enum ProxyAddress {
    /// `address` without its channel prefix: `whatsapp:+1415…` is `+1415…`.
    static func bare(_ address: String) -> String {
        for prefix in ["whatsapp:", "messenger:"] where address.lowercased().hasPrefix(prefix) {
            return String(address.dropFirst(prefix.count))
        }
        return address
    }

    /// `address` written for `channel`: a bare number gains the channel's prefix, anything else stays.
    static func on(_ channel: DeliveryChannel, _ address: String) -> String {
        switch channel {
        case .whatsapp where address.hasPrefix("+"): "whatsapp:" + address
        case .messenger where !address.lowercased().hasPrefix("messenger:"): "messenger:" + address
        default: address
        }
    }

    /// The channel a Flex Flow of this type sends on; `custom` and the others fall back to the address's shape.
    static func channel(of type: FlexFlowChannelType?, identifier: String) -> DeliveryChannel {
        switch type {
        case .sms?: .sms
        case .whatsapp?: .whatsapp
        case .facebook?: .messenger
        default: DeliveryChannel(detectingFrom: identifier) ?? .sms
        }
    }
}
