import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// What Meta posts to a WhatsApp Cloud sender's inbound URL: the verification handshake, the signature, and the
/// messages, receipts and template decisions a payload carries.
@Suite struct WhatsAppInboundTests {
    let connector = WhatsAppCloudConnector(transport: ScriptedWebhookTransport(), storage: UntouchedStorage())

    func receive(_ json: String) throws(TwilioError) -> ProviderInbound {
        try connector.receive(WhatsAppFixtures.webhook(json), for: WhatsAppFixtures.sender())
    }

    @Test func theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() throws {
        let right = ProviderHTTPRequest(
            method: "GET", url: "https://s.example.test/Inbound?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444",
            headers: [], body: [])
        #expect(try connector.receive(right, for: WhatsAppFixtures.sender()).answer.body == "1158201444")
        let wrong = ProviderHTTPRequest(
            method: "GET", url: "https://s.example.test/Inbound?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", headers: [], body: [])
        #expect(throws: TwilioError.self) { try connector.receive(wrong, for: WhatsAppFixtures.sender()) }
    }

    @Test func aPostSignedWithAnotherSecretIsRefusedWith403() {
        let request = WhatsAppFixtures.webhook(WhatsAppFixtures.messagesChange(#""messages":[]"#), secret: "not-the-secret")
        do {
            _ = try connector.receive(request, for: WhatsAppFixtures.sender())
            Issue.record("a wrong signature was accepted")
        } catch {
            #expect(error.httpStatus == 403)
        }
    }

    @Test func malformedJSONIsA400() {
        do {
            _ = try receive("{not json")
            Issue.record("malformed JSON was accepted")
        } catch {
            #expect(error.httpStatus == 400)
        }
    }

    @Test func aTextMessageIsFromTheCustomersWhatsAppAddressToTheSender() throws {
        let inbound = try receive(WhatsAppFixtures.messagesChange("""
            "contacts":[{"profile":{"name":"Sheena"},"wa_id":"16505551234"}],
            "messages":[{"from":"16505551234","id":"wamid.IN1","timestamp":"1749416383","type":"text","text":{"body":"Does it come in another color?"}}]
            """))
        #expect(inbound.answer == ProviderAnswer(body: "EVENT_RECEIVED"))
        let expected = try InboundMessage(channel: .whatsapp, from: "whatsapp:+16505551234", to: WhatsAppFixtures.business,
                                          body: "Does it come in another color?", providerMessageID: "wamid.IN1")
        #expect(inbound.events == [.message(expected)])
    }

    @Test func mediaButtonsAndListRepliesBecomeTextOrAMediaReference() throws {
        let inbound = try receive(WhatsAppFixtures.messagesChange("""
            "contacts":[{"profile":{"name":"Sheena"},"wa_id":"16505551234"}],
            "messages":[
              {"from":"16505551234","id":"wamid.IMG","timestamp":"1","type":"image","image":{"caption":"Taj Mahal","mime_type":"image/jpeg","sha256":"x","id":"1003383421387256"}},
              {"from":"16505551234","id":"wamid.BTN","timestamp":"1","type":"button","button":{"payload":"Unsubscribe","text":"Unsubscribe"}},
              {"from":"16505551234","id":"wamid.LST","timestamp":"1","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"p","title":"Priority Mail Express"}}},
              {"from":"16505551234","id":"wamid.SYS","timestamp":"1","type":"system","system":{"body":"changed","type":"user_changed_number"}}
            ]
            """))
        let messages = inbound.events.compactMap { event -> InboundMessage? in
            if case .message(let message) = event { return message } else { return nil }
        }
        #expect(messages.map(\.body) == ["Taj Mahal", "Unsubscribe", "Priority Mail Express"])
        #expect(messages[0].mediaUrls == ["https://graph.example.test/v23.0/1003383421387256"])
    }

    @Test func statusesAreReceiptsAndAFailureCarriesTwiliosCode() throws {
        let inbound = try receive(WhatsAppFixtures.messagesChange("""
            "statuses":[
              {"id":"wamid.OUT","status":"read","timestamp":"2","recipient_id":"16505551234"},
              {"id":"wamid.OUT","status":"delivered","timestamp":"1","recipient_id":"16505551234"},
              {"id":"wamid.BAD","status":"failed","timestamp":"1","recipient_id":"16505551234","errors":[{"code":131047,"title":"Re-engagement message"}]}
            ]
            """))
        #expect(inbound.events.count == 3)
        #expect(inbound.events[0] == .status(providerMessageID: "wamid.OUT", report: MessageStatusReport(.read)))
        #expect(inbound.events[1] == .status(providerMessageID: "wamid.OUT", report: MessageStatusReport(.delivered)))
        guard case .status(let id, let report) = inbound.events[2] else { Issue.record("expected a status"); return }
        #expect(id == "wamid.BAD")
        #expect(report.status == .failed)
        #expect(report.errorCode == 63016)
        #expect(report.errorMessage?.contains("WhatsApp 131047") == true)
    }

    @Test func aTemplateStatusUpdateIsADecision() throws {
        let inbound = try receive("""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1,"changes":[{"field":"message_template_status_update",
            "value":{"event":"REJECTED","message_template_id":1234567890,"message_template_name":"order_shipped","message_template_language":"en_US","reason":"INCORRECT_CATEGORY"}}]}]}
            """)
        #expect(inbound.events == [.templateStatus(TemplateStatusUpdate(
            name: "order_shipped", language: "en_US", providerTemplateID: "1234567890", event: "REJECTED", reason: "INCORRECT_CATEGORY"))])
    }

    @Test func aMessageForAnotherOfTheAppsNumbersIsKeptUnderThatNumber() throws {
        let inbound = try receive("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550001111","phone_number_id":"999"},"contacts":[{"profile":{"name":"A"},"wa_id":"16505551234"}],
            "messages":[{"from":"16505551234","id":"wamid.OTHER","timestamp":"1","type":"text","text":{"body":"hi"}}]}}]}]}
            """)
        guard case .message(let message)? = inbound.events.first else { Issue.record("expected a message"); return }
        #expect(message.to == "whatsapp:+15550001111")
    }
}

/// Storage that reading a webhook must never touch.
private struct UntouchedStorage: Storage {
    func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T { throw ConnectorUnavailable("untouched") }
    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T { throw ConnectorUnavailable("untouched") }
    func shutdown() async throws {}
}
