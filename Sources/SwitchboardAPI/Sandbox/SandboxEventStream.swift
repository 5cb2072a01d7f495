import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// One sandbox handset's event stream: every delivery that reaches it after the cursor, as
/// `GET /sandbox/v1/Messages?Address=…` renders it, written by the shared ``ServerSentEventLoop``.
struct SandboxEventStream: Sendable {
    /// The frames' event type: SSE's default, so an `EventSource`'s `onmessage` receives them.
    static let eventType = "message"
    /// Deliveries read at once; more wait for the next check, which comes at once.
    static let batchSize = 100

    let storage: any Storage
    let loop: ServerSentEventLoop
    /// The handset's account.
    let accountSid: String
    /// The handset's normalised address.
    let address: String

    /// Writes the stream from `position` until the client goes away or the server shuts down gracefully.
    func run(from position: FeedPosition, writer: inout any ResponseBodyWriter) async throws {
        var position = position
        try await loop.run(firstID: FeedPosition.eventID([position]), writer: &writer) {
            let (frames, full) = try await check(&position)
            return ServerSentEventCheck(frames: frames, again: full)
        }
    }

    /// Renders the deliveries after `position` as frames, advancing it; says whether the batch came back full.
    func check(_ position: inout FeedPosition) async throws -> (frames: String, full: Bool) {
        let start = position
        let rows = try await storage.read { [self] in
            try await $0.sandbox.deliveries(accountSid: accountSid, address: address, after: start, limit: Self.batchSize)
        }
        var frames = ""
        for row in rows {
            position = row.position
            frames += ServerSentEvents.frame(
                id: FeedPosition.eventID([position]), event: Self.eventType, data: SandboxRepresentation.json(row.delivery).serialized)
        }
        return (frames, rows.count == Self.batchSize)
    }
}
