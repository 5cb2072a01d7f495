/// A customer's mail as the listener read it: who wrote, its subject and text, and the ids that thread it.
public struct InboundMail: Sendable, Equatable {
    /// The author's address from `From`, else the envelope's `MAIL FROM`.
    public var from: String
    /// `Subject`, decoded; `nil` when absent.
    public var subject: String?
    /// The text: the `text/plain` part, or the `text/html` part as plain text.
    public var text: String
    /// `Message-ID`, without its angle brackets.
    public var messageID: String?
    /// The ids of `In-Reply-To` then `References` (newest last there), without angle brackets: the mails this one
    /// answers.
    public var replyTo: [String]

    /// Reads `bytes`, the mail as received after `DATA` (dot-unstuffed); `envelopeFrom` is `MAIL FROM`. Throws
    /// ``MalformedMail`` when its headers or MIME structure cannot be read, or it names no author.
    public init(_ bytes: [UInt8], envelopeFrom: String) throws(MalformedMail) {
        let (headers, body) = try MailHeaders.split(bytes[...])
        guard !headers.fields.isEmpty else { throw MalformedMail("the mail has no header fields") }
        let author = headers.value("From").flatMap(MailAddressHeader.init)?.address ?? envelopeFrom
        guard !author.isEmpty else { throw MalformedMail("the mail has no From address") }
        from = author
        subject = headers.value("Subject").map(EncodedWord.decode)
        text = try MailText.of(headers: headers, body: body)
        messageID = headers.value("Message-ID").flatMap { Self.ids($0).first }
        replyTo = (headers.value("In-Reply-To").map(Self.ids) ?? []) + (headers.value("References").map(Self.ids) ?? []).reversed()
    }

    /// The `<…>` ids in a header, brackets removed; a bare id when there are none.
    static func ids(_ header: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            ids.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        let bare = header.trimmed(" \t")
        if ids.isEmpty, !bare.isEmpty, !bare.contains(" ") { ids.append(bare) }
        return ids
    }
}
