import Foundation
import Testing
import SwitchboardCore

@Suite struct ContentUpdateTests {
    let created = Date(timeIntervalSince1970: 1_700_000_000)
    let later = Date(timeIntervalSince1970: 1_700_000_600)

    func template() throws -> ContentTemplate {
        try ContentRules.create(json: #"{"friendly_name":"order","language":"en","variables":{"1":"name"},"types":{"twilio/text":{"body":"Hi {{1}}"}}}"#,
                                sid: "HX" + String(repeating: "a", count: 32), accountSid: "AC" + String(repeating: "b", count: 32), now: created)
    }

    @Test func typesAreReplacedAndTheOtherFieldsChangeOnlyWhenGiven() throws {
        let original = try template()
        let updated = try ContentRules.update(
            original, json: #"{"friendly_name":null,"language":null,"variables":null,"types":{"twilio/text":{"body":"Hello {{1}}"},"twilio/media":null}}"#,
            now: later)
        #expect(updated.types == #"{"twilio/text":{"body":"Hello {{1}}"}}"#)
        #expect((updated.friendlyName, updated.language, updated.variables) == (original.friendlyName, original.language, original.variables))
        #expect(updated.dateUpdated == later && updated.dateCreated == created)
        let renamed = try ContentRules.update(
            original, json: #"{"friendly_name":"renamed","language":"es","variables":{"1":"nombre"},"types":{"twilio/text":{"body":"Hola {{1}}"}}}"#, now: later)
        #expect((renamed.friendlyName, renamed.language, renamed.variables) == ("renamed", "es", #"{"1":"nombre"}"#))
    }

    @Test func typesAreRequiredAndCheckedAsOnCreate() throws {
        let original = try template()
        for body in [#"{"friendly_name":"x"}"#, #"{"types":{}}"#, #"{"types":{"twilio/unknown":{"body":"x"}}}"#, #"{"types":{"twilio/text":{}}}"#,
                     #"{"types":{"twilio/text":{"body":"x"}},"variables":[1]}"#] {
            let error = #expect(throws: TwilioError.self) { try ContentRules.update(original, json: body, now: later) }
            #expect(error?.code == 20001, "\(body)")
        }
    }

    @Test func aTemplateSubmittedForApprovalCannotChangeWith92009() throws {
        for name in ["order_update", "please_reject"] {
            let submitted = try ContentRules.submitForApproval(try template(), json: #"{"name":"\#(name)","category":"UTILITY"}"#, now: created)
            let error = #expect(throws: TwilioError.self) {
                try ContentRules.update(submitted, json: #"{"types":{"twilio/text":{"body":"x"}}}"#, now: later)
            }
            #expect(error == ContentRules.alreadySubmitted)
        }
    }
}
