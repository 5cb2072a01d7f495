public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// What a provider posts to a sender's inbound URL, carried out: customers' messages through the one inbound
/// path, once each however often the provider retries; receipts onto the messages they name, never moving a
/// status backwards; template decisions onto the content they concern.
public struct SenderInbound: Sendable {
    let storage: any Storage
    let inbound: InboundMessages
    let ledger: MessageStatusLedger
    let time: any TimeSource

    /// Creates the handler over the inbound path.
    public init(storage: any Storage, inbound: InboundMessages, sids: any SidGenerator, time: any TimeSource) {
        self.storage = storage
        self.inbound = inbound
        self.ledger = MessageStatusLedger(sids: sids)
        self.time = time
    }

    /// Carries out `events` for `sender`. Throws ``ReceiptForUnknownMessage`` when a receipt names a message not
    /// yet known (its send may still be recording the provider's id), so the provider is asked to try again;
    /// everything before it has been applied, and applying it again changes nothing.
    public func apply(_ events: [ProviderEvent], for sender: Sender) async throws {
        for event in events {
            switch event {
            case .message(let message):
                _ = try await inbound.receive(message, accountSid: sender.accountSid)
            case .status(let providerMessageID, let report):
                try await applyReceipt(report, providerMessageID: providerMessageID, accountSid: sender.accountSid)
            case .templateStatus(let update):
                try await applyTemplateStatus(update, for: sender)
            case .watermark(let watermark):
                try await applyWatermark(watermark, accountSid: sender.accountSid)
            }
        }
    }

    func applyReceipt(_ report: MessageStatusReport, providerMessageID: String, accountSid: String) async throws {
        let ledger = self.ledger
        let now = time.now()
        let found = try await storage.write { session -> Bool in
            guard let message = try await session.messages.find(providerMessageID: providerMessageID, accountSid: accountSid) else { return false }
            try await ledger.apply(report, toMessage: message.sid, in: session, now: now)
            return true
        }
        guard found else { throw ReceiptForUnknownMessage(providerMessageID: providerMessageID) }
    }
}

/// A receipt named a message this account does not know by that provider id (yet).
public struct ReceiptForUnknownMessage: Error, Sendable, CustomStringConvertible {
    /// The provider's id the receipt named.
    public var providerMessageID: String

    /// One line for the log.
    public var description: String { "a receipt for \(providerMessageID), which no message of the sender's account has (yet)" }
}
