public import Foundation
public import SwitchboardCore

/// The mail an email message becomes (RFC 5322 and MIME): UTF-8 headers in encoded words, the text as
/// `text/plain` and `text/html` alternatives in quoted-printable, and attachments in base64 around them.
public struct OutboundMail: Sendable {
    /// The author's address.
    public var fromAddress: String
    /// The author's display name.
    public var fromName: String?
    /// The `Message-ID`, without angle brackets.
    public var messageID: String
    /// The files to attach.
    public var attachments: [MailAttachment]

    /// Creates the mail's description.
    public init(fromAddress: String, fromName: String?, messageID: String, attachments: [MailAttachment]) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.messageID = messageID
        self.attachments = attachments
    }

    /// The `Message-ID` of `message` sent from `address`: its SID at the sender's domain, the same on every
    /// attempt, so a retried mail is recognisably the same one and replies name it.
    public static func messageID(for message: Message, from address: String) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? "switchboard.invalid"
        return "\(message.sid)@\(domain)"
    }

    /// The mail for `message`, sent at `date`, with CRLF line ends.
    public func render(_ message: Message, date: Date) -> String {
        // `=_` cannot occur in quoted-printable or base64 text, so these boundaries cannot collide with a body.
        let alternative = "=_alt_\(message.sid)"
        let mixed = "=_mixed_\(message.sid)"
        var lines = [
            "From: " + mailbox(fromAddress, name: fromName),
            "To: <\(message.to)>",
            "Subject: " + EncodedWord.encode(message.subject ?? ""),
            "Date: " + Self.date(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        let body = alternatives(message.body, boundary: alternative)
        if attachments.isEmpty {
            lines += body
        } else {
            lines += ["Content-Type: multipart/mixed; boundary=\"\(mixed)\"", "", "This is a multi-part message in MIME format.", "--\(mixed)"]
            lines += body
            for attachment in attachments {
                let name = EncodedWord.encode(attachment.filename).replacingOccurrences(of: "\"", with: "'")
                lines += ["", "--\(mixed)", "Content-Type: \(attachment.contentType); name=\"\(name)\"",
                          "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=\"\(name)\"", "",
                          MailBase64.encode(attachment.bytes)]
            }
            lines += ["--\(mixed)--"]
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The `multipart/alternative` entity (its headers first) of `text`.
    func alternatives(_ text: String, boundary: String) -> [String] {
        [
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "",
            "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
            QuotedPrintable.encode(Array(text.utf8)),
            "--\(boundary)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
            QuotedPrintable.encode(Array(HTMLText.html(fromPlain: text).utf8)),
            "--\(boundary)--",
        ]
    }

    func mailbox(_ address: String, name: String?) -> String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        let encoded = EncodedWord.encode(name)
        // A plain name with specials is quoted; an encoded word must not be.
        let specials = "()<>[]:;@\\,.\""
        if encoded == name, name.contains(where: { specials.contains($0) }) {
            return "\"\(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\" <\(address)>"
        }
        return "\(encoded) <\(address)>"
    }

    /// `date` as RFC 5322 writes it, in UTC.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
