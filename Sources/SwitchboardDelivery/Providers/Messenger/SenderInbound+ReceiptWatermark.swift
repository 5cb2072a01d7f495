import Foundation
import SwitchboardCore
import SwitchboardStorage

extension SenderInbound {
    /// The most messages one watermark moves; a customer rarely has more than a few awaiting a receipt, and the
    /// next watermark takes the rest.
    static let watermarkBatch = 500

    /// Moves every message the watermark covers to its status, through the ledger (which never moves one
    /// backwards). Ids the provider named but this account does not know are skipped rather than retried: a page's
    /// deliveries also name messages sent from Meta's own inbox, which Switchboard never sees.
    func applyWatermark(_ watermark: ReceiptWatermark, accountSid: String) async throws {
        let ledger = self.ledger
        let now = time.now()
        try await storage.write { session in
            var covered: [String] = []
            for id in watermark.providerMessageIDs {
                guard let message = try await session.messages.find(providerMessageID: id, accountSid: accountSid),
                      message.direction != .inbound
                else { continue }
                covered.append(message.sid)
            }
            let sent = try await session.messages.awaitingReceipt(
                accountSid: accountSid, channel: watermark.channel, business: watermark.business, customer: watermark.customer,
                sentThrough: watermark.through, limit: Self.watermarkBatch)
            covered += sent.map(\.sid).filter { !covered.contains($0) }
            for sid in covered {
                try await ledger.apply(MessageStatusReport(watermark.status), toMessage: sid, in: session, now: now)
            }
        }
    }
}
