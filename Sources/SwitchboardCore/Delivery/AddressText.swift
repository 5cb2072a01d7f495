/// Small text helpers shared by address detection and normalisation.
enum AddressText {
    /// `text` without leading and trailing whitespace.
    static func trimmed<Text: StringProtocol>(_ text: Text) -> Substring {
        let whole = text[...]
        guard let start = whole.firstIndex(where: { !$0.isWhitespace }),
              let end = whole.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return Substring(whole[start...end])
    }

    /// Whether `text` starts with `prefix` (written in lowercase), ignoring case: Twilio's own prefixes are
    /// lowercase, but people type `WhatsApp:`.
    static func hasPrefix<Text: StringProtocol>(_ prefix: String, _ text: Text) -> Bool {
        text.lowercased().hasPrefix(prefix)
    }

    /// `text` without `prefix`, when it starts with it in any case.
    static func droppingPrefix(_ prefix: String, from text: Substring) -> Substring {
        hasPrefix(prefix, text) ? text.dropFirst(prefix.count) : text
    }
}
