import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct FlexConfigurationRulesTests {
    @Test func settableKeysAreKeptAndTheRestIgnored() throws {
        let changes = try FlexConfigurationRules.changes(json: #"{"account_sid":"AC1","status":"ok","ui_language":"en","crm_enabled":false,"x":1}"#)
        #expect(changes == ["ui_language": .string("en"), "crm_enabled": .bool(false)])
        #expect(try FlexConfigurationRules.changes(json: "{}").isEmpty)
    }

    @Test func valuesOfTheWrongTypeAreRefused() {
        for body in [#"{"crm_enabled":"yes"}"#, #"{"integrations":{}}"#, #"{"serverless_service_sids":["ZS1",2]}"#,
                     #"{"taskrouter_workspace_sid":"WQ00000000000000000000000000000000"}"#, "[1]", "{"] {
            #expect(throws: TwilioError.self) { try FlexConfigurationRules.changes(json: body) }
        }
    }

    @Test func applyingReplacesEachKeyWholeAndNullRemovesIt() throws {
        let start = Date(timeIntervalSince1970: 1_000), later = Date(timeIntervalSince1970: 2_000)
        let configuration = FlexConfiguration(accountSid: "AC1", settings: ["ui_language": .string("en"), "crm_enabled": .bool(true)],
                                              dateCreated: start, dateUpdated: start)
        let changes = try FlexConfigurationRules.changes(json: #"{"crm_enabled":null,"ui_attributes":{"a":1}}"#)
        let updated = FlexConfigurationRules.applying(changes, to: configuration, now: later)
        #expect(updated.settings == ["ui_language": .string("en"), "ui_attributes": .object(["a": .number(1)])])
        #expect(updated.dateCreated == start && updated.dateUpdated == later)
    }
}
