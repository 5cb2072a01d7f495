public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// A place an inbound message can be threaded into: a Proxy session, a conversation. Routes are asked in order
/// inside the transaction that stores the message, so a message is never stored without being threaded.
public protocol InboundMessageRoute: Sendable {
    /// Threads the stored `message` if it belongs here; `true` when it took it, so no later route is asked.
    func route(_ message: Message, in session: any StorageSession, now: Date) async throws -> Bool
    /// Called on the route that took `message` once its transaction committed, for work that must see the commit
    /// (routing a task the route created).
    func committed(_ message: Message) async
}

extension InboundMessageRoute {
    /// Most routes have nothing to do after commit.
    public func committed(_ message: Message) async {}
}
