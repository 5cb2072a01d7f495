import Testing
@testable import SwitchboardCore

@Suite struct TextLimitTests {
    @Test func charactersAreCountedAsReadersSeeThem() throws {
        let limit = TextLimit(maximum: 3, measure: .characters, code: 21617)
        try limit.check("é👍🏽a", parameter: "Body")
        let error = #expect(throws: TwilioError.self) { try limit.check("abcd", parameter: "Body") }
        #expect(error == TwilioError(code: 21617, message: "Body exceeds the 3 character limit", httpStatus: 400))
    }

    @Test func bytesAreCountedInUTF8() throws {
        let limit = TextLimit(maximum: 4, measure: .utf8Bytes)
        try limit.check("éé", parameter: "Attributes")
        let error = #expect(throws: TwilioError.self) { try limit.check("ééa", parameter: "Attributes") }
        #expect(error == TwilioError.invalidParameter("Attributes exceeds the 4 byte limit"))
    }

    @Test func twilioDocumentedLimitsAndCodes() {
        #expect(TextLimit.messageBody == TextLimit(maximum: 1600, measure: .characters, code: 21617))
        #expect(TextLimit.conversationMessageBody == TextLimit(maximum: 1600, measure: .characters, code: 20001))
        #expect(TextLimit.chatMessageBody == TextLimit(maximum: 32_768, measure: .utf8Bytes, code: 50504))
        #expect(TextLimit.attributes == TextLimit(maximum: 16_384, measure: .utf8Bytes, code: 20001))
    }
}
