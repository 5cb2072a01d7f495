public import Hummingbird
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardStorage

/// `/v1/Messages/Events` on `sandbox`: what reaches the handset at `Address`, pushed as Server-Sent Events; a
/// client that reconnects sends its last frame's `id:` as `Last-Event-ID` (or `?LastEventId=`) and gets exactly
/// what it missed.
public struct SandboxEventsController: Sendable {
    let dependencies: ServerDependencies
    let keepalive: Duration

    /// Creates the controller, sending a keepalive comment when a stream has been silent for `keepalive`.
    public init(dependencies: ServerDependencies, keepalive: Duration) {
        self.dependencies = dependencies
        self.keepalive = keepalive
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Messages/Events", use: events)
        return routes
    }

    @Sendable func events(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        let query = try request.queryParameters()
        guard let raw = query.string("Address"), !raw.isEmpty else {
            throw TwilioError.invalidParameter("Missing required parameter Address in the query string")
        }
        // Normalised as the handset's list normalises it, so both name the same handset.
        let address = DeliveryAddress.normalisedOrVerbatim(raw)
        let position: FeedPosition
        if let given = ServerSentEvents.lastEventID(request, query: query) {
            guard let parsed = FeedPosition.positions(eventID: given, count: 1)?.first else { throw ServerSentEvents.unknownEventID(given) }
            position = parsed
        } else {
            position = try await dependencies.storage.read { try await $0.sandbox.deliveriesEnd(accountSid: accountSid, address: address) }
        }
        let stream = SandboxEventStream(
            storage: dependencies.storage, loop: ServerSentEventLoop(bell: dependencies.agentFeedBell, keepalive: keepalive),
            accountSid: accountSid, address: address)
        return ServerSentEvents.response { writer in try await stream.run(from: position, writer: &writer) }
    }
}
