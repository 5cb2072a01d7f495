/// The server answered a step of the dialogue with a 4xx or 5xx reply.
public struct SMTPNegativeReply: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step it answered: `MAIL FROM`, `RCPT TO`, `DATA`, …
    public var step: String
    /// The reply.
    public var reply: SMTPReply

    /// Creates the error.
    public init(step: String, reply: SMTPReply) {
        self.step = step
        self.reply = reply
    }

    /// `SMTP 550 5.1.1 No such user (at RCPT TO)`: what the message's error text keeps.
    public var description: String { "SMTP \(reply.code) \(reply.text) (at \(step))" }
}

/// The sender requires STARTTLS and the server did not offer it, so nothing was sent in the clear.
public struct SMTPStartTLSMissing: Error, Sendable, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    /// The explanation kept on the message.
    public var description: String {
        "the SMTP server does not offer STARTTLS, which this sender requires (set starttls to off to send in plain text)"
    }
}

/// The sender has credentials but the server offers neither AUTH PLAIN nor AUTH LOGIN.
public struct SMTPAuthUnavailable: Error, Sendable, CustomStringConvertible {
    /// What the server offered instead.
    public var offered: [String]

    /// The explanation kept on the message.
    public var description: String {
        offered.isEmpty ? "the SMTP server offers no AUTH, but the sender has a username and password"
            : "the SMTP server offers AUTH \(offered.joined(separator: " ")), not PLAIN or LOGIN"
    }
}
