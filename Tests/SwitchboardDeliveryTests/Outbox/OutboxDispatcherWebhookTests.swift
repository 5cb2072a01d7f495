import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

@Suite struct OutboxDispatcherWebhookTests {
    let parameters = [FormPair("MessageSid", "SM00000000000000000000000000000001"), FormPair("MessageStatus", "delivered")]

    var call: WebhookCall {
        WebhookCall(url: "https://hooks.example.com/status?site=1", body: .form(parameters), purpose: "message-status")
    }

    @Test func aWebhookThatFailsWith503TwiceIsDeliveredOnTheThirdAttemptWithOneTokenAndValidSignatures() async throws {
        let unavailable = WebhookResult.attempted(.response(status: 503))
        try await DeliveryHarness.run(webhooks: [unavailable, unavailable, .attempted(.response(status: 204))]) { harness in
            let dispatcher = harness.dispatcher()
            let entry = try await harness.enqueue(call)
            for attempt in 1...3 {
                #expect(await harness.deliverDue(with: dispatcher).map(\.sid) == [entry.sid])
                if attempt < 3 {
                    let retried = try #require(try await harness.entry(entry.sid))
                    #expect(retried.status == .pending)
                    #expect(retried.attempts == attempt)
                    #expect(retried.firstAttemptAt == DeliveryHarness.start)
                    #expect(retried.lastError == "HTTP 503")
                    // The longest wait the policy allows after this attempt: the entry is due by then.
                    harness.clock.advance(by: .seconds(1 << (attempt - 1)))
                }
            }
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
            let requests = harness.webhooks.requests
            #expect(requests.count == 3)
            for request in requests {
                #expect(request.url == "https://hooks.example.com/status?site=1")
                #expect(request.header("I-Twilio-Idempotency-Token") == entry.sid)
                let signature = try #require(request.header(RequestSignature.headerName))
                #expect(RequestSignature.validate(signature, url: request.url, parameters: parameters.map { ($0.name, $0.value) },
                                                  authToken: harness.account.authToken))
                #expect(FormEncoding.decode(String(decoding: request.body, as: UTF8.self)) == parameters)
            }
        }
    }

    @Test func a404GivesUpAtOnceAndTheEntryIsListedAsFailedWithTheReason() async throws {
        try await DeliveryHarness.run(webhooks: [.attempted(.response(status: 404))]) { harness in
            let dispatcher = harness.dispatcher()
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: dispatcher)
            let failed = try await harness.entries(.failed)
            #expect(failed.map(\.sid) == [entry.sid])
            #expect(failed.first?.lastError == "HTTP 404")
            #expect(failed.first?.attempts == 1)
            harness.clock.advance(by: .seconds(3600))
            #expect(await harness.deliverDue(with: dispatcher).isEmpty)
            #expect(harness.webhooks.requests.count == 1)
        }
    }

    @Test(arguments: [
        (WebhookResult.attempted(.response(status: 429)), "HTTP 429"),
        (.attempted(.response(status: 408)), "HTTP 408"),
        (.attempted(.response(status: 500)), "HTTP 500"),
        (.attempted(.connectFailed), "could not connect"),
        (.attempted(.responseTimedOut), "no response in time"),
    ])
    func aPassingFailureIsRetriedAfterABackoff(_ result: WebhookResult, _ reason: String) async throws {
        try await DeliveryHarness.run(webhooks: [result]) { harness in
            let dispatcher = harness.dispatcher()
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: dispatcher)
            let retried = try #require(try await harness.entry(entry.sid))
            #expect(retried.status == .pending)
            #expect(retried.lastError == reason)
            // Full jitter: somewhere from at once up to the first ceiling of one second.
            #expect((DeliveryHarness.start...DeliveryHarness.start + 1_000).contains(retried.nextAttemptAt))
            harness.clock.advance(by: .seconds(1))
            #expect(await harness.deliverDue(with: dispatcher).map(\.sid) == [entry.sid])
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
        }
    }

    @Test func aFailureAfterThePolicysTotalTimeFailsForGood() async throws {
        let unavailable = WebhookResult.attempted(.response(status: 503))
        try await DeliveryHarness.run(webhooks: [unavailable, unavailable]) { harness in
            let dispatcher = harness.dispatcher()
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: dispatcher)
            #expect(try await harness.entry(entry.sid)?.status == .pending)
            // The application stays down past the minute the policy allows.
            harness.clock.advance(by: .seconds(61))
            await harness.deliverDue(with: dispatcher)
            let failed = try #require(try await harness.entry(entry.sid))
            #expect(failed.status == .failed)
            #expect(failed.lastError == "gave up after 2 attempts: HTTP 503")
            harness.clock.advance(by: .seconds(3600))
            #expect(await harness.deliverDue(with: dispatcher).isEmpty)
        }
    }

    @Test func aRefusedTargetFailsForGoodWithTheReason() async throws {
        try await DeliveryHarness.run(webhooks: [.refused("the host is a loopback address")]) { harness in
            let dispatcher = harness.dispatcher()
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: dispatcher)
            let failed = try #require(try await harness.entries(.failed).first)
            #expect(failed.sid == entry.sid)
            #expect(failed.lastError == "refused: the host is a loopback address")
            #expect(failed.attempts == 1)
        }
    }

    @Test func aClosedAccountsWebhookIsNotSent() async throws {
        try await DeliveryHarness.run { harness in
            var closed = harness.account
            closed.status = .closed
            let account = closed
            try await harness.storage.write { try await $0.accounts.update(account) }
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: harness.dispatcher())
            #expect(try await harness.entry(entry.sid)?.lastError == "the account is closed")
            #expect(harness.webhooks.requests.isEmpty)
        }
    }

    @Test func aDeliveredWebhookStaysListedWithItsAttemptsResponseCodeAndTimesUntilItsRetentionPasses() async throws {
        try await DeliveryHarness.run(webhooks: [.attempted(.response(status: 503)), .attempted(.response(status: 202))]) { harness in
            let dispatcher = harness.dispatcher()
            let entry = try await harness.enqueue(call)
            await harness.deliverDue(with: dispatcher)
            harness.clock.advance(by: .seconds(1))
            #expect(await harness.deliverDue(with: dispatcher).map(\.sid) == [entry.sid])
            let delivered = try #require(try await harness.entry(entry.sid))
            #expect(delivered.status == .delivered)
            #expect(delivered.attempts == 2)
            #expect(delivered.lastResponseCode == 202)
            #expect(delivered.lastError == nil)
            #expect(delivered.firstAttemptAt == DeliveryHarness.start)
            #expect(delivered.lastAttemptAt == DeliveryHarness.start + 1_000)
            #expect(try await harness.entries(.delivered).map(\.sid) == [entry.sid])
            // Never attempted again, and kept for the whole retention period from its delivery.
            harness.clock.advance(by: DispatcherSettings.defaultDeliveredRetention)
            #expect(await harness.deliverDue(with: dispatcher).isEmpty)
            await dispatcher.purgeDelivered()
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
            harness.clock.advance(by: .milliseconds(1))
            await dispatcher.purgeDelivered()
            #expect(try await harness.entry(entry.sid) == nil)
            #expect(harness.webhooks.requests.count == 2)
        }
    }
}
