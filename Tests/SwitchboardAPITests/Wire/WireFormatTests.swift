import Foundation
import Testing
@testable import SwitchboardAPI

@Suite struct WireFormatTests {
    @Test func datesUseTwiliosTwoFormats() {
        let date = Date(timeIntervalSince1970: 1_438_286_400)  // Thu, 30 Jul 2015 20:00:00 GMT
        #expect(WireDate.iso8601(date) == "2015-07-30T20:00:00Z")
        #expect(WireDate.rfc2822(date) == "Thu, 30 Jul 2015 20:00:00 +0000")
        #expect(WireDate.rfc2822(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
    }

    @Test func jsonKeepsKeyOrderNullsAndEscapes() {
        let value = JSONValue.object([("b", .null), ("a", .string("q\"\n\u{01}é")), ("n", .int(-3)), ("l", .array([.bool(true)]))])
        #expect(value.serialized == #"{"b":null,"a":"q\"\n\u0001é","n":-3,"l":[true]}"#)
    }

    @Test func formParametersDecodePlusPercentAndRepeatedKeys() throws {
        let form = try FormParameters(encoded: "Friendly+Name=a%2Bb&Tag=x&Tag=y&Empty=&Flag")
        #expect(form.string("Friendly Name") == "a+b")
        #expect(form.strings("Tag") == ["x", "y"])
        #expect(form.string("Empty") == "")
        #expect(form.string("Flag") == "")
        #expect(try FormParameters(encoded: "Enabled=TRUE").bool("Enabled") == true)
    }
}
