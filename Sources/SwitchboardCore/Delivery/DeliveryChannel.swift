/// The channel a message travels on, which decides how its addresses are written.
public enum DeliveryChannel: String, Sendable, CaseIterable, Codable {
    /// SMS and MMS: an E.164 phone number, `+14155550100`.
    case sms
    /// WhatsApp: `whatsapp:` and an E.164 number.
    case whatsapp
    /// Facebook Messenger: `messenger:` and a page-scoped id.
    case messenger
    /// Email: an address with a lowercase domain.
    case email
    /// In-app chat: a user identity, any non-empty text.
    case chat

    /// The channel an address's shape suggests (prefix, then `@`, then `+` and a digit, else chat); `nil` when empty.
    public init?(detectingFrom address: String) {
        // Shape only: `+1 415` is SMS here and invalid later; `DeliveryAddress` is what checks validity.
        let text = AddressText.trimmed(address)
        guard !text.isEmpty else { return nil }
        if AddressText.hasPrefix("whatsapp:", text) {
            self = .whatsapp
        } else if AddressText.hasPrefix("messenger:", text) {
            self = .messenger
        } else if text.contains("@") {
            self = .email
        } else if text.first == "+", let second = text.dropFirst().first, second.isASCII, second.isNumber {
            self = .sms
        } else {
            self = .chat
        }
    }
}
