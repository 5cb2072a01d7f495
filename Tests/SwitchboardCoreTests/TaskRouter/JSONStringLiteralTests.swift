import Foundation
import Testing
import SwitchboardCore

@Suite struct JSONStringLiteralTests {
    @Test func anObjectOfStringFieldsHasSortedKeysAndReadsBackAsWritten() throws {
        let fields = ["TaskSid": "WT1", "Attributes": #"{"a":"b\c"}"#, "Name": "line\nbreak\ttab \u{1}", "Empty": ""]
        let text = JSONStringLiteral.object(fields)
        #expect(text.hasPrefix(#"{"Attributes":"#))
        #expect(text.firstRange(of: "\"Empty\"")!.lowerBound < text.firstRange(of: "\"Name\"")!.lowerBound)
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed == fields)
    }

    @Test func anEmptyObjectIsTwoBraces() {
        #expect(JSONStringLiteral.object([:]) == "{}")
    }
}
