import Foundation
import Testing
import SwitchboardCore

@Suite struct MessageContentTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let window = MessagingWindow()

    func message(to: String = "whatsapp:+14155550100", from: String = "whatsapp:+14155550199", body: String? = nil,
                 contentSid: String? = nil, variables: String? = nil) throws -> Message {
        try MessageRules.makeOutbound(
            MessageRequest(to: to, from: from, body: body, contentSid: contentSid, contentVariables: variables),
            sid: "SM" + String(repeating: "1", count: 32), accountSid: "AC" + String(repeating: "b", count: 32), now: now)
    }

    func template(_ body: String, status: ContentApprovalStatus = .unsubmitted) -> ContentTemplate {
        ContentTemplate(sid: "HX" + String(repeating: "a", count: 32), accountSid: "AC" + String(repeating: "b", count: 32),
                        friendlyName: "order", language: "en", variables: #"{"2":"soon"}"#,
                        types: #"{"twilio/text":{"body":"\#(body)"}}"#, approvalStatus: status, dateCreated: now, dateUpdated: now)
    }

    @Test func aContentSidBecomesTheRenderedBodyAndABodyBesideItIsIgnored() throws {
        let sent = try message(body: "ignored", contentSid: template("x").sid, variables: #"{"1":"Zoë"}"#)
        let rendered = try MessageRules.withContent(sent, template: template("Hi {{1}}, it ships {{2}}."))
        #expect(rendered.body == "Hi Zoë, it ships soon.")
        #expect(rendered.contentSid == template("x").sid)
        #expect(rendered.contentVariables == #"{"1":"Zoë"}"#)
    }

    @Test func aPlaceholderWithoutAValueIsRefusedWith21656() throws {
        let sent = try message(contentSid: template("x").sid)
        let error = #expect(throws: TwilioError.self) { try MessageRules.withContent(sent, template: template("Hi {{1}}")) }
        #expect(error?.code == 21656)
    }

    @Test func freeTextToWhatsAppOrMessengerOutsideTheWindowIsRefusedWith63016() throws {
        #expect(MessageRules.windowRefusal(try message(body: "hi"), template: nil, lastInbound: nil, window: window, now: now)
            == .outsideMessagingWindow)
        let messenger = try message(to: "messenger:1029384756", from: "messenger:5550001", body: "hi")
        #expect(MessageRules.windowRefusal(messenger, template: nil, lastInbound: now.addingTimeInterval(-25 * 3600), window: window, now: now)
            == .outsideMessagingWindow)
    }

    @Test func freeTextInsideTheWindowAndSMSAtAnyTimeGoThrough() throws {
        #expect(MessageRules.windowRefusal(try message(body: "hi"), template: nil, lastInbound: now.addingTimeInterval(-3600), window: window, now: now) == nil)
        let sms = try message(to: "+14155550100", from: "+14155550199", body: "hi")
        #expect(MessageRules.windowRefusal(sms, template: nil, lastInbound: nil, window: window, now: now) == nil)
    }

    @Test func outsideTheWindowOnlyATemplateApprovedForWhatsAppGoesAndTheRefusalNamesTheTemplateAndItsApproval() throws {
        let sent = try message(contentSid: template("x").sid)
        #expect(MessageRules.windowRefusal(sent, template: template("Hi", status: .approved), lastInbound: nil, window: window, now: now) == nil)
        for status in [ContentApprovalStatus.unsubmitted, .received, .rejected] {
            let refusal = MessageRules.windowRefusal(sent, template: template("Hi", status: status), lastInbound: nil, window: window, now: now)
            #expect(refusal?.code == 63016)
            #expect(refusal?.message.contains(template("x").sid) == true)
            #expect(refusal?.message.contains("not approved") == true)
            #expect(refusal?.message.contains(status.rawValue) == true)
        }
    }

    @Test func anUnapprovedTemplateInsideTheWindowGoesThrough() throws {
        let sent = try message(contentSid: template("x").sid)
        #expect(MessageRules.windowRefusal(sent, template: template("Hi", status: .rejected), lastInbound: now.addingTimeInterval(-60),
                                           window: window, now: now) == nil)
    }
}
