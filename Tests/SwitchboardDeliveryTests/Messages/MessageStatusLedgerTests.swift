import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

@Suite struct MessageStatusLedgerTests {
    func apply(_ report: MessageStatusReport, to sid: String, in harness: DeliveryHarness) async throws -> Message? {
        let ledger = MessageStatusLedger(sids: harness.sids)
        let now = harness.clock.now()
        return try await harness.storage.write { try await ledger.apply(report, toMessage: sid, in: $0, now: now) }
    }

    @Test func queueingStoresTheMessageAndItsDeliveryDueAtOnce() async throws {
        try await DeliveryHarness.run { harness in
            let message = try await harness.queueMessage()
            #expect(try await harness.message(message.sid) == message)
            let pending = try await harness.entries(.pending)
            #expect(pending.map(\.work) == [.message(sid: message.sid)])
            #expect(pending.first?.nextAttemptAt == DeliveryHarness.start)
        }
    }

    @Test func aStaleOrRepeatedReportChangesNothingAndQueuesNoCallback() async throws {
        try await DeliveryHarness.run { harness in
            let message = try await harness.queueMessage()
            _ = try await apply(MessageStatusReport(.delivered), to: message.sid, in: harness)
            harness.clock.advance(by: .seconds(5))
            let stale = try await apply(MessageStatusReport(.sent), to: message.sid, in: harness)
            let repeated = try await apply(MessageStatusReport(.delivered), to: message.sid, in: harness)
            #expect(stale?.status == .delivered)
            #expect(repeated == stale)
            #expect(try await harness.message(message.sid)?.dateUpdated == harness.clock.now().addingTimeInterval(-5))
            #expect(try await harness.statusCallbackStatuses() == ["delivered"])
        }
    }

    @Test func sentStampsTheSendDateOnce() async throws {
        try await DeliveryHarness.run { harness in
            let message = try await harness.queueMessage()
            let sentAt = harness.clock.now()
            _ = try await apply(MessageStatusReport(.sent), to: message.sid, in: harness)
            harness.clock.advance(by: .seconds(5))
            let delivered = try await apply(MessageStatusReport(.delivered), to: message.sid, in: harness)
            #expect(delivered?.dateSent == sentAt)
            #expect(delivered?.dateUpdated == harness.clock.now())
        }
    }

    @Test func aReportedErrorKeepsItsOwnMessageOrTakesTwiliosExplanation() async throws {
        try await DeliveryHarness.run { harness in
            let first = try await harness.queueMessage()
            let second = try await harness.queueMessage()
            let explained = try await apply(MessageStatusReport(.failed, errorCode: 30003), to: first.sid, in: harness)
            let own = try await apply(MessageStatusReport(.failed, errorCode: 30003, errorMessage: "carrier said no"), to: second.sid, in: harness)
            #expect(explained?.errorMessage == "Unreachable destination handset")
            #expect(own?.errorMessage == "carrier said no")
        }
    }

    @Test func aMessageWithoutAStatusCallbackQueuesNoCallback() async throws {
        try await DeliveryHarness.run { harness in
            let message = try MessageRules.makeOutbound(MessageRequest(to: "+14155550100", from: "+14155550199", body: "Hi"),
                                                        sid: harness.sids.make(.message), accountSid: harness.account.sid, now: harness.clock.now())
            try await harness.storage.write { try await $0.messages.insert(message) }
            #expect(try await apply(MessageStatusReport(.sent), to: message.sid, in: harness)?.status == .sent)
            #expect(try await harness.entries(.pending).isEmpty)
        }
    }

    @Test func aReportForNoMessageFindsNothing() async throws {
        try await DeliveryHarness.run { harness in
            let found = try await apply(MessageStatusReport(.sent), to: harness.sids.make(.message), in: harness)
            #expect(found == nil)
        }
    }
}
