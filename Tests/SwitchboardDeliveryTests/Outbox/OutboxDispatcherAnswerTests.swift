import Synchronization
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// A reader that records the answers it is given, and fails when told to.
final class RecordingAnswerReader: WebhookAnswerReader {
    struct Failure: Error {}
    let purpose: String
    let fails: Bool
    private let read = Mutex<[(body: String, url: String)]>([])

    init(purpose: String, fails: Bool = false) {
        self.purpose = purpose
        self.fails = fails
    }

    var answers: [(body: String, url: String)] { read.withLock { $0 } }

    func read(_ body: [UInt8], answering call: WebhookCall, answeredBy url: String, entry: OutboxEntry) async throws {
        read.withLock { $0.append((String(decoding: body, as: UTF8.self), call.url)) }
        if fails { throw Failure() }
    }
}

@Suite struct OutboxDispatcherAnswerTests {
    let call = WebhookCall(
        url: "https://app.example.com/assign", body: .form([FormPair("ReservationSid", "WR1")]), purpose: "assignment-callback",
        fallbackUrl: "https://backup.example.com/assign")

    static func answer(_ status: Int, _ body: String = "") -> WebhookResult {
        .attempted(.response(status: status), body: Array(body.utf8))
    }

    @Test func theFallbackGetsTheCallSignedForItsOwnURLWhenThePrimaryFailsAndItsAnswerIsRead() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(503), Self.answer(200, #"{"instruction":"accept"}"#)]) { harness in
            let reader = RecordingAnswerReader(purpose: "assignment-callback")
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: harness.dispatcher(answerReaders: [reader]))
            let requests = harness.webhooks.requests
            #expect(requests.map(\.url) == ["https://app.example.com/assign", "https://backup.example.com/assign"])
            #expect(requests.map { $0.header("I-Twilio-Idempotency-Token") } == [entry.sid, entry.sid])
            #expect(requests[0].header("X-Twilio-Signature") != requests[1].header("X-Twilio-Signature"))
            #expect(reader.answers.map(\.body) == [#"{"instruction":"accept"}"#])
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
        }
    }

    @Test func aPrimaryThatSucceedsLeavesTheFallbackAlone() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(200)]) { harness in
            _ = try await harness.enqueue(call)
            await harness.deliverDue(with: harness.dispatcher())
            #expect(harness.webhooks.requests.map(\.url) == ["https://app.example.com/assign"])
        }
    }

    @Test func whenBothFailTheEntryIsRetriedWithThePrimarysReasonAndNothingIsRead() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(500), Self.answer(404)]) { harness in
            let reader = RecordingAnswerReader(purpose: "assignment-callback")
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: harness.dispatcher(answerReaders: [reader]))
            let stored = try #require(try await harness.entry(entry.sid))
            #expect(stored.status == .pending)
            #expect(stored.lastError == "HTTP 500")
            #expect(reader.answers.isEmpty)
        }
    }

    @Test func onlyTheReaderOfTheCallsPurposeReadsItsAnswer() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(200, "ok")]) { harness in
            let other = RecordingAnswerReader(purpose: "message-status")
            let reader = RecordingAnswerReader(purpose: "assignment-callback")
            _ = try await harness.enqueue(call)
            await harness.deliverDue(with: harness.dispatcher(answerReaders: [other, reader]))
            #expect(other.answers.isEmpty)
            #expect(reader.answers.map(\.url) == ["https://app.example.com/assign"])
        }
    }

    @Test func aReaderThatFailsDoesNotSendTheCallAgain() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(200, "{}")]) { harness in
            let reader = RecordingAnswerReader(purpose: "assignment-callback", fails: true)
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: harness.dispatcher(answerReaders: [reader]))
            #expect(reader.answers.count == 1)
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
            harness.clock.advance(by: .seconds(60))
            #expect(await harness.deliverDue(with: harness.dispatcher(answerReaders: [reader])).isEmpty)
        }
    }
}
