import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// Messenger's delivery and read watermarks move every message to the customer sent at or before them, and never
/// move one backwards; ids the account does not know are skipped rather than asked again.
@Suite struct MessengerReceiptWatermarkTests {
    func sentMessage(_ harness: DeliveryHarness, providerID: String, sentAt: Date) async throws -> Message {
        let message = Message(
            sid: harness.sids.make(.message), accountSid: harness.account.sid, channel: .messenger, direction: .outboundAPI,
            from: MessengerFixtures.business, to: MessengerFixtures.customer, body: "hi", providerMessageID: providerID, status: .sent,
            dateCreated: sentAt, dateUpdated: sentAt, dateSent: sentAt)
        try await harness.storage.write { try await $0.messages.insert(message) }
        return message
    }

    func inbound(_ harness: DeliveryHarness) -> SenderInbound {
        SenderInbound(
            storage: harness.storage, inbound: InboundMessages(storage: harness.storage, time: harness.clock, sids: harness.sids, routes: []),
            sids: harness.sids, time: harness.clock)
    }

    func status(_ harness: DeliveryHarness, _ sid: String) async throws -> MessageStatus? {
        try await harness.storage.read { try await $0.messages.find(sid: sid, accountSid: harness.account.sid) }?.status
    }

    func watermark(_ status: MessageStatus, _ through: Date, ids: [String] = []) -> ProviderEvent {
        .watermark(ReceiptWatermark(
            status: status, channel: .messenger, business: MessengerFixtures.business, customer: MessengerFixtures.customer,
            through: through, providerMessageIDs: ids))
    }

    @Test func aReadCoversWhatWasSentUpToItsWatermarkAndALateDeliveryMovesNothingBack() async throws {
        try await DeliveryHarness.run { harness in
            let now = harness.clock.now()
            let early = try await sentMessage(harness, providerID: "m_early", sentAt: now.addingTimeInterval(-60))
            let late = try await sentMessage(harness, providerID: "m_late", sentAt: now.addingTimeInterval(60))
            let sender = MessengerFixtures.sender(accountSid: harness.account.sid).sender
            try await inbound(harness).apply([watermark(.read, now)], for: sender)
            #expect(try await status(harness, early.sid) == .read)
            #expect(try await status(harness, late.sid) == .sent)

            try await inbound(harness).apply([watermark(.delivered, now.addingTimeInterval(120), ids: ["m_early", "m_late"])], for: sender)
            #expect(try await status(harness, early.sid) == .read)
            #expect(try await status(harness, late.sid) == .delivered)
        }
    }

    @Test func aDeliveryNamingAnIDAfterItsWatermarkOrAnUnknownIDStillApplies() async throws {
        try await DeliveryHarness.run { harness in
            let now = harness.clock.now()
            let ahead = try await sentMessage(harness, providerID: "m_ahead", sentAt: now.addingTimeInterval(5))
            let sender = MessengerFixtures.sender(accountSid: harness.account.sid).sender
            try await inbound(harness).apply([watermark(.delivered, now, ids: ["m_from_metas_inbox", "m_ahead"])], for: sender)
            #expect(try await status(harness, ahead.sid) == .delivered)
        }
    }
}
