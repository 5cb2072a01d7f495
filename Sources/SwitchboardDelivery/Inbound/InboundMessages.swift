public import SwitchboardCore
public import SwitchboardStorage

/// The one inbound path: every connector's inbound message, the sandbox's included, is stored as a received
/// Message and offered to the routes in the same transaction.
public struct InboundMessages: Sendable {
    let storage: any Storage
    let time: any TimeSource
    let sids: any SidGenerator
    let routes: [any InboundMessageRoute]

    /// Creates the path with the routes to offer messages to, in order.
    public init(storage: any Storage, time: any TimeSource, sids: any SidGenerator, routes: [any InboundMessageRoute]) {
        self.storage = storage
        self.time = time
        self.sids = sids
        self.routes = routes
    }

    /// Stores `inbound` for `accountSid` and threads it; returns the stored message.
    public func receive(_ inbound: InboundMessage, accountSid: String) async throws -> Message {
        let now = time.now()
        let message = Message(
            sid: sids.make(.message), accountSid: accountSid, channel: inbound.channel, direction: .inbound,
            from: inbound.from, to: inbound.to, body: inbound.body, status: .received, origin: "inbound",
            dateCreated: now, dateUpdated: now)
        let routes = self.routes
        let taker = try await storage.write { session -> Int? in
            try await session.messages.insert(message)
            for (index, route) in routes.enumerated() where try await route.route(message, in: session, now: now) { return index }
            return nil
        }
        if let taker { await routes[taker].committed(message) }
        return message
    }
}
