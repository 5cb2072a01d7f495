/// Rules for the identifiers Twilio calls SIDs: a two-letter prefix and 32 lowercase hex digits.
public enum Sid {
    /// The number of hex digits after the prefix.
    public static let hexLength = 32

    /// Whether `value` is a well-formed SID with the given prefix (hex digits of either case, as Twilio accepts).
    public static func isValid(_ value: String, prefix: SidPrefix) -> Bool {
        let utf8 = Array(value.utf8)
        guard utf8.count == 2 + hexLength, value.hasPrefix(prefix.rawValue) else { return false }
        return utf8.dropFirst(2).allSatisfy(Self.isHexDigit)
    }

    /// Whether `value` starts with `prefix`: the loose check applied to SIDs that reference other resources.
    public static func hasPrefix(_ value: String, _ prefix: String) -> Bool {
        value.count > prefix.count && value.hasPrefix(prefix)
    }

    /// Whether `value` has the shape of a SID with `prefix` that may name a resource elsewhere: the prefix and 32
    /// hex digits, where Twilio's documentation placeholders may write any digit as `x` or `X`, and its generated
    /// samples follow the placeholder with `None` (`ISXXXX…XNone`), so those samples run as written.
    public static func isReference(_ value: String, prefix: String) -> Bool {
        guard value.hasPrefix(prefix) else { return false }
        var digits = Array(value.utf8.dropFirst(prefix.utf8.count))
        let placeholder = Array("None".utf8)
        if digits.count == hexLength + placeholder.count, digits.suffix(placeholder.count).elementsEqual(placeholder) {
            digits.removeLast(placeholder.count)
            guard digits.allSatisfy(isPlaceholderDigit) else { return false }
        }
        return digits.count == hexLength && digits.allSatisfy { isHexDigit($0) || isPlaceholderDigit($0) }
    }

    static func isPlaceholderDigit(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }
}
