public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// A place an inbound message can be threaded into: a Proxy session, a conversation. Routes are asked in order
/// inside the transaction that stores the message, so a message is never stored without being threaded. Work that
/// must follow the commit, such as routing a task the message created, is registered with `session.afterCommit`.
public protocol InboundMessageRoute: Sendable {
    /// Threads the stored `message` if it belongs here; `true` when it took it, so no later route is asked.
    func route(_ message: Message, in session: any StorageSession, now: Date) async throws -> Bool
}
