/// RFC 2045 quoted-printable, the body encoding that keeps mostly-ASCII text readable in the raw mail.
public enum QuotedPrintable {
    /// `bytes` encoded in lines of at most 76 characters joined by CRLF, soft line breaks (`=`) where a line is
    /// split; the text's own line breaks (LF or CRLF) stay hard CRLF breaks.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var line = ""
        let hex = Array("0123456789ABCDEF")
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1; continue }
            if byte == 0x0A {
                // Trailing whitespace before a hard break would be stripped in transit, so it is encoded.
                if let last = line.last, last == " " || last == "\t" {
                    line.removeLast()
                    line += last == " " ? "=20" : "=09"
                }
                output += line + "\r\n"
                line = ""
                index += 1
                continue
            }
            let piece: String
            if (byte >= 33 && byte <= 126 && byte != 61) || byte == 32 || byte == 9 {
                piece = String(UnicodeScalar(byte))
            } else {
                piece = "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
            if line.count + piece.count > 75 {
                output += line + "=\r\n"
                line = ""
            }
            line += piece
            index += 1
        }
        if let last = line.last, last == " " || last == "\t" {
            line.removeLast()
            line += last == " " ? "=20" : "=09"
        }
        return output + line
    }

    /// The bytes `text` encodes; soft line breaks are removed. Throws when an `=` is followed by neither two hex
    /// digits nor a line break, which no conforming encoder writes.
    public static func decode(_ text: [UInt8]) throws(MalformedMail) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            guard byte == UInt8(ascii: "=") else { output.append(byte); index += 1; continue }
            // A soft line break, possibly after transport-added trailing whitespace.
            var next = index + 1
            while next < text.count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
            if next < text.count, text[next] == 0x0D || text[next] == 0x0A {
                index = next + (text[next] == 0x0D && next + 1 < text.count && text[next + 1] == 0x0A ? 2 : 1)
                continue
            }
            if next == text.count { index = next; continue }
            guard index + 2 < text.count, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) else {
                throw MalformedMail("invalid quoted-printable escape")
            }
            output.append(high << 4 | low)
            index += 3
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
