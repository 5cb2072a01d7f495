/// A connection to an SMTP server as the dialogue sees it: lines out, replies in, and the switch to TLS. The
/// NIO connection is one; unit tests script another.
public protocol SMTPLink: Sendable {
    /// Sends `line`, to which CRLF is added.
    func send(_ line: String) async throws
    /// Sends `bytes` as they are (the dot-stuffed mail).
    func sendRaw(_ bytes: [UInt8]) async throws
    /// The server's next reply; throws when the connection closes first.
    func reply() async throws -> SMTPReply
    /// Starts TLS on the connection, after the server's 220 to STARTTLS.
    func startTLS() async throws
}
