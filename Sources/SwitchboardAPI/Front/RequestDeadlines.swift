import Logging
public import NIOCore
import NIOHTTPTypes

/// How long a client may take to send a request, so that connections held open by half-sent requests (slowloris)
/// are closed instead of holding memory and file descriptors for ever.
public struct RequestTimeouts: Sendable, Equatable {
    /// From the moment a connection opens until its first request's headers are complete.
    public var header: Duration
    /// From a request's headers until its body is complete.
    public var body: Duration
    /// With no request in progress, how long a kept-alive connection may stay silent.
    public var idle: Duration

    /// Creates timeouts; the defaults are `switchboard serve`'s.
    public init(header: Duration = .seconds(10), body: Duration = .seconds(60), idle: Duration = .seconds(75)) {
        self.header = header
        self.body = body
        self.idle = idle
    }
}

/// Closes a connection whose request head or body takes longer than ``RequestTimeouts`` allow. Hummingbird's own
/// idle timeout cannot see this: a body dripped one byte at a time keeps it busy for ever.
final class RequestDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    let timeouts: RequestTimeouts
    let logger: Logger
    private var deadline: Scheduled<Void>?
    private var awaitingFirstHead = true

    init(timeouts: RequestTimeouts, logger: Logger) {
        self.timeouts = timeouts
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context: context, after: timeouts.header, waitingFor: "request headers") }
    }

    func channelActive(context: ChannelHandlerContext) {
        if awaitingFirstHead, deadline == nil { arm(context: context, after: timeouts.header, waitingFor: "request headers") }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            awaitingFirstHead = false
            arm(context: context, after: timeouts.body, waitingFor: "the request body")
        case .body:
            break
        case .end:
            disarm()
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    private func arm(context: ChannelHandlerContext, after timeout: Duration, waitingFor what: String) {
        disarm()
        let channel = context.channel
        let logger = logger
        deadline = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            logger.info("closing a connection that took too long to send \(what)", metadata: [
                "peer": "\(channel.remoteAddress?.description ?? "unknown")", "timeout": "\(timeout)",
            ])
            channel.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
