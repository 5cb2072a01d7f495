/// What one SMTP transaction sends: the envelope's sender and recipients, and the mail itself.
public struct SMTPEnvelope: Sendable, Equatable {
    /// `MAIL FROM`.
    public var from: String
    /// `RCPT TO`, each.
    public var recipients: [String]
    /// The mail (headers and body), CRLF line ends, not yet dot-stuffed.
    public var mail: [UInt8]

    /// Creates the envelope.
    public init(from: String, recipients: [String], mail: [UInt8]) {
        self.from = from
        self.recipients = recipients
        self.mail = mail
    }
}
