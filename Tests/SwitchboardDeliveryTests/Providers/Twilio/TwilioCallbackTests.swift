import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

@Suite struct TwilioCallbackTests {
    let connector = TwilioConnector(transport: ScriptedWebhookTransport())

    static let inboundMessage = [
        FormPair("ToCountry", "US"), FormPair("SmsMessageSid", "SMcustomer1"), FormPair("NumMedia", "2"), FormPair("SmsSid", "SMcustomer1"),
        FormPair("SmsStatus", "received"), FormPair("Body", "Where is my order?"), FormPair("To", "+18005550100"),
        FormPair("MessageSid", "SMcustomer1"), FormPair("AccountSid", TwilioFixtures.accountSid), FormPair("From", "+14155550100"),
        FormPair("MediaUrl0", "https://api.twilio.com/media/1"), FormPair("MediaContentType0", "image/png"),
        FormPair("MediaUrl1", "https://api.twilio.com/media/2"), FormPair("ApiVersion", "2010-04-01"),
    ]

    func statusCallback(_ status: String, errorCode: String? = nil) -> [FormPair] {
        var pairs = [
            FormPair("AccountSid", TwilioFixtures.accountSid), FormPair("From", "+18005550100"), FormPair("MessageSid", "SMabc"),
            FormPair("MessageStatus", status), FormPair("SmsSid", "SMabc"), FormPair("SmsStatus", status), FormPair("To", "+14155550100"),
        ]
        if let errorCode { pairs.append(FormPair("ErrorCode", errorCode)) }
        return pairs
    }

    @Test func aSignedInboundMessageIsTheCustomersMessageWithItsMediaAndAnEmptyTwiMLAnswer() throws {
        let inbound = try connector.receive(TwilioFixtures.post(Self.inboundMessage), for: TwilioFixtures.sender())
        #expect(inbound.answer == ProviderAnswer(status: 200, contentType: "text/xml", body: #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#))
        #expect(inbound.events == [.message(try InboundMessage(
            channel: .sms, from: "+14155550100", to: "+18005550100", body: "Where is my order?", providerMessageID: "SMcustomer1",
            mediaUrls: ["https://api.twilio.com/media/1", "https://api.twilio.com/media/2"]))])
    }

    @Test func aWhatsAppSendersInboundMessageIsOnWhatsApp() throws {
        let pairs = [FormPair("MessageSid", "SMwa"), FormPair("From", "whatsapp:+14155550100"), FormPair("To", "whatsapp:+18005550100"),
                     FormPair("Body", "Hi"), FormPair("SmsStatus", "received")]
        let inbound = try connector.receive(TwilioFixtures.post(pairs), for: TwilioFixtures.sender(channel: .whatsapp))
        #expect(inbound.events == [.message(try InboundMessage(
            channel: .whatsapp, from: "whatsapp:+14155550100", to: "whatsapp:+18005550100", body: "Hi", providerMessageID: "SMwa"))])
    }

    @Test(arguments: [
        ("queued", MessageStatus.queued), ("sending", .sending), ("sent", .sent), ("delivered", .delivered),
        ("undelivered", .undelivered), ("failed", .failed), ("read", .read),
    ])
    func aStatusCallbackIsAReceiptForTheMessageTwilioNamed(_ name: String, _ status: MessageStatus) throws {
        let inbound = try connector.receive(TwilioFixtures.post(statusCallback(name)), for: TwilioFixtures.sender())
        #expect(inbound.events == [.status(providerMessageID: "SMabc", report: MessageStatusReport(status))])
        #expect(inbound.answer.contentType == "text/xml")
    }

    @Test func aFailureKeepsTwiliosErrorCode() throws {
        let inbound = try connector.receive(TwilioFixtures.post(statusCallback("undelivered", errorCode: "30003")), for: TwilioFixtures.sender())
        #expect(inbound.events == [.status(
            providerMessageID: "SMabc", report: MessageStatusReport(.undelivered, errorCode: 30003, errorMessage: "Twilio reported error 30003"))])
    }

    @Test func aStatusSwitchboardHasNoNameForChangesNothing() throws {
        let inbound = try connector.receive(TwilioFixtures.post(statusCallback("warp-speed")), for: TwilioFixtures.sender())
        #expect(inbound.events.isEmpty)
        #expect(inbound.answer.status == 200)
    }

    @Test(arguments: [
        TwilioFixtures.post(TwilioCallbackTests.inboundMessage, token: "another-accounts-token"),
        TwilioFixtures.post(TwilioCallbackTests.inboundMessage, signature: ""),
        TwilioFixtures.post(TwilioCallbackTests.inboundMessage, signature: "bm90IGEgc2lnbmF0dXJl"),
        TwilioFixtures.post(TwilioCallbackTests.inboundMessage, signedURL: "https://elsewhere.example.com/Inbound"),
    ])
    func aRequestNotSignedForTheSendersURLAndTokenIsRefusedWith403(_ request: ProviderHTTPRequest) throws {
        #expect(throws: TwilioError.forbidden("The request has no valid X-Twilio-Signature")) {
            try connector.receive(request, for: TwilioFixtures.sender())
        }
    }

    @Test func aSignedRequestWithItsBodyChangedIsRefused() throws {
        var request = TwilioFixtures.post(Self.inboundMessage)
        request.body = Array(String(decoding: request.body, as: UTF8.self).replacingOccurrences(of: "Where", with: "When").utf8)
        #expect(throws: TwilioError.self) { try connector.receive(request, for: TwilioFixtures.sender()) }
    }

    @Test func aSenderWithOnlyAnAPIKeyCannotCheckSignaturesAndRefusesEveryRequest() throws {
        let sender = TwilioFixtures.sender(
            settings: ["account_sid": TwilioFixtures.accountSid, "api_key_sid": "SK0123"], secrets: ["api_key_secret": "key-secret"])
        #expect(throws: TwilioError.forbidden("The sender has no auth_token, which Twilio's X-Twilio-Signature is checked with")) {
            try connector.receive(TwilioFixtures.post(Self.inboundMessage, token: "key-secret"), for: sender)
        }
    }

    @Test func aGETIsNotTwilios() throws {
        let request = ProviderHTTPRequest(method: "GET", url: TwilioFixtures.inboundURL, headers: [], body: [])
        #expect(throws: TwilioError.methodNotAllowed("GET")) { try connector.receive(request, for: TwilioFixtures.sender()) }
    }

    @Test func aSignedRequestWithoutAMessageSidIsRefused() throws {
        #expect(throws: TwilioError.missingParameter("MessageSid")) {
            try connector.receive(TwilioFixtures.post([FormPair("From", "+14155550100"), FormPair("Body", "Hi")]), for: TwilioFixtures.sender())
        }
    }
}
