import NIOCore
import NIOPosix

/// One kept-alive connection of the load, with at most one request in flight: it writes prepared bytes and
/// frames the answers itself, so a request costs the bench little more than the two syscalls.
final class BenchConnection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    /// The connection closed or failed with a request outstanding.
    struct Closed: Error {}

    /// The server this connection talks to.
    let server: BenchServer
    let eventLoop: any EventLoop
    // Touched only on `eventLoop`.
    private var channel: (any Channel)?
    private var framing = ResponseFraming()
    private var waiting = CircularBuffer<EventLoopPromise<BenchResponse>>()
    private var isOpen = true

    private init(server: BenchServer, eventLoop: any EventLoop) {
        self.server = server
        self.eventLoop = eventLoop
    }

    /// Opens a connection to `server`.
    static func open(to server: BenchServer, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> BenchConnection {
        let eventLoop = group.next()
        let connection = BenchConnection(server: server, eventLoop: eventLoop)
        let channel = try await ClientBootstrap(group: eventLoop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(connection) } }
            .connect(host: server.host, port: server.port).get()
        try await eventLoop.submit { connection.channel = channel }.get()
        return connection
    }

    /// Sends `request` and completes with its answer.
    func send(_ request: BenchRequest) -> EventLoopFuture<BenchResponse> {
        if eventLoop.inEventLoop { return sendOnLoop(request) }
        return eventLoop.flatSubmit { self.sendOnLoop(request) }
    }

    /// Sends `request` and returns its answer.
    func call(_ request: BenchRequest) async throws -> BenchResponse {
        try await send(request).get()
    }

    private func sendOnLoop(_ request: BenchRequest) -> EventLoopFuture<BenchResponse> {
        guard isOpen, let channel else { return eventLoop.makeFailedFuture(Closed()) }
        let promise = eventLoop.makePromise(of: BenchResponse.self)
        waiting.append(promise)
        channel.writeAndFlush(request.bytes, promise: nil)
        return promise.futureResult
    }

    /// Sends the request `make` gives for each number after `first`, one after another on the event loop until
    /// `deadline`, timing each; an answer `accept` refuses counts as a failure.
    func closedLoop(until deadline: NIODeadline, first: Int, make: @escaping @Sendable (Int) -> BenchRequest,
                    accept: @escaping @Sendable (BenchResponse) -> Bool) -> EventLoopFuture<LatencySamples> {
        eventLoop.flatSubmit {
            let loop = ClosedLoop(connection: self, deadline: deadline, next: first, make: make, accept: accept)
            loop.step()
            return loop.done.futureResult
        }
    }

    /// The state of one `closedLoop`, confined to the connection's event loop.
    private final class ClosedLoop: @unchecked Sendable {
        let connection: BenchConnection
        let deadline: NIODeadline
        var next: Int
        let make: @Sendable (Int) -> BenchRequest
        let accept: @Sendable (BenchResponse) -> Bool
        var samples = LatencySamples()
        let done: EventLoopPromise<LatencySamples>

        init(connection: BenchConnection, deadline: NIODeadline, next: Int, make: @escaping @Sendable (Int) -> BenchRequest,
             accept: @escaping @Sendable (BenchResponse) -> Bool) {
            self.connection = connection
            self.deadline = deadline
            self.next = next
            self.make = make
            self.accept = accept
            done = connection.eventLoop.makePromise()
        }

        func step() {
            guard NIODeadline.now() < deadline else { return done.succeed(samples) }
            next += 1
            let began = NIODeadline.now()
            connection.sendOnLoop(make(next)).whenComplete { result in
                switch result {
                case .success(let response) where self.accept(response):
                    self.samples.record(microseconds: (NIODeadline.now() - began).nanoseconds / 1000)
                    self.step()
                case .success:
                    self.samples.failures += 1
                    self.step()
                case .failure:
                    // A closed connection would fail every further request at once; this lane ends here.
                    self.samples.failures += 1
                    self.done.succeed(self.samples)
                }
            }
        }
    }

    /// Closes the connection.
    func close() async {
        try? await eventLoop.flatSubmit { self.channel?.close() ?? self.eventLoop.makeSucceededVoidFuture() }.get()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        framing.append(&bytes)
        do {
            while let response = try framing.next() {
                guard let promise = waiting.popFirst() else { throw ResponseFraming.Malformed() }
                promise.succeed(response)
            }
        } catch {
            failAll(error)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(Closed())
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: any Error) {
        isOpen = false
        while let promise = waiting.popFirst() { promise.fail(error) }
    }
}
