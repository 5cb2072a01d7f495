/// An address normalised for its channel, so one recipient is written one way: `+1 (415) 555-0100` is `+14155550100`.
public struct DeliveryAddress: Sendable, Hashable {
    /// The channel the address belongs to.
    public let channel: DeliveryChannel
    /// The normalised address, e.g. `+14155550100`, `whatsapp:+14155550100`, `messenger:1234`, `ann@example.com`.
    public let value: String

    /// Digits allowed after the `+`: E.164's maximum of 15, and at least 8 to turn away truncated numbers.
    public static let phoneDigitRange = 8...15

    /// Normalises `raw` for `channel`, or for the channel its shape suggests; throws 21211 when it is not valid there.
    public init(_ raw: String, channel: DeliveryChannel? = nil) throws(TwilioError) {
        guard let channel = channel ?? DeliveryChannel(detectingFrom: raw) else { throw .invalidToPhoneNumber(raw) }
        self.channel = channel
        let text = AddressText.trimmed(raw)
        let normalised: String? = switch channel {
        case .sms: Self.e164(text)
        case .whatsapp: Self.e164(AddressText.droppingPrefix("whatsapp:", from: text)).map { "whatsapp:" + $0 }
        case .messenger: Self.messengerID(AddressText.droppingPrefix("messenger:", from: text)).map { "messenger:" + $0 }
        case .email: Self.email(text)
        // An identity is an opaque key, so it is kept exactly as given.
        case .chat: text.isEmpty ? nil : raw
        }
        guard let normalised else { throw .invalidToPhoneNumber(raw) }
        value = normalised
    }

    /// `raw` normalised as stored addresses are, or as given when it is no valid address: what a list filter or a
    /// lookup by address compares with, so `+1 415…` finds `+1415…` and anything else matches only itself.
    public static func normalisedOrVerbatim(_ raw: String) -> String {
        (try? DeliveryAddress(raw).value) ?? raw
    }

    /// `+` and 8–15 digits, with spaces, dashes, dots and parentheses removed; the first digit of a country
    /// code is never 0. Letters (vanity numbers) and any other character are refused.
    static func e164(_ text: Substring) -> String? {
        guard text.first == "+" else { return nil }
        var digits = ""
        for character in text.dropFirst() {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if !(character.isWhitespace || "-.()".contains(character)) {
                return nil
            }
        }
        guard phoneDigitRange.contains(digits.count), digits.first != "0" else { return nil }
        return "+" + digits
    }

    /// A page-scoped id: non-empty, no whitespace.
    static func messengerID(_ text: Substring) -> String? {
        let id = AddressText.trimmed(text)
        guard !id.isEmpty, !id.contains(where: \.isWhitespace) else { return nil }
        return String(id)
    }

    /// A basic syntax check, not RFC 5322: one `@`, a local part without spaces or specials, and a domain of at
    /// least two dot-separated labels whose last holds a letter. The domain is lowercased; the local part is kept
    /// as written, because mail servers may treat its case as significant.
    static func email(_ text: Substring) -> String? {
        guard let at = text.lastIndex(of: "@") else { return nil }
        let local = text[..<at]
        let domain = text[text.index(after: at)...].lowercased()
        let forbidden: Set<Character> = ["@", "(", ")", "<", ">", "[", "]", "\\", ",", ";", ":", "\""]
        guard (1...64).contains(local.count),
              !local.contains(where: { $0.isWhitespace || forbidden.contains($0) || isControl($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard domain.count <= 253, labels.count >= 2,
              labels.allSatisfy(isDomainLabel),
              labels.last?.contains(where: \.isLetter) == true
        else { return nil }
        return local + "@" + domain
    }

    /// 1–63 letters, digits or hyphens, not starting or ending with a hyphen; non-ASCII letters are allowed so
    /// internationalised domains pass.
    static func isDomainLabel(_ label: Substring) -> Bool {
        (1...63).contains(label.count)
            && label.allSatisfy { $0.isLetter || ($0.isASCII && $0.isNumber) || $0 == "-" }
            && label.first != "-" && label.last != "-"
    }

    static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
