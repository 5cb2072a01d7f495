import Foundation
import SwitchboardCore
import SwitchboardStorage

extension OutboxDispatcher {
    /// How long a delivery may wait in hand for its sender's pace; a longer wait puts the entry back in the outbox.
    static let paceWaitInHand: Int64 = 20

    /// Delivers a message sent from a sender's address through the sender's provider, at the sender's pace, and
    /// counts the outcome on the sender's health.
    func deliver(_ entry: OutboxEntry, message: Message, from sender: Sender, through senders: SenderDirectory, started: Int64) async throws {
        let channel = message.channel.rawValue
        let senderSid = sender.sid
        let failingSender: @Sendable (String, Int) -> @Sendable (any StorageSession, Date) async throws -> Void = { [ledger] reason, code in
            { session, now in
                try await ledger.apply(MessageStatusReport(.failed, errorCode: code, errorMessage: reason), toMessage: message.sid, in: session, now: now)
                try await session.senders.recordFailure(sid: senderSid, error: reason, at: now, counted: true)
            }
        }
        guard let connector = senders.connector(for: sender.connector) else {
            let reason = "this server has no \(sender.connector.rawValue) connector"
            return try await settle(entry, started: started, .giveUp(reason), via: channel, then: failingSender(reason, 30008))
        }
        let configured: ConfiguredSender
        do {
            configured = try senders.configure(sender)
        } catch {
            return try await settle(entry, started: started, .giveUp(error.description), via: channel, then: failingSender(error.description, 30008))
        }
        if let rate = sender.messagesPerSecond, rate > 0 {
            let now = milliseconds()
            let slot = await pace.slot(senderSid: sender.sid, messagesPerSecond: rate, entrySid: entry.sid, now: now)
            if slot - now > Self.paceWaitInHand {
                await pace.hold(slot, forEntry: entry.sid)
                return try await postpone(entry, until: slot)
            }
            if slot > now { try? await Task.sleep(for: .milliseconds(slot - now)) }
        }
        let receipt: ConnectorReceipt
        do {
            receipt = try await connector.send(message, from: configured)
        } catch {
            let reason = "\(sender.connector.rawValue): \(error)"
            let date = time.now()
            try await storage.write { try await $0.senders.recordFailure(sid: senderSid, error: reason, at: date, counted: false) }
            return try await settle(entry, started: started, .retry(reason), via: channel, then: failingSender(reason, 30008))
        }
        let ledger = self.ledger
        try await settle(entry, started: started, .delivered, via: channel) { session, now in
            switch receipt.outcome {
            case .accepted(let providerMessageID):
                if let providerMessageID, var stored = try await session.messages.lock(sid: message.sid) {
                    stored.providerMessageID = providerMessageID
                    try await session.messages.update(stored)
                }
                try await ledger.apply(MessageStatusReport(.sent), toMessage: message.sid, in: session, now: now)
                for report in receipt.reports { try await ledger.apply(report, toMessage: message.sid, in: session, now: now) }
                try await session.senders.recordSent(sid: senderSid)
            case .refused(let code, let text):
                try await ledger.apply(MessageStatusReport(.failed, errorCode: code, errorMessage: text), toMessage: message.sid, in: session, now: now)
                try await session.senders.recordFailure(sid: senderSid, error: "\(code): \(text)", at: now, counted: true)
            }
        }
    }
}
