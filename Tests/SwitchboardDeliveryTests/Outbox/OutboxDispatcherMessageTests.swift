import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

@Suite struct OutboxDispatcherMessageTests {
    /// The sandbox turns every delivery to `address` away as `status` says.
    func failDeliveries(to address: String, _ status: MessageStatus, code: Int, in harness: DeliveryHarness) async throws {
        let rule = SandboxFailureRule(accountSid: harness.account.sid, address: address, status: status, errorCode: code,
                                      dateCreated: harness.clock.now())
        try await harness.storage.write { try await $0.sandbox.saveFailureRule(rule) }
    }

    func handset(_ address: String, in harness: DeliveryHarness) async throws -> [SandboxDelivery] {
        let accountSid = harness.account.sid
        return try await harness.storage.read { try await $0.sandbox.deliveries(accountSid: accountSid, address: address, page: PageRequest()) }.items
    }

    @Test func theSandboxDeliversAQueuedMessageAndEachStatusChangeQueuesItsCallback() async throws {
        try await DeliveryHarness.run { harness in
            let queued = try await harness.queueMessage()
            #expect(try await harness.statusCallbackStatuses() == [])
            let claimed = await harness.deliverDue(with: harness.dispatcher())
            #expect(claimed.map(\.work) == [.message(sid: queued.sid)])
            let message = try #require(try await harness.message(queued.sid))
            #expect(message.status == .delivered)
            #expect(message.dateSent == harness.clock.now())
            #expect(message.errorCode == nil)
            #expect(try await harness.statusCallbackStatuses() == ["sending", "sent", "delivered"])
            #expect(try await harness.entry(claimed[0].sid)?.status == .delivered)
            #expect(try await handset(queued.to, in: harness).map(\.status) == [.delivered])
        }
    }

    @Test func messagesToOneCustomerLeaveOneAtATimeInTheOrderTheyWereSentWhileOthersGoAlongside() async throws {
        try await DeliveryHarness.run { harness in
            let first = try await harness.queueMessage(to: "+14155550100")
            let second = try await harness.queueMessage(to: "+14155550100")
            let elsewhere = try await harness.queueMessage(to: "+14155550101")
            let dispatcher = harness.dispatcher()
            #expect(await harness.deliverDue(with: dispatcher).map(\.work) == [.message(sid: first.sid), .message(sid: elsewhere.sid)])
            #expect(await harness.deliverDue(with: dispatcher).map(\.work).contains(.message(sid: second.sid)))
            #expect(try await handset("+14155550100", in: harness).map(\.messageSid) == [first.sid, second.sid])
        }
    }

    @Test func aStatusCallbackCarriesTheMessageAsItWasAtThatChange() async throws {
        try await DeliveryHarness.run { harness in
            let queued = try await harness.queueMessage()
            await harness.deliverDue(with: harness.dispatcher())
            let sent = try #require(try await harness.statusCallbacks().dropFirst().first)
            var expected = queued
            expected.status = .sent
            #expect(sent == MessageStatusCallback.parameters(for: expected).map { FormPair($0.name, $0.value) })
        }
    }

    @Test func anUndeliveredRuleGivesUndeliveredWithItsErrorCode() async throws {
        try await DeliveryHarness.run { harness in
            let queued = try await harness.queueMessage()
            try await failDeliveries(to: queued.to, .undelivered, code: 30005, in: harness)
            await harness.deliverDue(with: harness.dispatcher())
            let message = try #require(try await harness.message(queued.sid))
            #expect(message.status == .undelivered)
            #expect(message.errorCode == 30005)
            #expect(message.errorMessage == "Unknown destination handset")
            #expect(try await harness.statusCallbackStatuses() == ["sending", "sent", "undelivered"])
            let last = try #require(try await harness.statusCallbacks().last)
            #expect(last.suffix(2) == [FormPair("ErrorCode", "30005"), FormPair("ErrorMessage", "Unknown destination handset")])
            #expect(try await handset(queued.to, in: harness).map(\.errorCode) == [30005])
        }
    }

    @Test func aFailedRuleGivesFailedWithItsErrorCode() async throws {
        try await DeliveryHarness.run { harness in
            let queued = try await harness.queueMessage()
            try await failDeliveries(to: queued.to, .failed, code: 30007, in: harness)
            let claimed = await harness.deliverDue(with: harness.dispatcher())
            let message = try #require(try await harness.message(queued.sid))
            #expect(message.status == .failed)
            #expect(message.errorCode == 30007)
            #expect(message.errorMessage == "Message filtered")
            #expect(message.dateSent == nil)
            #expect(try await harness.statusCallbackStatuses() == ["sending", "failed"])
            // The refusal is the delivery's answer, not a failure to deliver: nothing is left to retry.
            #expect(try await harness.entry(claimed[0].sid)?.status == .delivered)
        }
    }

    @Test func anUnavailableConnectorIsRetriedAndTheMessageFailsWith30008WhenRetriesRunOut() async throws {
        try await DeliveryHarness.run { harness in
            let connector = ScriptedConnector([.failure(ConnectorUnavailable("provider down")), .failure(ConnectorUnavailable("provider down"))])
            let policy = RetryPolicy(baseDelay: .seconds(1), maximumDelay: .seconds(1), totalTime: .seconds(60), maximumAttempts: 2)
            let dispatcher = harness.dispatcher(connectors: [connector], retryPolicy: policy)
            let queued = try await harness.queueMessage()
            let entry = try #require(await harness.deliverDue(with: dispatcher).first)
            let retried = try #require(try await harness.entry(entry.sid))
            #expect(retried.status == .pending)
            #expect(retried.lastError == "connector: provider down")
            #expect(try await harness.message(queued.sid)?.status == .sending)
            harness.clock.advance(by: .seconds(1))
            try await harness.redeliver(entry.sid, with: dispatcher)
            #expect(connector.sent.map(\.sid) == [queued.sid, queued.sid])
            let failedEntry = try #require(try await harness.entry(entry.sid))
            #expect(failedEntry.status == .failed)
            #expect(failedEntry.lastError == "gave up after 2 attempts: connector: provider down")
            let message = try #require(try await harness.message(queued.sid))
            #expect(message.status == .failed)
            #expect(message.errorCode == 30008)
            #expect(message.errorMessage == "Unknown error")
            #expect(try await harness.statusCallbackStatuses() == ["sending", "failed"])
        }
    }

    @Test func anUnavailableConnectorThatRecoversSendsTheMessage() async throws {
        try await DeliveryHarness.run { harness in
            let connector = ScriptedConnector([.failure(ConnectorUnavailable("provider down")), .success(ConnectorReceipt(.accepted(providerMessageID: "P1")))])
            let dispatcher = harness.dispatcher(connectors: [connector])
            let queued = try await harness.queueMessage()
            let entry = try #require(await harness.deliverDue(with: dispatcher).first)
            harness.clock.advance(by: .seconds(1))
            try await harness.redeliver(entry.sid, with: dispatcher)
            #expect(try await harness.message(queued.sid)?.status == .sent)
            #expect(try await harness.statusCallbackStatuses() == ["sending", "sent"])
        }
    }

    @Test(arguments: [MessageStatus.sent, .delivered, .failed])
    func aMessageAlreadyPastSendingIsNotSentAgain(_ status: MessageStatus) async throws {
        try await DeliveryHarness.run { harness in
            // As after a crash between the send and the removal of its outbox entry.
            let connector = ScriptedConnector([.success(ConnectorReceipt(.accepted(providerMessageID: nil)))])
            let queued = try await harness.queueMessage(status: status)
            let entry = try #require(await harness.deliverDue(with: harness.dispatcher(connectors: [connector])).first)
            #expect(connector.sent.isEmpty)
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
            #expect(try await harness.message(queued.sid) == queued)
            #expect(try await harness.statusCallbackStatuses() == [])
        }
    }

    @Test func aMessageStillSendingWhenItsDeliveryIsRetriedIsSentAgain() async throws {
        try await DeliveryHarness.run { harness in
            // A run that died mid-send leaves the message sending; at least once means it goes again.
            let connector = ScriptedConnector([.success(ConnectorReceipt(.accepted(providerMessageID: nil)))])
            let queued = try await harness.queueMessage(status: .sending)
            await harness.deliverDue(with: harness.dispatcher(connectors: [connector]))
            #expect(connector.sent.map(\.sid) == [queued.sid])
            #expect(try await harness.message(queued.sid)?.status == .sent)
        }
    }

    @Test func aMessageOnAChannelNoConnectorDeliversFailsWith30008() async throws {
        try await DeliveryHarness.run { harness in
            let queued = try await harness.queueMessage(to: "whatsapp:+14155550100")
            let entry = try #require(await harness.deliverDue(with: harness.dispatcher(connectors: [ScriptedConnector([])])).first)
            #expect(try await harness.entry(entry.sid)?.lastError == "no connector delivers whatsapp")
            #expect(try await harness.message(queued.sid)?.errorCode == 30008)
            #expect(try await harness.message(queued.sid)?.status == .failed)
        }
    }

    @Test func theDeliveryOfADeletedMessageIsDropped() async throws {
        try await DeliveryHarness.run { harness in
            let queued = try await harness.queueMessage()
            let accountSid = harness.account.sid
            _ = try await harness.storage.write { try await $0.messages.delete(sid: queued.sid, accountSid: accountSid) }
            let entry = try #require(await harness.deliverDue(with: harness.dispatcher()).first)
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
            #expect(try await handset(queued.to, in: harness).isEmpty)
        }
    }
}
