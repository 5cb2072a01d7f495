import Foundation

/// Base64 as MIME carries it: in lines of 76 characters, and read back ignoring line breaks and whitespace.
public enum MailBase64 {
    /// `bytes` in base64 lines of 76 characters joined by CRLF.
    public static func encode(_ bytes: [UInt8]) -> String {
        let text = Data(bytes).base64EncodedString()
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(text[start..<end])
            start = end
        }
        return lines.joined(separator: "\r\n")
    }

    /// The bytes `text` encodes; throws when it is not base64.
    public static func decode(_ text: [UInt8]) throws(MalformedMail) -> [UInt8] {
        let compact = text.filter { !($0 == 0x0D || $0 == 0x0A || $0 == 0x20 || $0 == 0x09) }
        guard let data = Data(base64Encoded: Data(compact)) else { throw MalformedMail("invalid base64 body") }
        return Array(data)
    }
}
