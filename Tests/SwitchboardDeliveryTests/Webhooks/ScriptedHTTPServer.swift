import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 that answers each request with the next status of its script (then 200)
/// and records the connections it accepted and the requests it received.
final class ScriptedHTTPServer: Sendable {
    struct Received: Sendable {
        var method: HTTPMethod
        var uri: String
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    private struct State {
        var statuses: [Int]
        var received: [Received] = []
        var connections = 0
    }

    private let state: Mutex<State>
    private let channel: Mutex<(any Channel)?>
    private let boundPort = Atomic(0)

    private init(statuses: [Int]) {
        state = Mutex(State(statuses: statuses))
        channel = Mutex(nil)
    }

    /// The port it listens on, or listened on once stopped.
    var port: Int { boundPort.load(ordering: .relaxed) }
    var received: [Received] { state.withLock { $0.received } }
    var connections: Int { state.withLock { $0.connections } }

    /// Starts a server on an ephemeral port.
    static func start(statuses: [Int]) async throws -> ScriptedHTTPServer {
        let server = ScriptedHTTPServer(statuses: statuses)
        let bound = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                server.state.withLock { $0.connections += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        server.channel.withLock { $0 = bound }
        server.boundPort.store(bound.localAddress?.port ?? 0, ordering: .relaxed)
        return server
    }

    func stop() async throws {
        try await channel.withLock { $0 }?.close()
    }

    /// Records a complete request and says which status to answer it with.
    private func answer(_ request: Received) -> Int {
        state.withLock { state in
            state.received.append(request)
            return state.statuses.isEmpty ? 200 : state.statuses.removeFirst()
        }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let server: ScriptedHTTPServer
        var request: Received?

        init(server: ScriptedHTTPServer) {
            self.server = server
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                request = Received(method: head.method, uri: head.uri, headers: head.headers, body: [])
            case .body(let buffer):
                request?.body += buffer.readableBytesView
            case .end:
                guard let complete = request else { return }
                request = nil
                let status = server.answer(complete)
                let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status),
                                            headers: ["Content-Length": "0"])
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
