import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// The connector against a stored conversation: the window read from the customer's last message, Meta's answers
/// turned into receipts, and page webhooks checked and read.
@Suite struct MessengerConnectorTests {
    static let sentAnswer = WebhookResult.attempted(.response(status: 200), body: Array(#"{"recipient_id":"24681357","message_id":"m_first"}"#.utf8))

    /// Stores the customer's message to the page, `hoursAgo` before the harness's now.
    func customerWrote(_ harness: DeliveryHarness, hoursAgo: Double) async throws {
        let date = harness.clock.now().addingTimeInterval(-hoursAgo * 3600)
        let message = Message(
            sid: harness.sids.make(.message), accountSid: harness.account.sid, channel: .messenger, direction: .inbound,
            from: MessengerFixtures.customer, to: MessengerFixtures.business, body: "hello", status: .received,
            origin: "inbound", dateCreated: date, dateUpdated: date)
        try await harness.storage.write { try await $0.messages.insert(message) }
    }

    /// An outbound message to the customer, as a Conversation relays it when `origin` is an `IM…` SID.
    func outbound(_ harness: DeliveryHarness, origin: String = "api", body: String = "How can I help?") -> Message {
        let now = harness.clock.now()
        return Message(
            sid: harness.sids.make(.message), accountSid: harness.account.sid, channel: .messenger, direction: .outboundAPI,
            from: MessengerFixtures.business, to: MessengerFixtures.customer, body: body, status: .sending, origin: origin,
            dateCreated: now, dateUpdated: now)
    }

    func connector(_ harness: DeliveryHarness, _ transport: ScriptedWebhookTransport) -> MessengerConnector {
        MessengerConnector(transport: transport, storage: harness.storage, time: harness.clock)
    }

    @Test func insideTheWindowTheMessageIsAResponseAndMetasIDIsKept() async throws {
        try await DeliveryHarness.run { harness in
            try await customerWrote(harness, hoursAgo: 2)
            let transport = ScriptedWebhookTransport([Self.sentAnswer])
            let receipt = try await connector(harness, transport).send(outbound(harness), from: MessengerFixtures.sender(accountSid: harness.account.sid))
            #expect(receipt == ConnectorReceipt(.accepted(providerMessageID: "m_first")))
            let json = try MessengerFixtures.json(try #require(transport.requests.first))
            #expect(json["messaging_type"] as? String == "RESPONSE")
        }
    }

    @Test func afterADayAnAgentsAnswerIsTaggedAndAnAutomatedOneRefusedWithoutCallingMeta() async throws {
        try await DeliveryHarness.run { harness in
            try await customerWrote(harness, hoursAgo: 30)
            let transport = ScriptedWebhookTransport([Self.sentAnswer])
            let sender = MessengerFixtures.sender(accountSid: harness.account.sid)
            let agent = outbound(harness, origin: "IM" + String(repeating: "b", count: 32))
            #expect(try await connector(harness, transport).send(agent, from: sender) == ConnectorReceipt(.accepted(providerMessageID: "m_first")))
            let json = try MessengerFixtures.json(try #require(transport.requests.first))
            #expect(json["messaging_type"] as? String == "MESSAGE_TAG")
            #expect(json["tag"] as? String == "HUMAN_AGENT")

            let automated = try await connector(harness, transport).send(outbound(harness), from: sender)
            guard case .refused(let code, _) = automated.outcome else { Issue.record("expected a refusal, got \(automated)"); return }
            #expect(code == 63016)
            #expect(transport.requests.count == 1)
        }
    }

    @Test func pastSevenDaysOrBeforeTheCustomerWroteNothingReachesMeta() async throws {
        try await DeliveryHarness.run { harness in
            let transport = ScriptedWebhookTransport()
            let sender = MessengerFixtures.sender(accountSid: harness.account.sid)
            let agent = outbound(harness, origin: "IM" + String(repeating: "b", count: 32))
            let never = try await connector(harness, transport).send(agent, from: sender)
            try await customerWrote(harness, hoursAgo: 8 * 24)
            let stale = try await connector(harness, transport).send(agent, from: sender)
            for receipt in [never, stale] {
                guard case .refused(let code, _) = receipt.outcome else { Issue.record("expected a refusal, got \(receipt)"); continue }
                #expect(code == 63016)
            }
            #expect(transport.requests.isEmpty)
        }
    }

    @Test func aMessageWithMediaIsOneRequestPerPartAndKeepsTheLastID() async throws {
        try await DeliveryHarness.run { harness in
            try await customerWrote(harness, hoursAgo: 1)
            let second = WebhookResult.attempted(.response(status: 200), body: Array(#"{"recipient_id":"24681357","message_id":"m_second"}"#.utf8))
            let transport = ScriptedWebhookTransport([Self.sentAnswer, second])
            var message = outbound(harness, body: "Your receipt")
            message.mediaUrls = ["https://cdn.example.com/receipt.png"]
            let receipt = try await connector(harness, transport).send(message, from: MessengerFixtures.sender(accountSid: harness.account.sid))
            #expect(receipt == ConnectorReceipt(.accepted(providerMessageID: "m_second")))
            #expect(transport.requests.count == 2)
        }
    }

    @Test func aRefusalQuotingTheTokenNeverCarriesIt() async throws {
        try await DeliveryHarness.run { harness in
            try await customerWrote(harness, hoursAgo: 1)
            let quoting = WebhookResult.attempted(
                .response(status: 400),
                body: Array(#"{"error":{"message":"Malformed access token \#(MessengerFixtures.token)","type":"OAuthException","code":190}}"#.utf8))
            let transport = ScriptedWebhookTransport([quoting, .attempted(.response(status: 500), body: Array(MessengerFixtures.token.utf8))])
            let sender = MessengerFixtures.sender(accountSid: harness.account.sid)
            let receipt = try await connector(harness, transport).send(outbound(harness), from: sender)
            guard case .refused(let code, let text) = receipt.outcome else { Issue.record("expected a refusal, got \(receipt)"); return }
            #expect(code == 20003)
            #expect(!text.contains(MessengerFixtures.token))
            await #expect(throws: ConnectorUnavailable.self) { try await connector(harness, transport).send(outbound(harness), from: sender) }
        }
    }

    @Test func theVerificationHandshakeEchoesTheChallengeOnlyForTheVerifyToken() throws {
        let connector = MessengerConnector(transport: ScriptedWebhookTransport(), storage: UnusedStorage(), time: SystemTimeSource())
        func get(_ token: String) -> ProviderHTTPRequest {
            ProviderHTTPRequest(method: "GET", url: "https://s.example.com/Inbound?hub.mode=subscribe&hub.verify_token=\(token)&hub.challenge=1158201444", headers: [], body: [])
        }
        #expect(try connector.receive(get(MessengerFixtures.verifyToken), for: MessengerFixtures.sender()).answer.body == "1158201444")
        #expect(throws: TwilioError.self) { try connector.receive(get("wrong"), for: MessengerFixtures.sender()) }
    }

    @Test func aPostIsReadOnlyWithTheAppSecretsSignature() throws {
        let connector = MessengerConnector(transport: ScriptedWebhookTransport(), storage: UnusedStorage(), time: SystemTimeSource())
        let body = MessengerFixtures.webhook(MessengerFixtures.textMessage)
        let received = try connector.receive(MessengerFixtures.signedPost(body), for: MessengerFixtures.sender())
        #expect(received.answer == ProviderAnswer(body: "EVENT_RECEIVED"))
        #expect(received.events.count == 1)
        #expect(throws: TwilioError.self) { try connector.receive(MessengerFixtures.signedPost(body, secret: "another"), for: MessengerFixtures.sender()) }
        var unsigned = MessengerFixtures.signedPost(body)
        unsigned.headers = []
        #expect(throws: TwilioError.self) { try connector.receive(unsigned, for: MessengerFixtures.sender()) }
    }
}

/// Storage for tests that must not touch it.
struct UnusedStorage: Storage {
    func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T { throw ConnectorUnavailable("unused") }
    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T { throw ConnectorUnavailable("unused") }
    func shutdown() async throws {}
}
