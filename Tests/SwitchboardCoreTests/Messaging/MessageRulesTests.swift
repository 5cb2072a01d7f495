import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct MessageRulesTests {
    let now = Date(timeIntervalSince1970: 1_470_089_440)

    func make(_ request: MessageRequest) throws(TwilioError) -> Message {
        try MessageRules.makeOutbound(request, sid: "SM1", accountSid: "AC1", now: now)
    }

    func code(of request: MessageRequest) -> Int? {
        let error = #expect(throws: TwilioError.self) { try make(request) }
        #expect(error?.httpStatus == 400)
        return error?.code
    }

    @Test func anSMSIsQueuedOutboundWithBothNumbersNormalised() throws {
        let message = try make(MessageRequest(to: "+1 (415) 555-0100", from: "+1.415.555.0199", body: "Hi",
                                              statusCallback: "https://hooks.example.com/status#rc=2"))
        #expect(message == Message(
            sid: "SM1", accountSid: "AC1", channel: .sms, direction: .outboundAPI, from: "+14155550199", to: "+14155550100",
            body: "Hi", status: .queued, statusCallback: "https://hooks.example.com/status#rc=2", origin: "api",
            dateCreated: now, dateUpdated: now))
    }

    @Test(arguments: [nil, ""])
    func aMissingToIs21604(_ to: String?) {
        #expect(code(of: MessageRequest(to: to, from: "+14155550199", body: "Hi")) == 21604)
    }

    @Test(arguments: [nil, ""])
    func aMissingFromIs21603(_ from: String?) {
        #expect(code(of: MessageRequest(to: "+14155550100", from: from, body: "Hi")) == 21603)
    }

    @Test func aMessagingServiceInsteadOfFromIs21603SayingThereAreNoMessagingServices() {
        let error = #expect(throws: TwilioError.self) {
            try make(MessageRequest(to: "+14155550100", body: "Hi", messagingServiceSid: "MG1"))
        }
        #expect(error?.code == 21603)
        #expect(error?.message.contains("Messaging Services") == true)
    }

    @Test(arguments: ["+1234", "+1-800-FLOWERS", "whatsapp:+1415FLOWERS", "bad@", "messenger:"])
    func anInvalidToIs21211(_ to: String) {
        #expect(code(of: MessageRequest(to: to, from: "+14155550199", body: "Hi")) == 21211)
    }

    @Test(arguments: ["alice", "14155550100"])
    func aChatIdentityIsRefusedAsAnInvalidTo(_ to: String) {
        let error = #expect(throws: TwilioError.self) { try make(MessageRequest(to: to, from: "+14155550199", body: "Hi")) }
        #expect(error == .invalidToPhoneNumber(to))
    }

    @Test(arguments: ["+1-800-FLOWERS", "+1234", "14155550199", "Acme"])
    func aFromThatIsNoAddressOnTheToChannelIs21212(_ from: String) {
        #expect(code(of: MessageRequest(to: "+14155550100", from: from, body: "Hi")) == 21212)
    }

    @Test(arguments: [("+14155550100", "whatsapp:+14155550199"), ("+14155550100", "support@acme.test"),
                      ("ann@example.com", "+14155550199")])
    func aFromOnAnotherChannelIs21910(_ to: String, _ from: String) {
        #expect(code(of: MessageRequest(to: to, from: from, body: "Hi")) == 21910)
    }

    @Test func aWhatsAppToNeedsAWhatsAppFromAndBothAreNormalised() throws {
        #expect(code(of: MessageRequest(to: "WhatsApp:+1 415 555 0100", from: "+14155550199", body: "Hi")) == 21910)
        let message = try make(MessageRequest(to: "WhatsApp:+1 415 555 0100", from: "whatsapp:+1 415 555 0199", body: "Hi"))
        #expect(message.channel == .whatsapp)
        #expect(message.to == "whatsapp:+14155550100")
        #expect(message.from == "whatsapp:+14155550199")
    }

    @Test func anEmailKeepsItsLocalPartAndLowercasesItsDomain() throws {
        let message = try make(MessageRequest(to: "Ann.Lee@Example.COM", from: "Support@Acme.Test", body: "Hi"))
        #expect(message.channel == .email)
        #expect(message.to == "Ann.Lee@example.com")
        #expect(message.from == "Support@acme.test")
    }

    @Test func aMessengerMessageGetsItsPrefixes() throws {
        let message = try make(MessageRequest(to: "messenger:1234567890", from: "messenger:42", body: "Hi"))
        #expect(message.channel == .messenger)
        #expect(message.to == "messenger:1234567890")
        #expect(message.from == "messenger:42")
    }

    @Test(arguments: [(nil, nil), ("", nil), (nil, ""), ("", "")] as [(String?, String?)])
    func noBodyAndNoContentIs21602(_ body: String?, _ contentSid: String?) {
        #expect(code(of: MessageRequest(to: "+14155550100", from: "+14155550199", body: body, contentSid: contentSid)) == 21602)
    }

    @Test func aContentTemplateAloneNeedsNoBody() throws {
        let message = try make(MessageRequest(to: "+14155550100", from: "+14155550199", contentSid: "HX1",
                                              contentVariables: #"{"1":"Ann"}"#))
        #expect(message.body == "")
        #expect(message.contentSid == "HX1")
        #expect(message.contentVariables == #"{"1":"Ann"}"#)
    }

    @Test func emptyOptionalParametersAreStoredAsAbsent() throws {
        let message = try make(MessageRequest(to: "+14155550100", from: "+14155550199", body: "Hi", contentSid: "",
                                              contentVariables: "", statusCallback: ""))
        #expect(message.contentSid == nil)
        #expect(message.contentVariables == nil)
        #expect(message.statusCallback == nil)
    }

    @Test func aBodyOf1600CharactersIsAcceptedAnd1601Is21617() throws {
        let longest = String(repeating: "é", count: MessageRules.maximumBodyLength)
        #expect(try make(MessageRequest(to: "+14155550100", from: "+14155550199", body: longest)).body == longest)
        #expect(code(of: MessageRequest(to: "+14155550100", from: "+14155550199", body: longest + "a")) == 21617)
    }

    @Test(arguments: ["[1,2]", "\"text\"", "{not json", "42"])
    func contentVariablesThatAreNotAJSONObjectAre21656(_ variables: String) {
        #expect(code(of: MessageRequest(to: "+14155550100", from: "+14155550199", contentSid: "HX1", contentVariables: variables)) == 21656)
    }

    @Test(arguments: ["ftp://hooks.example.com/s", "hooks.example.com/s", "https://", "/status"])
    func aStatusCallbackThatIsNoWebURLIs21609(_ callback: String) {
        #expect(code(of: MessageRequest(to: "+14155550100", from: "+14155550199", body: "Hi", statusCallback: callback)) == 21609)
    }
}
