import Testing
@testable import SwitchboardAPI
import SwitchboardCore

@Suite struct FormParametersTests {
    @Test(arguments: ["FriendlyName=a%00b", "Tag=x&FriendlyName=a\u{0}b"])
    func aNULCharacterInAValueIsA20001NamingTheParameter(_ text: String) {
        #expect(throws: TwilioError.invalidParameter("FriendlyName must not contain the NUL character")) {
            try FormParameters(encoded: Substring(text))
        }
    }

    @Test func aNULCharacterInANameIsRefusedToo() {
        #expect(throws: TwilioError.invalidParameter("Parameter names must not contain the NUL character")) {
            try FormParameters(encoded: "Friendly%00Name=a")
        }
    }

    @Test func otherControlCharactersAreKept() throws {
        #expect(try FormParameters(encoded: "Body=a%01b%0Ac").string("Body") == "a\u{1}b\nc")
    }
}
