/// The provider a sender delivers through, which decides the keys of its settings and the channels it carries.
public enum ConnectorKind: String, Sendable, CaseIterable, Codable {
    /// Twilio Programmable Messaging, for a team that keeps its Twilio numbers.
    case twilio
    /// Meta's WhatsApp Business Cloud API.
    case whatsappCloud = "whatsapp-cloud"
    /// Meta's Messenger Send API for a Facebook page.
    case messenger
    /// Email through an SMTP relay.
    case smtp
    /// SMS through an SMPP 3.4 aggregator or SMSC.
    case smpp

    /// The channels a sender of this kind may be on.
    public var channels: Set<DeliveryChannel> {
        switch self {
        case .twilio: [.sms, .whatsapp]
        case .whatsappCloud: [.whatsapp]
        case .messenger: [.messenger]
        case .smtp: [.email]
        case .smpp: [.sms]
        }
    }
}
