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

    /// Stores `inbound` for `accountSid` and threads it; returns the stored message. A message the provider
    /// already delivered (the same provider id) is not stored again: the first one is returned.
    public func receive(_ inbound: InboundMessage, accountSid: String) async throws -> Message {
        let now = time.now()
        let message = Message(
            sid: sids.make(.message), accountSid: accountSid, channel: inbound.channel, direction: .inbound,
            from: inbound.from, to: inbound.to, body: inbound.body, subject: inbound.subject, mediaUrls: inbound.mediaUrls,
            providerMessageID: inbound.providerMessageID, status: .received, origin: "inbound",
            dateCreated: now, dateUpdated: now)
        let routes = self.routes
        let (stored, taker) = try await storage.write { session -> (Message, Int?) in
            if let id = inbound.providerMessageID, let earlier = try await session.messages.find(providerMessageID: id, accountSid: accountSid) {
                return (earlier, nil)
            }
            try await session.messages.insert(message)
            for (index, route) in routes.enumerated() where try await route.route(message, in: session, now: now) { return (message, index) }
            return (message, nil)
        }
        if let taker { try await routes[taker].committed(stored) }
        return stored
    }
}
