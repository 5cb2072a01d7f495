import Foundation

/// The text a mail carries for a conversation: its `text/plain` part, or else its `text/html` part as plain
/// text; attachments and other media are left out.
public enum MailText {
    /// Nesting deeper than this is not a mail client's, and is refused rather than followed.
    static let maximumDepth = 8

    /// The text of the entity with `headers` and `body`. Throws ``MalformedMail`` when a multipart has no
    /// boundary or is not closed, or a body does not decode from its transfer encoding.
    public static func of(headers: MailHeaders, body: ArraySlice<UInt8>) throws(MalformedMail) -> String {
        let found = try texts(headers: headers, body: body, depth: 0)
        if let plain = found.plain { return plain.trimmed("\n\r \t") }
        if let html = found.html { return HTMLText.plain(html) }
        return ""
    }

    static func texts(headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int) throws(MalformedMail) -> (plain: String?, html: String?) {
        guard depth <= maximumDepth else { throw MalformedMail("multipart nested more than \(maximumDepth) deep") }
        let type = MediaType(headers.value("Content-Type"))
        if MediaType(headers.value("Content-Disposition")).value == "attachment" { return (nil, nil) }
        if type.value.hasPrefix("multipart/") {
            guard let boundary = type.parameters["boundary"], !boundary.isEmpty else {
                throw MalformedMail("\(type.value) without a boundary parameter")
            }
            var plain: String?
            var html: String?
            for part in try MultipartBody.parts(of: body, boundary: boundary) {
                let (partHeaders, partBody) = try MailHeaders.split(part)
                let found = try texts(headers: partHeaders, body: partBody, depth: depth + 1)
                plain = plain ?? found.plain
                html = html ?? found.html
            }
            return (plain, html)
        }
        guard type.value == "text/plain" || type.value == "text/html" else { return (nil, nil) }
        let bytes = try decoded(body, encoding: headers.value("Content-Transfer-Encoding"))
        let text = MailCharset.text(bytes, charset: type.parameters["charset"]).replacingOccurrences(of: "\r\n", with: "\n")
        return type.value == "text/plain" ? (text, nil) : (nil, text)
    }

    /// `body` decoded from its `Content-Transfer-Encoding`.
    static func decoded(_ body: ArraySlice<UInt8>, encoding: String?) throws(MalformedMail) -> [UInt8] {
        switch encoding?.lowercased() ?? "7bit" {
        case "quoted-printable": try QuotedPrintable.decode(Array(body))
        case "base64": try MailBase64.decode(Array(body))
        case "7bit", "8bit", "binary": Array(body)
        case let other: throw MalformedMail("unknown Content-Transfer-Encoding \(other)")
        }
    }
}
