import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

@Suite struct TwilioConnectorSendTests {
    /// Sends `message` from `sender` through a transport that answers `result`; returns the receipt or error, and the request made.
    func send(
        _ message: Message = TwilioFixtures.message(), from sender: ConfiguredSender = TwilioFixtures.sender(),
        answer result: WebhookResult = .attempted(.response(status: 201), body: TwilioFixtures.json(#"{"sid": "SMabc", "status": "queued"}"#))
    ) async -> (Result<ConnectorReceipt, any Error>, WebhookRequest?) {
        let transport = ScriptedWebhookTransport([result])
        let connector = TwilioConnector(transport: transport)
        let outcome: Result<ConnectorReceipt, any Error>
        do { outcome = .success(try await connector.send(message, from: sender)) } catch { outcome = .failure(error) }
        return (outcome, transport.requests.first)
    }

    func form(_ request: WebhookRequest?) -> [FormPair] {
        FormEncoding.decode(String(decoding: request?.body ?? [], as: UTF8.self)) ?? []
    }

    @Test func aMessageIsPostedToTheAccountsMessagesWithEveryFieldAndTheSendersInboundURLAsStatusCallback() async throws {
        let message = TwilioFixtures.message(mediaUrls: ["https://cdn.example.com/a.png", "https://cdn.example.com/b.pdf"])
        let (outcome, request) = await send(message)
        #expect(try outcome.get() == ConnectorReceipt(.accepted(providerMessageID: "SMabc")))
        let sent = try #require(request)
        #expect(sent.method == "POST")
        #expect(sent.url == "http://twilio.test/api/2010-04-01/Accounts/\(TwilioFixtures.accountSid)/Messages.json")
        #expect(sent.header("Content-Type") == "application/x-www-form-urlencoded")
        let basic = "Basic " + Data("\(TwilioFixtures.accountSid):\(TwilioFixtures.authToken)".utf8).base64EncodedString()
        #expect(sent.header("Authorization") == basic)
        #expect(form(sent) == [
            FormPair("To", "+14155550100"), FormPair("From", "+18005550100"), FormPair("Body", "Your order has shipped"),
            FormPair("MediaUrl", "https://cdn.example.com/a.png"), FormPair("MediaUrl", "https://cdn.example.com/b.pdf"),
            FormPair("StatusCallback", TwilioFixtures.inboundURL),
        ])
    }

    @Test func aSenderWithAWholeAPIKeyAuthenticatesWithIt() async throws {
        let sender = TwilioFixtures.sender(
            settings: ["account_sid": TwilioFixtures.accountSid, "api_key_sid": "SK0123"], secrets: ["api_key_secret": "key-secret", "auth_token": "t"])
        let (_, request) = await send(from: sender)
        #expect(request?.header("Authorization") == "Basic " + Data("SK0123:key-secret".utf8).base64EncodedString())
    }

    @Test func withoutABaseURLTheMessageGoesToTwilio() async throws {
        let (_, request) = await send(from: TwilioFixtures.sender(settings: ["account_sid": TwilioFixtures.accountSid]))
        #expect(request?.url == "https://api.twilio.com/2010-04-01/Accounts/\(TwilioFixtures.accountSid)/Messages.json")
    }

    @Test func aWhatsAppTemplateIsSentAsItsContentSidAndVariablesForTwilioToRender() async throws {
        let message = TwilioFixtures.message(body: "Hello Ada", contentSid: "HX0123", contentVariables: #"{"1":"Ada"}"#, channel: .whatsapp)
        let (_, request) = await send(message)
        #expect(form(request) == [
            FormPair("To", "whatsapp:+14155550100"), FormPair("From", "whatsapp:+18005550100"), FormPair("ContentSid", "HX0123"),
            FormPair("ContentVariables", #"{"1":"Ada"}"#), FormPair("StatusCallback", TwilioFixtures.inboundURL),
        ])
    }

    @Test func anSMSTemplateIsSentAsSwitchboardsRenderingSinceTwilioDoesNotKnowItsSid() async throws {
        let message = TwilioFixtures.message(body: "Hello Ada", contentSid: "HX0123", contentVariables: #"{"1":"Ada"}"#)
        let (_, request) = await send(message)
        #expect(form(request) == [
            FormPair("To", "+14155550100"), FormPair("From", "+18005550100"), FormPair("Body", "Hello Ada"),
            FormPair("StatusCallback", TwilioFixtures.inboundURL),
        ])
    }

    @Test func aSenderWithoutUsableCredentialsFailsTheMessageWithoutCallingTwilio() async throws {
        let sender = TwilioFixtures.sender(settings: ["account_sid": TwilioFixtures.accountSid], secrets: ["api_key_secret": "lonely-secret"])
        let (outcome, request) = await send(from: sender)
        #expect(request == nil)
        guard case .refused(let code, let text) = try outcome.get().outcome else { Issue.record("not refused"); return }
        #expect(code == 20003)
        #expect(!text.contains("lonely-secret"))
    }

    @Test(arguments: [
        (400, #"{"code": 21211, "message": "The 'To' number +1555 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"#,
         21211, "The 'To' number +1555 is not a valid phone number. (Twilio 21211)"),
        (400, #"{"code": 21610, "message": "Attempt to send to unsubscribed recipient", "status": 400}"#,
         21610, "Attempt to send to unsubscribed recipient (Twilio 21610)"),
        (400, #"{"code": 63016, "message": "Failed to send freeform message because you are outside the allowed window.", "status": 400}"#,
         63016, "Failed to send freeform message because you are outside the allowed window. (Twilio 63016)"),
        (404, #"<html>Not Found</html>"#, 30008, "Twilio answered HTTP 404 (Twilio 30008)"),
        (401, #"{"code": 20003, "message": "Authenticate", "status": 401}"#, 20003, "Twilio refused the sender's credentials (20003: Authenticate)"),
        (403, "", 20003, "Twilio refused the sender's credentials (20003)"),
    ])
    func aRefusalFailsTheMessageWithTwiliosOwnCodeAndText(_ status: Int, _ body: String, _ code: Int, _ text: String) async throws {
        let (outcome, _) = await send(answer: .attempted(.response(status: status), body: TwilioFixtures.json(body)))
        #expect(try outcome.get() == ConnectorReceipt(.refused(errorCode: code, message: text)))
    }

    @Test(arguments: [
        WebhookResult.attempted(.response(status: 500), body: TwilioFixtures.json(#"{"code": 20500, "message": "Internal Server Error"}"#)),
        .attempted(.response(status: 503)),
        .attempted(.response(status: 429), body: TwilioFixtures.json(#"{"code": 20429, "message": "Too Many Requests"}"#)),
        .attempted(.connectFailed),
        .attempted(.responseTimedOut),
    ])
    func noAnswerAServerErrorOrThrottlingIsTriedAgainLater(_ result: WebhookResult) async throws {
        let (outcome, _) = await send(answer: result)
        #expect(throws: ConnectorUnavailable.self) { try outcome.get() }
    }

    @Test func aBaseURLTheAddressGuardRefusesFailsTheMessage() async throws {
        let (outcome, _) = await send(answer: .refused("the address 10.0.0.1 is private"))
        #expect(try outcome.get() == ConnectorReceipt(.refused(
            errorCode: 30008, message: "The sender's Twilio base_url is not allowed: the address 10.0.0.1 is private")))
    }

    @Test func theRetryReasonKeepsTwiliosCodeAndMessage() async throws {
        let (outcome, _) = await send(answer: .attempted(.response(status: 503), body: TwilioFixtures.json(#"{"code": 20503, "message": "Service unavailable"}"#)))
        #expect(throws: ConnectorUnavailable.self) { try outcome.get() }
        if case .failure(let error) = outcome { #expect("\(error)" == "Twilio answered HTTP 503 (20503: Service unavailable)") }
    }
}
