import Foundation
import Testing
import SwitchboardCore

@Suite struct ContentRulesTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func template(_ json: String) throws -> ContentTemplate {
        try ContentRules.create(json: json, sid: "HX" + String(repeating: "a", count: 32), accountSid: "AC" + String(repeating: "b", count: 32), now: now)
    }

    @Test func aTextTemplateIsRenderedWithTheGivenVariablesAndItsDefaultsForTheRest() throws {
        let text = try template(#"{"friendly_name":"order","language":"en","variables":{"1":"customer","2":"soon"},"types":{"twilio/text":{"body":"Hi {{1}}, your order ships {{2}}."}}}"#)
        #expect(try ContentRules.render(text, variables: #"{"1":"Zoë"}"#) == "Hi Zoë, your order ships soon.")
    }

    @Test func aQuickReplyTemplateRendersItsBody() throws {
        let quickReply = try template(#"{"language":"en","types":{"twilio/quick-reply":{"body":"Rate us, {{1}}","actions":[{"title":"Good","id":"good"}]}}}"#)
        #expect(try ContentRules.render(quickReply, variables: #"{"1":"Ann"}"#) == "Rate us, Ann")
    }

    @Test func aPlaceholderWithoutAnyValueIsRefusedWith21656() throws {
        let text = try template(#"{"language":"en","types":{"twilio/text":{"body":"Hi {{1}}"}}}"#)
        #expect(throws: TwilioError.self) { try ContentRules.render(text, variables: nil) }
        let error = #expect(throws: TwilioError.self) { try ContentRules.render(text, variables: "{}") }
        #expect(error?.code == 21656)
    }

    @Test func aTemplateWithoutTypesOrLanguageIsRefused() {
        #expect(throws: TwilioError.self) { try template(#"{"language":"en"}"#) }
        #expect(throws: TwilioError.self) { try template(#"{"types":{"twilio/text":{"body":"x"}}}"#) }
        #expect(throws: TwilioError.self) { try template(#"{"language":"en","types":{"twilio/unknown":{"body":"x"}}}"#) }
    }

    @Test func theSandboxApprovesAtOnceUnlessTheNameAsksForARejection() throws {
        let text = try template(#"{"language":"en","types":{"twilio/text":{"body":"Hi"}}}"#)
        let approved = try ContentRules.submitForApproval(text, json: #"{"name":"order_update","category":"UTILITY"}"#, now: now)
        #expect(approved.approvalStatus == .approved)
        let rejected = try ContentRules.submitForApproval(text, json: #"{"name":"please_reject_me","category":"MARKETING"}"#, now: now)
        #expect(rejected.approvalStatus == .rejected)
        #expect(!rejected.rejectionReason.isEmpty)
    }
}
