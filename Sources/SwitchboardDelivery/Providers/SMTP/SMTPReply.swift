/// One SMTP reply: its three-digit code and its lines of text (RFC 5321 §4.2).
public struct SMTPReply: Sendable, Equatable {
    /// The code, such as 250 or 451.
    public var code: Int
    /// The text of each line, without the code.
    public var lines: [String]

    /// Creates a reply.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The lines joined by spaces: what a message's error text keeps.
    public var text: String { lines.joined(separator: " ") }

    /// 2xx or 3xx.
    public var isPositive: Bool { code < 400 }

    /// Whether an EHLO reply lists `keyword` (`STARTTLS`, `AUTH`, …) among its extensions.
    public func offers(_ keyword: String) -> Bool {
        extensionParameters(keyword) != nil
    }

    /// The parameters after extension `keyword` in an EHLO reply (`AUTH PLAIN LOGIN` gives `["PLAIN", "LOGIN"]`);
    /// `nil` when it is not listed. The first line is the greeting, not an extension.
    public func extensionParameters(_ keyword: String) -> [String]? {
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            if words.first == keyword.uppercased() { return Array(words.dropFirst()) }
        }
        return nil
    }
}

/// Reads replies out of the bytes a server sends, however TCP splits them.
struct SMTPReplyReader {
    var buffer: [UInt8] = []
    var pending: [String] = []

    /// Adds received bytes.
    mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete reply, or `nil` until more bytes come. Throws on a line that is not `ddd[ -]text`.
    mutating func next() throws(SMTPProtocolViolation) -> SMTPReply? {
        while let newline = buffer.firstIndex(of: 0x0A) {
            var line = buffer[..<newline]
            if line.last == 0x0D { line = line.dropLast() }
            buffer.removeSubrange(...newline)
            let text = String(decoding: line, as: UTF8.self)
            let digits = text.prefix(3)
            guard digits.count == 3, digits.allSatisfy(\.isNumber), let code = Int(digits) else {
                throw SMTPProtocolViolation("the server sent a line that is no SMTP reply: \(text.prefix(80))")
            }
            let separator = text.dropFirst(3).first
            pending.append(String(text.dropFirst(4)))
            if separator != "-" {
                defer { pending = [] }
                return SMTPReply(code: code, lines: pending)
            }
        }
        return nil
    }
}

/// The server broke the protocol (or closed the connection) mid-dialogue: worth trying again later.
public struct SMTPProtocolViolation: Error, Sendable, CustomStringConvertible {
    /// What happened.
    public var description: String

    /// Creates the error.
    public init(_ description: String) {
        self.description = description
    }
}
