import Hummingbird
import ServiceLifecycle
import Synchronization
import SwitchboardDelivery

/// What one check of an event stream found.
struct ServerSentEventCheck: Sendable {
    /// Frames to write, already framed; empty when nothing happened.
    var frames: String
    /// Whether to check again at once rather than wait: a batch came back full, or what arrived changes what the
    /// next check reads.
    var again: Bool
}

/// The loop every event stream runs around its own check: it writes the cursor the stream starts from, writes
/// what each check finds, wakes when this process commits something that may matter and checks every
/// `checkInterval` anyway, for what another process on the same database committed, and keeps a silent
/// connection alive; it ends when the client goes away or the server shuts down gracefully.
struct ServerSentEventLoop: Sendable {
    /// Rung after commits that may concern a stream.
    let bell: AgentFeedBell
    /// How long a stream may stay silent before a keepalive comment.
    let keepalive: Duration
    /// How often a stream checks without a ring.
    var checkInterval: Duration = .milliseconds(500)

    /// Writes the stream from the cursor `firstID` names, calling `check` for each round's frames, until the client
    /// goes away or the server shuts down gracefully.
    func run(firstID: String, writer: inout any ResponseBodyWriter, check: () async throws -> ServerSentEventCheck) async throws {
        let stopping = Atomic(false)
        let bell = self.bell
        try await withGracefulShutdownHandler {
            // Gives a client that connected without a cursor one to come back with before anything happens.
            try await writer.write(ByteBuffer(string: ServerSentEvents.position(id: firstID)))
            var lastWrite = ContinuousClock.now
            while !stopping.load(ordering: .relaxed), !Task.isCancelled {
                let seen = bell.rings
                let found = try await check()
                if !found.frames.isEmpty {
                    try await writer.write(ByteBuffer(string: found.frames))
                    lastWrite = .now
                }
                // A client that has gone away is noticed here at the latest, when the write fails.
                if ContinuousClock.now - lastWrite >= keepalive {
                    try await writer.write(ByteBuffer(string: ServerSentEvents.keepalive))
                    lastWrite = .now
                }
                if found.again { continue }
                await bell.wait(after: seen, timeout: max(.zero, min(checkInterval, keepalive - (ContinuousClock.now - lastWrite))))
            }
            try await writer.finish(nil)
        } onGracefulShutdown: {
            stopping.store(true, ordering: .relaxed)
            bell.ring()
        }
    }
}
