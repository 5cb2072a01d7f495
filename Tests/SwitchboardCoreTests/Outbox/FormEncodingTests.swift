import Testing
@testable import SwitchboardCore

@Suite struct FormEncodingTests {
    @Test func spacesBecomePlusAndEverythingButUnreservedCharactersIsEscaped() {
        let text = FormEncoding.encode([FormPair("Body", "1 + 1 = 2 & more"), FormPair("Safe", "a-Z_0.9~"), FormPair("To", "+14155550100")])
        #expect(text == "Body=1+%2B+1+%3D+2+%26+more&Safe=a-Z_0.9~&To=%2B14155550100")
    }

    @Test func unicodeIsEscapedAsItsUTF8Bytes() {
        #expect(FormEncoding.encode([FormPair("Body", "héllo 😀")]) == "Body=h%C3%A9llo+%F0%9F%98%80")
    }

    @Test func pairsRoundTripInOrderWithRepeatedAndEmptyValues() {
        let pairs = [
            FormPair("Body", "1 + 1 = 2 & more"), FormPair("To", "+14155550100"), FormPair("Body", "héllo 😀\n"),
            FormPair("Empty", ""), FormPair("a=b&c", "%20 is not a space"), FormPair("ContentVariables", #"{"1":"Zoë"}"#),
        ]
        #expect(FormEncoding.decode(FormEncoding.encode(pairs)) == pairs)
    }

    @Test func decodingTakesLowercaseEscapesANameWithoutValueAndAnEqualsSignInTheValue() {
        #expect(FormEncoding.decode("a=%c3%a9&flag&b=x=y&&c=") == [FormPair("a", "é"), FormPair("flag", ""), FormPair("b", "x=y"), FormPair("c", "")])
    }

    @Test func anEmptyTextHasNoPairs() {
        #expect(FormEncoding.decode("") == [])
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "a=%G1", "%=1", "a=%C3", "a=%FF%FE", "ok=1&a=%2"])
    func aBrokenEscapeOrBytesThatAreNotUTF8DecodeToNothing(_ text: String) {
        #expect(FormEncoding.decode(text) == nil)
    }
}
