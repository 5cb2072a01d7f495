public import Logging
import NIOCore
import NIOPosix
import NIOSSL
public import ServiceLifecycle

/// `serve --smtp-port`: an SMTP server over SwiftNIO that takes customers' mail for the email senders, offering
/// STARTTLS when it has a certificate (`--smtp-tls-cert`, `--smtp-tls-key`). Stops taking connections at
/// shutdown and closes the ones open.
public struct SMTPListener: Service {
    let host: String
    let port: Int
    let maximumMessageBytes: Int
    let drop: any MailDrop
    let tls: SMTPListenerTLS?
    let logger: Logger
    /// The longest command line taken before the connection is closed (RFC 5321 allows 512 octets).
    static let maximumCommandLine = 4096

    /// A listener on `host:port` handing mail of at most `maximumMessageBytes` to `drop`, offering STARTTLS
    /// with `tls` when given.
    public init(host: String, port: Int, maximumMessageBytes: Int, drop: any MailDrop, tls: SMTPListenerTLS? = nil, logger: Logger) {
        self.host = host
        self.port = port
        self.maximumMessageBytes = maximumMessageBytes
        self.drop = drop
        self.tls = tls
        self.logger = logger
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        logger.info("SMTP listener ready", metadata: ["host": "\(host)", "port": "\(port)"])
        do {
            try await cancelWhenGracefulShutdown {
                try await withThrowingDiscardingTaskGroup { group in
                    try await server.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask { await serve(connection) }
                        }
                    }
                }
            }
        } catch is CancellationError {
            // Shutdown cancels the accept loop and the open sessions; a mail not yet answered with 250 is not
            // stored, so its client sends it again.
        }
        logger.info("SMTP listener stopped")
    }

    /// Adds TLS in front of the connection, behind the 220 already written: the event loop runs the write and
    /// then this, in order.
    func startTLS(on channel: any Channel, _ tls: SMTPListenerTLS) async throws {
        let context = tls.context
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context), position: .first)
        }.get()
    }

    /// One connection's session, until QUIT, the peer closes, or shutdown.
    func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var session = SMTPServerSession(drop: drop, maximumMessageBytes: maximumMessageBytes, offersTLS: tls != nil)
                try await outbound.write(ByteBuffer(string: session.greeting.wire))
                var pending: [UInt8] = []
                for try await bytes in inbound {
                    pending.append(contentsOf: bytes.readableBytesView)
                    var start = 0
                    while let newline = pending[start...].firstIndex(of: 0x0A) {
                        var end = newline
                        if end > start, pending[end - 1] == 0x0D { end -= 1 }
                        let reply = await session.receive(pending[start..<end])
                        start = newline + 1
                        if let reply { try await outbound.write(ByteBuffer(string: reply.wire)) }
                        if session.finished { return }
                        if session.startingTLS, let tls {
                            try await startTLS(on: connection.channel, tls)
                            session.tlsStarted()
                            // Whatever came after STARTTLS in the clear is not the client's to trust (RFC 3207 §4.2).
                            start = pending.count
                            break
                        }
                    }
                    pending.removeFirst(start)
                    // A line this long is no command; in DATA, the session's size limit drops what it must.
                    if pending.count > (session.readingData ? maximumMessageBytes + 2 : Self.maximumCommandLine) {
                        try await outbound.write(ByteBuffer(string: SMTPServerReply(500, "5.5.6 Line too long").wire))
                        return
                    }
                }
            }
        } catch {
            logger.debug("SMTP connection ended", metadata: ["error": "\(error)"])
        }
    }
}
