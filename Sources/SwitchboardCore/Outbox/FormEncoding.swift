/// `application/x-www-form-urlencoded`, as a browser and Twilio write it.
public enum FormEncoding {
    /// The encoded text of `pairs`, in their order.
    public static func encode(_ pairs: [FormPair]) -> String {
        pairs.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    /// The pairs of an encoded text; `nil` when a percent escape is broken.
    public static func decode(_ text: String) -> [FormPair]? {
        guard !text.isEmpty else { return [] }
        var pairs: [FormPair] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = unescape(pieces[0]), let value = unescape(pieces.count > 1 ? pieces[1] : "") else { return nil }
            pairs.append(FormPair(name, value))
        }
        return pairs
    }

    /// Everything but unreserved characters is percent-encoded; space becomes `+`, or `%20` for URLs Switchboard
    /// writes into responses.
    public static func escape(_ text: String, spaceAsPlus: Bool = true) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " ") where spaceAsPlus:
                result.append("+")
            default:
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// The text of one encoded name or value; `nil` when a percent escape is broken or the bytes are not UTF-8.
    public static func unescape(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(TextScanning.hexValue(of:)), let low = iterator.next().flatMap(TextScanning.hexValue(of:))
                else { return nil }
                bytes.append(UInt8(high << 4 | low))
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
