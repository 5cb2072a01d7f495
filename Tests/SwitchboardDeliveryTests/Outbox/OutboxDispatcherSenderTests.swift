import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// A message whose `From` is a sender's address leaves through the sender's provider connector, at the sender's
/// pace, and its outcome counts on the sender's health; any other message goes to the sandbox as before.
@Suite struct OutboxDispatcherSenderTests {
    static let senderAddress = "+14155550199"

    /// A Twilio-kind sender at the harness's sending address, its auth token sealed with `box`.
    static func addSender(
        to harness: DeliveryHarness, box: SecretBox, messagesPerSecond: Double? = nil, address: String = senderAddress
    ) async throws -> Sender {
        let sender = try SenderRules.sender(
            {
                var changes = SenderChanges()
                changes.connector = "twilio"
                changes.channel = "sms"
                changes.address = address
                changes.messagesPerSecond = messagesPerSecond.map { String($0) }
                changes.settings = #"{"account_sid": "AC123", "auth_token": "very-secret-token"}"#
                return changes
            }(), sid: harness.sids.make(.sender), accountSid: harness.account.sid, seal: box.seal, now: harness.clock.now())
        try await harness.storage.write { try await $0.senders.insert(sender) }
        return sender
    }

    static func directory(_ connector: ScriptedProviderConnector, box: SecretBox) -> SenderDirectory {
        SenderDirectory([connector], secretBox: box, baseURL: "https://switchboard.example.com/switchboard")
    }

    func storedSender(_ sid: String, in harness: DeliveryHarness) async throws -> Sender {
        try #require(try await harness.storage.read { try await $0.senders.find(sid: sid) })
    }

    @Test func aMessageFromASendersAddressLeavesThroughItsConnectorWithTheSecretsOpened() async throws {
        try await DeliveryHarness.run { harness in
            let box = SecretBox()
            let sender = try await Self.addSender(to: harness, box: box)
            let connector = ScriptedProviderConnector()
            let dispatcher = harness.dispatcher(senders: Self.directory(connector, box: box))
            let message = try await harness.queueMessage()
            await harness.deliverDue(with: dispatcher)

            let sent = try #require(connector.sent.first)
            #expect(sent.message.sid == message.sid)
            #expect(sent.sender.setting("auth_token") == "very-secret-token")
            #expect(sent.sender.inboundURL == "https://switchboard.example.com/switchboard/v1/Senders/\(sender.sid)/Inbound")
            #expect(!"\(sent.sender)".contains("very-secret-token"))
            let stored = try #require(try await harness.message(message.sid))
            #expect(stored.status == .sent)
            #expect(stored.providerMessageID == "P" + message.sid)
            #expect(try await harness.storage.read { try await $0.sandbox.deliveries(accountSid: harness.account.sid, page: PageRequest()) }.items.isEmpty)
            #expect(try await storedSender(sender.sid, in: harness).health == SenderHealth(sentCount: 1))
        }
    }

    @Test func aMessageFromAnyOtherAddressStillGoesToTheSandbox() async throws {
        try await DeliveryHarness.run { harness in
            let box = SecretBox()
            _ = try await Self.addSender(to: harness, box: box, address: "+14155550111")
            let connector = ScriptedProviderConnector()
            let dispatcher = harness.dispatcher(senders: Self.directory(connector, box: box))
            let message = try await harness.queueMessage()
            await harness.deliverDue(with: dispatcher)

            #expect(connector.sent.isEmpty)
            #expect(try await harness.message(message.sid)?.status == .delivered)
        }
    }

    @Test func aRefusalFailsTheMessageWithTheProvidersCodeAndCountsOnTheSender() async throws {
        try await DeliveryHarness.run { harness in
            let box = SecretBox()
            let sender = try await Self.addSender(to: harness, box: box)
            let connector = ScriptedProviderConnector([.success(ConnectorReceipt(.refused(errorCode: 21610, message: "Attempt to send to unsubscribed recipient")))])
            let dispatcher = harness.dispatcher(senders: Self.directory(connector, box: box))
            let message = try await harness.queueMessage()
            await harness.deliverDue(with: dispatcher)

            let stored = try #require(try await harness.message(message.sid))
            #expect(stored.status == .failed)
            #expect(stored.errorCode == 21610)
            #expect(stored.errorMessage == "Attempt to send to unsubscribed recipient")
            let health = try await storedSender(sender.sid, in: harness).health
            #expect(health.failedCount == 1)
            #expect(health.sentCount == 0)
            #expect(health.lastError == "21610: Attempt to send to unsubscribed recipient")
            #expect(health.lastFailureAt != nil)
        }
    }

    @Test func anUnavailableProviderIsRetriedAndOnlyAFinalFailureCounts() async throws {
        try await DeliveryHarness.run { harness in
            let box = SecretBox()
            let sender = try await Self.addSender(to: harness, box: box)
            let connector = ScriptedProviderConnector([.failure(ConnectorUnavailable("HTTP 503"))])
            let dispatcher = harness.dispatcher(senders: Self.directory(connector, box: box))
            let message = try await harness.queueMessage()
            let entry = try #require(await harness.deliverDue(with: dispatcher).first)

            #expect(try await harness.entry(entry.sid)?.status == .pending)
            var health = try await storedSender(sender.sid, in: harness).health
            #expect(health.failedCount == 0)
            #expect(health.lastError == "twilio: HTTP 503")

            harness.clock.advance(by: .seconds(2))
            try await harness.redeliver(entry.sid, with: dispatcher)
            #expect(try await harness.message(message.sid)?.status == .sent)
            health = try await storedSender(sender.sid, in: harness).health
            #expect(health.sentCount == 1)
            #expect(health.failedCount == 0)
        }
    }

    @Test func secretsSealedUnderAnotherKeyFailTheMessageAndNameTheSettingNotItsValue() async throws {
        try await DeliveryHarness.run { harness in
            let sender = try await Self.addSender(to: harness, box: SecretBox())
            let connector = ScriptedProviderConnector()
            let dispatcher = harness.dispatcher(senders: Self.directory(connector, box: SecretBox()))
            let message = try await harness.queueMessage()
            await harness.deliverDue(with: dispatcher)

            #expect(connector.sent.isEmpty)
            let stored = try #require(try await harness.message(message.sid))
            #expect(stored.status == .failed)
            #expect(stored.errorCode == 30008)
            let health = try await storedSender(sender.sid, in: harness).health
            #expect(health.lastError?.contains("auth_token") == true)
            #expect(health.lastError?.contains("very-secret-token") == false)
        }
    }

    @Test func aPacedSendersMessagesWaitInTheOutboxForTheirSlots() async throws {
        try await DeliveryHarness.run { harness in
            let box = SecretBox()
            _ = try await Self.addSender(to: harness, box: box, messagesPerSecond: 10)
            let connector = ScriptedProviderConnector()
            let dispatcher = harness.dispatcher(senders: Self.directory(connector, box: box))
            var messages: [Message] = []
            for index in 0..<3 { messages.append(try await harness.queueMessage(to: "+1415555020\(index)")) }

            let claimed = await harness.deliverDue(with: dispatcher)
            #expect(claimed.count == 3)
            #expect(connector.sent.map(\.message.sid) == [messages[0].sid])
            let waiting = try await harness.entries(.pending).filter { if case .message = $0.work { true } else { false } }
            #expect(waiting.map(\.nextAttemptAt).sorted() == [DeliveryHarness.start + 100, DeliveryHarness.start + 200])
            #expect(waiting.allSatisfy { $0.attempts == 0 })

            harness.clock.advance(by: .milliseconds(100))
            await harness.deliverDue(with: dispatcher)
            #expect(connector.sent.count == 2)
            harness.clock.advance(by: .milliseconds(100))
            await harness.deliverDue(with: dispatcher)
            #expect(Set(connector.sent.map(\.message.sid)) == Set(messages.map(\.sid)))
        }
    }
}
