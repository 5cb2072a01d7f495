import Foundation

/// RFC 2047 encoded words, by which a header such as `Subject` or a display name carries non-ASCII text.
public enum EncodedWord {
    /// `text` as is when it is printable ASCII, otherwise as UTF-8 `B` encoded words of at most 75 characters,
    /// split between characters and joined by folding whitespace.
    public static func encode(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !text.contains("=?") { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 characters less `=?utf-8?b?` and `?=` leave 63 base64 characters: 45 bytes, whole characters only.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    static func word(_ bytes: [UInt8]) -> String {
        "=?utf-8?b?" + MailBase64.encode(bytes) + "?="
    }

    /// `header` with its encoded words decoded; whitespace between two adjacent encoded words is dropped, as the
    /// RFC says. A word that does not decode is left as written.
    public static func decode(_ header: String) -> String {
        var output = ""
        var rest = Substring(header)
        var pendingSpace = ""
        var lastWasWord = false
        while !rest.isEmpty {
            if let range = rest.range(of: "=?"), let (text, end) = decodeWord(rest[range.lowerBound...]) {
                let between = rest[..<range.lowerBound]
                if !(lastWasWord && between.allSatisfy(\.isWhitespace)) { output += pendingSpace + between }
                pendingSpace = ""
                output += text
                rest = rest[end...]
                lastWasWord = true
                // Whitespace up to the next word is held until it is known whether a word follows it.
                let spaces = rest.prefix { $0.isWhitespace }
                pendingSpace = String(spaces)
                rest = rest.dropFirst(spaces.count)
            } else if let range = rest.range(of: "=?") {
                output += pendingSpace + rest[..<range.upperBound]
                pendingSpace = ""
                rest = rest[range.upperBound...]
                lastWasWord = false
            } else {
                output += pendingSpace + rest
                pendingSpace = ""
                rest = ""
            }
        }
        return output + pendingSpace
    }

    /// The text of the encoded word at the start of `text`, and where it ends.
    static func decodeWord(_ text: Substring) -> (String, Substring.Index)? {
        let parts = text.dropFirst(2)
        guard let charsetEnd = parts.firstIndex(of: "?") else { return nil }
        let charset = parts[..<charsetEnd].split(separator: "*").first.map(String.init) ?? ""
        let afterCharset = parts[parts.index(after: charsetEnd)...]
        guard let encodingEnd = afterCharset.firstIndex(of: "?") else { return nil }
        let encoding = afterCharset[..<encodingEnd].lowercased()
        let payloadStart = afterCharset.index(after: encodingEnd)
        guard let close = afterCharset[payloadStart...].range(of: "?=") else { return nil }
        let payload = Array(afterCharset[payloadStart..<close.lowerBound].utf8)
        guard !payload.contains(where: { $0 == 0x20 }) else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "b":
            guard let decoded = try? MailBase64.decode(payload) else { return nil }
            bytes = decoded
        case "q":
            let spaced = payload.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
            guard let decoded = try? QuotedPrintable.decode(spaced) else { return nil }
            bytes = decoded
        default:
            return nil
        }
        return (MailCharset.text(bytes, charset: charset), close.upperBound)
    }
}
