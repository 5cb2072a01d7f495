/// Where the listener's mail goes: which recipients it takes, and what becomes of a received mail.
public protocol MailDrop: Sendable {
    /// Whether mail for `recipient` (as given in `RCPT TO`) is taken here.
    func accepts(recipient: String) async throws -> Bool
    /// Takes `mail` (after `DATA`, dot-unstuffed) for `recipients`; returns the reply to give: 250 once it is
    /// stored, a 5xx when it cannot be read (nothing stored), a 4xx when storing failed for now.
    func deliver(_ mail: [UInt8], envelopeFrom: String, recipients: [String]) async -> SMTPServerReply
}

/// A reply the listener gives: its code and text, one line or several.
public struct SMTPServerReply: Sendable, Equatable {
    /// The three-digit code.
    public var code: Int
    /// The lines of text.
    public var lines: [String]

    /// A reply of one line or more.
    public init(_ code: Int, _ lines: String...) {
        self.code = code
        self.lines = lines
    }

    /// A reply of the given lines.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The reply as sent: `code-text` lines, the last `code text`, each ending in CRLF.
    public var wire: String {
        lines.enumerated().map { index, line in "\(code)\(index == lines.count - 1 ? " " : "-")\(line)\r\n" }.joined()
    }
}
