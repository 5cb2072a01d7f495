import Synchronization
@testable import SwitchboardDelivery

/// An SMTP server scripted in memory: each reply it gives in turn, and every line the client sent to it.
final class ScriptedSMTPLink: SMTPLink {
    private let state: Mutex<(replies: [SMTPReply], sent: [String], tlsStarted: Bool)>

    init(_ replies: [SMTPReply]) {
        state = Mutex((replies, [], false))
    }

    /// The lines sent, the raw mail as one entry.
    var sent: [String] { state.withLock { $0.sent } }
    /// Whether the client switched to TLS.
    var tlsStarted: Bool { state.withLock { $0.tlsStarted } }

    func send(_ line: String) async throws {
        state.withLock { $0.sent.append(line) }
    }

    func sendRaw(_ bytes: [UInt8]) async throws {
        state.withLock { $0.sent.append(String(decoding: bytes, as: UTF8.self)) }
    }

    func reply() async throws -> SMTPReply {
        try state.withLock { state in
            guard !state.replies.isEmpty else { throw SMTPProtocolViolation("the SMTP server closed the connection") }
            return state.replies.removeFirst()
        }
    }

    func startTLS() async throws {
        state.withLock { $0.tlsStarted = true }
    }
}

extension SMTPReply {
    static func ok(_ code: Int = 250, _ lines: String...) -> SMTPReply { SMTPReply(code: code, lines: lines.isEmpty ? ["OK"] : lines) }
}
