import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct OutboxEntryTests {
    @Test func aNewEntryIsPendingUntriedAndDueAtOnce() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let entry = OutboxEntry.due(.message(sid: "SM1"), sid: "OE1", accountSid: "AC1", now: now)
        #expect(entry == OutboxEntry(sid: "OE1", accountSid: "AC1", work: .message(sid: "SM1"), status: .pending, attempts: 0,
                                     firstAttemptAt: nil, nextAttemptAt: 1_700_000_000_000, lastError: nil, dateCreated: now, dateUpdated: now))
    }

    @Test func theOutboxClockCountsWholeMillisecondsRoundingDown() {
        #expect(OutboxClock.milliseconds(Date(timeIntervalSince1970: 1.2345)) == 1_234)
        #expect(OutboxClock.milliseconds(Date(timeIntervalSince1970: 0)) == 0)
    }

    @Test func theKindOfWorkIsStoredByName() {
        #expect(OutboxWork.message(sid: "SM1").kind == "message")
        #expect(OutboxWork.webhook(WebhookCall(url: "https://example.com", body: .json("{}"), purpose: "test")).kind == "webhook")
    }

    @Test func aWebhookCallIsAPostUnlessToldOtherwise() {
        #expect(WebhookCall(url: "https://example.com", body: .form([]), purpose: "test").method == "POST")
    }
}
