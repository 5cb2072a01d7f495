import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The bench's own HTTP listener on loopback, where the server posts the webhooks that end journeys: each post is
/// handed to `receive` with its path and form body, and answered `204` on the kept-alive connection.
final class WebhookListener: Sendable {
    /// `http://host:port`, to put in a `StatusCallback`.
    let root: String
    private let channel: any Channel

    private init(root: String, channel: any Channel) {
        self.root = root
        self.channel = channel
    }

    /// Listens on an ephemeral port of `host`.
    static func start(host: String = "127.0.0.1", receive: @escaping @Sendable (_ path: String, _ form: [String: String]) -> Void) async throws -> WebhookListener {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(WebhookHandler(receive: receive))
                }
            }
            .bind(host: host, port: 0).get()
        guard let port = channel.localAddress?.port else { throw BenchSetupError(description: "the webhook listener has no port") }
        return WebhookListener(root: "http://\(host):\(port)", channel: channel)
    }

    /// Stops listening.
    func stop() async {
        try? await channel.close()
    }

    /// Decodes `application/x-www-form-urlencoded`.
    static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

/// One connection of the listener.
private final class WebhookHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let receive: @Sendable (String, [String: String]) -> Void
    var path = ""
    var keepAlive = true
    var body = ByteBuffer()

    init(receive: @escaping @Sendable (String, [String: String]) -> Void) {
        self.receive = receive
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            path = head.uri
            keepAlive = head.isKeepAlive
            body.clear()
        case .body(var chunk):
            body.writeBuffer(&chunk)
        case .end:
            receive(path, WebhookListener.form(String(buffer: body)))
            var headers = HTTPHeaders()
            headers.add(name: "Content-Length", value: "0")
            let head = HTTPResponseHead(version: .http1_1, status: .noContent, headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if keepAlive {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            } else {
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}
