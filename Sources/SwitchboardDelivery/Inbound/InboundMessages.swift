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
        return try await storage.write { session -> Message in
            if let id = inbound.providerMessageID, let earlier = try await session.messages.find(providerMessageID: id, accountSid: accountSid) {
                return earlier
            }
            try await session.messages.insert(message)
            let routed = try await Self.threaded(message, answering: inbound.answers, in: session)
            for route in routes where try await route.route(routed, in: session, now: now) { break }
            return message
        }
    }

    /// The message as the routes see it. A reply that names a message the business sent to another of the
    /// customer's addresses (an email answered from a second mailbox) is routed as that address, so it reaches the
    /// conversation of the message it answers; the stored message keeps its own `From`.
    static func threaded(_ message: Message, answering ids: [String], in session: any StorageSession) async throws -> Message {
        for id in ids {
            guard let answered = try await session.messages.find(providerMessageID: id, accountSid: message.accountSid),
                  answered.direction != .inbound, answered.channel == message.channel, answered.from == message.to
            else { continue }
            var routed = message
            routed.from = answered.to
            return routed
        }
        return message
    }
}
