public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// The one way a message leaves for a customer: stored as queued and put in the outbox in the caller's transaction,
/// so a committed send survives a crash and is delivered by the dispatcher.
public enum OutboundMessages {
    /// Stores `message` and queues its delivery; call inside the write transaction of the change that sends it.
    public static func queue(_ message: Message, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        try await session.messages.insert(message)
        try await session.outbox.enqueue(.due(
            .message(sid: message.sid), sid: sids.make(.outboxEntry), accountSid: message.accountSid, now: now,
            orderingKey: orderingKey(of: message)))
    }

    /// Messages from one address to another leave in the order they were sent; other pairs do not wait for them.
    static func orderingKey(of message: Message) -> String {
        "message \(message.from) \(message.to)"
    }
}

extension OutboundMessages {
    /// Stores `message` as failed with `error` instead of queueing it, as Twilio fails a message its channel refuses
    /// after accepting the request: the message exists, nothing reaches the handset, and its `StatusCallback` hears
    /// of the failure.
    public static func fail(_ message: Message, with error: TwilioError, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        try await session.messages.insert(message)
        try await MessageStatusLedger(sids: sids).apply(
            MessageStatusReport(.failed, errorCode: error.code, errorMessage: error.message), toMessage: message.sid, in: session, now: now)
    }
}
