import Foundation
import SwitchboardCore
import SwitchboardStorage

/// Messages, outbox entries and sandbox rows for the delivery contract tests; random SIDs keep tests apart on a
/// shared PostgreSQL database.
enum DeliveryFixtures {
    static let now = Fixtures.now
    /// `now` in the outbox's milliseconds.
    static let nowMilliseconds = OutboxClock.milliseconds(now)

    static func sid(_ prefix: SidPrefix) -> String { RandomSidGenerator().make(prefix) }

    static func message(accountSid: String, to: String = "+14155550100", from: String = "+14155550199", body: String = "Hi") -> Message {
        Message(sid: sid(.message), accountSid: accountSid, channel: .sms, direction: .outboundAPI, from: from, to: to, body: body,
                status: .queued, dateCreated: now, dateUpdated: now.addingTimeInterval(5))
    }

    /// An entry due `due` milliseconds after `now`.
    static func entry(accountSid: String, due: Int64 = 0, work: OutboxWork? = nil, status: OutboxStatus = .pending) -> OutboxEntry {
        OutboxEntry(sid: sid(.outboxEntry), accountSid: accountSid, work: work ?? .message(sid: sid(.message)), status: status,
                    nextAttemptAt: nowMilliseconds + due, dateCreated: now, dateUpdated: now)
    }

    static func delivery(of message: Message, body: String? = nil, status: MessageStatus = .delivered, errorCode: Int? = nil) -> SandboxDelivery {
        SandboxDelivery(messageSid: message.sid, accountSid: message.accountSid, address: message.to, channel: message.channel,
                        from: message.from, to: message.to, body: body ?? message.body, contentSid: message.contentSid,
                        contentVariables: message.contentVariables, subject: message.subject, status: status, errorCode: errorCode,
                        dateCreated: now)
    }

    /// An account stored in its own transaction, for rows that must name one.
    static func storedAccount(in storage: SQLStorage) async throws -> Account {
        let account = Fixtures.account()
        try await storage.write { try await $0.accounts.insert(account) }
        return account
    }
}
