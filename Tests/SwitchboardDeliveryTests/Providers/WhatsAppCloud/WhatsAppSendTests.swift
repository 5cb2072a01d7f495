import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// The connector's send: the Graph request it makes, and Meta's answers mapped to receipts, retries and Twilio codes.
@Suite struct WhatsAppSendTests {
    func answer(_ status: Int, _ json: String) -> WebhookResult {
        .attempted(.response(status: status), body: Array(json.utf8))
    }

    func graphError(_ code: Int, _ message: String, status: Int = 400) -> WebhookResult {
        answer(status, #"{"error":{"message":"\#(message)","type":"OAuthException","code":\#(code),"error_subcode":2494010,"fbtrace_id":"AbC"}}"#)
    }

    func refusal(_ result: WebhookResult) throws -> (code: Int, message: String) {
        guard case .refused(let code, let message) = try WhatsAppCloudConnector.receipt(for: result).outcome else {
            Issue.record("expected a refusal")
            return (0, "")
        }
        return (code, message)
    }

    @Test func aSendPostsToThePhoneNumbersMessagesEdgeWithTheBearerTokenAndKeepsTheWamid() async throws {
        try await DeliveryHarness.run { harness in
            let transport = ScriptedWebhookTransport([answer(200, #"{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.ABC="}]}"#)])
            let connector = WhatsAppCloudConnector(transport: transport, storage: harness.storage)
            let receipt = try await connector.send(WhatsAppFixtures.message(accountSid: harness.account.sid), from: WhatsAppFixtures.sender(accountSid: harness.account.sid))
            #expect(receipt.outcome == .accepted(providerMessageID: "wamid.ABC="))
            let request = try #require(transport.requests.first)
            #expect(request.method == "POST")
            #expect(request.url == "https://graph.example.test/v23.0/106540352242922/messages")
            #expect(request.header("Authorization") == "Bearer \(WhatsAppFixtures.accessToken)")
            #expect(request.header("Content-Type") == "application/json")
            #expect(try WhatsAppFixtures.json(request)["to"] as? String == "16505551234")
        }
    }

    @Test func aMessageNamingAnApprovedTemplateIsSentAsThatTemplate() async throws {
        try await DeliveryHarness.run { harness in
            let template = WhatsAppFixtures.template(accountSid: harness.account.sid, types: #"{"twilio/text":{"body":"Order {{1}} shipped"}}"#)
            try await harness.storage.write { try await $0.contents.insert(template) }
            let transport = ScriptedWebhookTransport([answer(200, #"{"messages":[{"id":"wamid.T="}]}"#)])
            let connector = WhatsAppCloudConnector(transport: transport, storage: harness.storage)
            let message = WhatsAppFixtures.message(accountSid: harness.account.sid, body: "Order A-1 shipped", contentSid: template.sid, contentVariables: #"{"1":"A-1"}"#)
            _ = try await connector.send(message, from: WhatsAppFixtures.sender(accountSid: harness.account.sid, settings: ["api_version": "v24.0"]))
            let request = try #require(transport.requests.first)
            #expect(request.url == "https://graph.example.test/v24.0/106540352242922/messages")
            let body = try WhatsAppFixtures.json(request)
            #expect(body["type"] as? String == "template")
            #expect((body["template"] as? [String: Any])?["name"] as? String == "order_shipped")
        }
    }

    @Test func theReEngagementErrorIs63016WithMetasCodeKept() throws {
        let refused = try refusal(graphError(131047, "Re-engagement message"))
        #expect(refused.code == 63016)
        #expect(refused.message.contains("WhatsApp 131047: Re-engagement message"))
    }

    @Test func anExpiredTokenFailsClearlyWithoutTheToken() throws {
        let refused = try refusal(graphError(190, "Error validating access token: Session has expired", status: 401))
        #expect(refused.code == 63001)
        #expect(refused.message.contains("access token is invalid or has expired"))
        #expect(refused.message.contains("WhatsApp 190"))
        #expect(!refused.message.contains(WhatsAppFixtures.accessToken))
    }

    @Test func anUndeliverableRecipientAndBadParametersMapToTwiliosCodes() throws {
        #expect(try refusal(graphError(131026, "Message undeliverable")).code == 63024)
        #expect(try refusal(graphError(100, "Invalid parameter: the phone number is not valid")).code == 21211)
        #expect(try refusal(graphError(131009, "Parameter value is not valid: text.body too long")).code == 63005)
        #expect(try refusal(graphError(132001, "Template name does not exist in the translation")).code == 63027)
        #expect(try refusal(graphError(999_999, "Something new")).code == 30008)
    }

    @Test(arguments: [
        WebhookResult.attempted(.connectFailed), .attempted(.responseTimedOut), .attempted(.response(status: 503), body: []),
        .attempted(.response(status: 429), body: []),
    ])
    func networkFailuresAnd5xxAnd429AreRetried(result: WebhookResult) {
        #expect(throws: ConnectorUnavailable.self) { try WhatsAppCloudConnector.receipt(for: result) }
    }

    @Test func throttlingIsRetried() {
        #expect(throws: ConnectorUnavailable.self) { try WhatsAppCloudConnector.receipt(for: graphError(130429, "Rate limit hit")) }
        #expect(throws: ConnectorUnavailable.self) { try WhatsAppCloudConnector.receipt(for: graphError(80007, "Rate limit issues")) }
    }

    @Test func aGraphURLTheAddressGuardRefusesFailsTheMessage() throws {
        #expect(try refusal(.refused("a private address")).code == 30008)
    }
}
