import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

@Suite struct DoorbellStorageTests {
    @Test func aWriteThatQueuesRingsOnceItHasCommitted() async throws {
        try await DeliveryHarness.run { harness in
            let doorbell = OutboxDoorbell()
            let storage = DoorbellStorage(harness.storage, doorbell: doorbell)
            let entry = OutboxEntry.due(.message(sid: harness.sids.make(.message)), sid: harness.sids.make(.outboxEntry),
                                        accountSid: harness.account.sid, now: harness.clock.now())
            let rungBeforeCommit = try await storage.write { session in
                try await session.outbox.enqueue(entry)
                return doorbell.isRung
            }
            #expect(!rungBeforeCommit)
            #expect(doorbell.isRung)
            #expect(try await harness.entry(entry.sid) == entry)
        }
    }

    @Test func aWriteThatQueuesNothingAndAReadDoNotRing() async throws {
        try await DeliveryHarness.run { harness in
            let doorbell = OutboxDoorbell()
            let storage = DoorbellStorage(harness.storage, doorbell: doorbell)
            let message = try MessageRules.makeOutbound(MessageRequest(to: "+14155550100", from: "+14155550199", body: "Hi"),
                                                        sid: harness.sids.make(.message), accountSid: harness.account.sid, now: harness.clock.now())
            try await storage.write { session in
                try await session.messages.insert(message)
                _ = try await session.outbox.claimDue(now: 0, leaseUntil: 1, limit: 10)
            }
            _ = try await storage.read { try await $0.outbox.countByStatus() }
            #expect(!doorbell.isRung)
        }
    }

    @Test func aWriteThatQueuesAndThenRollsBackDoesNotRing() async throws {
        struct Abort: Error {}
        try await DeliveryHarness.run { harness in
            let doorbell = OutboxDoorbell()
            let storage = DoorbellStorage(harness.storage, doorbell: doorbell)
            let entry = OutboxEntry.due(.message(sid: harness.sids.make(.message)), sid: harness.sids.make(.outboxEntry),
                                        accountSid: harness.account.sid, now: harness.clock.now())
            await #expect(throws: Abort.self) {
                try await storage.write { session in
                    try await session.outbox.enqueue(entry)
                    throw Abort()
                }
            }
            #expect(!doorbell.isRung)
            let stored = try await harness.entry(entry.sid)
            #expect(stored == nil)
        }
    }

    @Test func aWriteThatRecordsASandboxDeliveryRingsTheFeedBellOnceItHasCommitted() async throws {
        try await DeliveryHarness.run { harness in
            let feedBell = AgentFeedBell()
            let storage = DoorbellStorage(harness.storage, doorbell: OutboxDoorbell(), feedBell: feedBell)
            let delivery = SandboxDelivery(
                messageSid: harness.sids.make(.message), accountSid: harness.account.sid, address: "+14155550100", channel: .sms,
                from: "+14155550199", to: "+14155550100", body: "Hi", contentSid: nil, contentVariables: nil, subject: nil,
                status: .delivered, errorCode: nil, dateCreated: harness.clock.now())
            let ringsBeforeCommit = try await storage.write { session in
                try await session.sandbox.recordDelivery(delivery)
                return feedBell.rings
            }
            #expect(ringsBeforeCommit == 0)
            #expect(feedBell.rings == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aRingWithNobodyWaitingIsKeptForTheNextWait() async {
        let doorbell = OutboxDoorbell()
        doorbell.ring()
        #expect(doorbell.isRung)
        // Returns at once: the ring is already there, long before the hour is up.
        await doorbell.wait(timeout: .seconds(3600))
        #expect(!doorbell.isRung)
    }
}
