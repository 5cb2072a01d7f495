import NIOCore
import NIOPosix
import NIOSSL

/// An SMTP client connection over SwiftNIO: a TCP connection whose replies are read line by line, and to which
/// TLS is added in place when the dialogue asks (STARTTLS).
final class SMTPConnection: SMTPLink, @unchecked Sendable {
    // The iterator and reader are used by one dialogue, one call at a time; hence @unchecked.
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var reader = SMTPReplyReader()
    let host: String
    let tls: NIOSSLContext?

    init(channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
         outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, host: String, tls: NIOSSLContext?) {
        self.channel = channel
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.host = host
        self.tls = tls
    }

    /// Connects to `host:port` and runs `body` over the connection, which is closed after it.
    static func withConnection<Result: Sendable>(
        host: String, port: Int, tls: NIOSSLContext?, connectTimeout: TimeAmount,
        _ body: (SMTPConnection) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(connectTimeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(SMTPConnection(channel: channel, inbound: inbound, outbound: outbound, host: host, tls: tls))
        }
    }

    func send(_ line: String) async throws {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
    }

    func sendRaw(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    func reply() async throws -> SMTPReply {
        while true {
            if let reply = try reader.next() { return reply }
            guard let bytes = try await inbound.next() else {
                throw SMTPProtocolViolation("the SMTP server closed the connection")
            }
            reader.append(bytes.readableBytesView)
        }
    }

    func startTLS() async throws {
        guard let tls else { throw SMTPProtocolViolation("TLS is not configured for this connection") }
        // An IP literal is no SNI name; the certificate is then checked against the peer's address.
        let serverHostname = host.isIPAddress ? nil : host
        let channel = channel.channel
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverHostname), position: .first)
        }.get()
    }
}

extension String {
    /// Whether this is an IPv4 or IPv6 literal rather than a host name.
    var isIPAddress: Bool {
        (try? SocketAddress(ipAddress: self, port: 0)) != nil
    }
}
