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

    @Test func yearsBelowAThousandKeepFourDigitsInBothFormats() throws {
        let date = try #require(WireDate.parseISO8601("0986-03-05T01:02:03Z"))
        #expect(WireDate.iso8601(date) == "0986-03-05T01:02:03Z")
        #expect(WireDate.rfc2822(date).hasSuffix(" 05 Mar 0986 01:02:03 +0000"))
    }

    @Test func aDateBeyondInt64IsWrittenWithoutTrapping() {
        #expect(!WireDate.iso8601(Date(timeIntervalSince1970: 1e300)).isEmpty)
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

    @Test(arguments: [
        ("2015-07-30T20:00:00Z", 1_438_286_400.0),
        ("2015-07-30T20:00:00", 1_438_286_400),
        ("2015-07-30T20:00Z", 1_438_286_400),
        ("2015-07-30", 1_438_214_400),
        ("2015-07-30T22:00:00+02:00", 1_438_286_400),
        ("2015-07-30T17:30:00-0230", 1_438_286_400),
        ("2015-07-30T20:00:00.250Z", 1_438_286_400.25),
        ("2000-02-29T00:00:00Z", 951_782_400),
        ("1969-12-31T23:59:59Z", -1),
    ])
    func iso8601DateParametersParseWithOrWithoutZonesAndSeconds(_ text: String, _ seconds: Double) throws {
        #expect(try #require(WireDate.parseISO8601(text)).timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["", "yesterday", "2015-13-01", "2015-02-29", "2015-07-30T25:00:00Z", "2015-07-30T20:00:00Q", "2015-7-30", "2015-07-30T20"])
    func textThatIsNotAnISO8601DateDoesNotParse(_ text: String) {
        #expect(WireDate.parseISO8601(text) == nil)
    }

    @Test func parsingReadsBackWhatIso8601Writes() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_123)
        #expect(try #require(WireDate.parseISO8601(WireDate.iso8601(date))) == date)
    }
}
