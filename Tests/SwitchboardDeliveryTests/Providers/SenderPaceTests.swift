import Testing
@testable import SwitchboardDelivery

/// The pace gives each sender's messages slots one interval apart, keeps a slot for an entry that waits for it,
/// and does not slow other senders.
@Suite struct SenderPaceTests {
    @Test func slotsAreOneIntervalApartFromNow() async {
        let pace = SenderPace()
        var slots: [Int64] = []
        for entry in ["a", "b", "c"] { slots.append(await pace.slot(senderSid: "XE1", messagesPerSecond: 4, entrySid: entry, now: 1_000)) }
        #expect(slots == [1_000, 1_250, 1_500])
    }

    @Test func anIdleSenderStartsAgainFromNow() async {
        let pace = SenderPace()
        _ = await pace.slot(senderSid: "XE1", messagesPerSecond: 10, entrySid: "a", now: 1_000)
        #expect(await pace.slot(senderSid: "XE1", messagesPerSecond: 10, entrySid: "b", now: 5_000) == 5_000)
    }

    @Test func aHeldSlotIsGivenBackToItsEntryOnly() async {
        let pace = SenderPace()
        _ = await pace.slot(senderSid: "XE1", messagesPerSecond: 10, entrySid: "a", now: 1_000)
        let held = await pace.slot(senderSid: "XE1", messagesPerSecond: 10, entrySid: "b", now: 1_000)
        await pace.hold(held, forEntry: "b")
        #expect(await pace.slot(senderSid: "XE1", messagesPerSecond: 10, entrySid: "c", now: 1_100) == 1_200)
        #expect(await pace.slot(senderSid: "XE1", messagesPerSecond: 10, entrySid: "b", now: 1_100) == held)
    }

    @Test func anotherSenderIsNotSlowed() async {
        let pace = SenderPace()
        for entry in ["a", "b", "c"] { _ = await pace.slot(senderSid: "XE1", messagesPerSecond: 1, entrySid: entry, now: 1_000) }
        #expect(await pace.slot(senderSid: "XE2", messagesPerSecond: 1, entrySid: "d", now: 1_000) == 1_000)
    }
}
