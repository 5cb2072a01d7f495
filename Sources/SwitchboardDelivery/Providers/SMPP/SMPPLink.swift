import NIOCore
import NIOPosix

/// One TCP connection to an SMSC: PDUs written as they are given, and those read handed out in order until the
/// connection ends.
final class SMPPLink: Sendable {
    let channel: any Channel
    /// `host:port` of the SMSC, for error text.
    let peer: String
    /// The PDUs the SMSC sent; it finishes when the connection closes or breaks.
    let inbound: AsyncStream<SMPPPDU>

    private init(channel: any Channel, peer: String, inbound: AsyncStream<SMPPPDU>) {
        self.channel = channel
        self.peer = peer
        self.inbound = inbound
    }

    /// Opens the connection; throws ``ConnectorUnavailable`` when the SMSC cannot be reached.
    static func open(host: String, port: Int, timeout: TimeAmount = .seconds(5)) async throws -> SMPPLink {
        let (stream, continuation) = AsyncStream.makeStream(of: SMPPPDU.self)
        let relay = SMPPInboundRelay(continuation: continuation)
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMPPFrameDecoder()))
                        try channel.pipeline.syncOperations.addHandler(relay)
                    }
                }
                .connect(host: host, port: port).get()
            return SMPPLink(channel: channel, peer: "\(host):\(port)", inbound: stream)
        } catch {
            continuation.finish()
            throw ConnectorUnavailable("cannot connect to the SMSC at \(host):\(port) (\(error))")
        }
    }

    /// Writes `pdu`; throws when the connection is gone.
    func write(_ pdu: SMPPPDU) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: pdu.encoded))
    }

    /// Closes the connection, which finishes `inbound`.
    func close() {
        channel.close(promise: nil)
    }
}

/// Hands each PDU read to the link's stream, and ends the stream when the connection ends or breaks.
final class SMPPInboundRelay: ChannelInboundHandler, Sendable {
    typealias InboundIn = SMPPPDU

    let continuation: AsyncStream<SMPPPDU>.Continuation

    init(continuation: AsyncStream<SMPPPDU>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        continuation.yield(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A stream that cannot be framed cannot be trusted for the PDUs after it either.
        continuation.finish()
        context.close(promise: nil)
    }
}
