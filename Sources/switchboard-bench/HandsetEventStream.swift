import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A sandbox handset's Server-Sent Events (`GET /sandbox/v1/Messages/Events?Address=…`), read for as long as a
/// workload runs: each message that reaches the handset is handed to `receive` as its JSON object.
final class HandsetEventStream: Sendable {
    private let channel: any Channel

    private init(channel: any Channel) {
        self.channel = channel
    }

    /// Opens the stream of `address` on `server`.
    /// Fails unless the server answers `200`.
    static func open(server: BenchServer, address: String, receive: @escaping @Sendable ([String: Any]) -> Void) async throws -> HandsetEventStream {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let answered = eventLoop.makePromise(of: HTTPResponseStatus.self)
        let channel = try await ClientBootstrap(group: eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(EventFrameHandler(answered: answered, receive: receive))
                }
            }
            .connect(host: server.host, port: server.port).get()
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "\(server.host):\(server.port)")
        headers.add(name: "Authorization", value: server.authorization)
        headers.add(name: "Accept", value: "text/event-stream")
        let query = address.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? address
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: "/sandbox/v1/Messages/Events?Address=" + query, headers: headers)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil))
        let status = try await answered.futureResult.get()
        guard status == .ok else {
            try? await channel.close()
            throw BenchSetupError(description: "the handset event stream of \(address) was answered \(status.code)")
        }
        return HandsetEventStream(channel: channel)
    }

    /// Closes the stream.
    func close() async {
        try? await channel.close()
    }
}

/// Splits the stream's body into frames and hands each `data:` payload on.
private final class EventFrameHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    let answered: EventLoopPromise<HTTPResponseStatus>
    let receive: @Sendable ([String: Any]) -> Void
    var text = ""
    var isAnswered = false

    init(answered: EventLoopPromise<HTTPResponseStatus>, receive: @escaping @Sendable ([String: Any]) -> Void) {
        self.answered = answered
        self.receive = receive
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !isAnswered { answered.fail(BenchConnection.Closed()) }
        isAnswered = true
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if case .head(let head) = part, !isAnswered {
            isAnswered = true
            answered.succeed(head.status)
        }
        guard case .body(let chunk) = part else { return }
        text += String(buffer: chunk)
        while let end = text.range(of: "\n\n") {
            let frame = text[..<end.lowerBound]
            text = String(text[end.upperBound...])
            let payload = frame.split(separator: "\n").filter { $0.hasPrefix("data:") }
                .map { $0.dropFirst("data:".count).drop(while: { $0 == " " }) }.joined(separator: "\n")
            guard !payload.isEmpty, let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] else { continue }
            receive(object)
        }
    }
}
