import Testing
@testable import SwitchboardCore

@Suite struct AttributeJSONTests {
    @Test func everyKindOfJSONValueIsRead() throws {
        let text = #"{"a": null, "b": true, "c": false, "d": 1, "e": -1.5, "f": 2e3, "g": "x", "h": [1, "two", false], "i": {"j": "k"}}"#
        let value = try AttributeValue.parseAttributes(text)
        #expect(value == .object([
            "a": .null, "b": .bool(true), "c": .bool(false), "d": .number(1), "e": .number(-1.5), "f": .number(2000),
            "g": .string("x"), "h": .array([.number(1), .string("two"), .bool(false)]), "i": .object(["j": .string("k")]),
        ]))
    }

    @Test func booleansAreNeverTakenForTheNumbersOneAndZero() throws {
        let value = try AttributeValue.parseAttributes(#"{"yes": true, "one": 1, "no": false, "zero": 0, "list": [true, 1]}"#)
        #expect(value == .object([
            "yes": .bool(true), "one": .number(1), "no": .bool(false), "zero": .number(0),
            "list": .array([.bool(true), .number(1)]),
        ]))
    }

    @Test func stringEscapesAndNonASCIITextAreDecoded() throws {
        let value = try AttributeValue.parse(json: #""q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00 ñ 日本""#)
        #expect(value == .string("q\" b\\ s/ \u{8}\u{C}\n\r\t é 😀 ñ 日本"))
    }

    @Test func aRepeatedKeyKeepsItsLastValue() throws {
        #expect(try AttributeValue.parseAttributes(#"{"a": 1, "a": 2}"#) == .object(["a": .number(2)]))
    }

    @Test func surroundingWhitespaceIsAllowed() throws {
        #expect(try AttributeValue.parseAttributes(" \n\t{ } \r\n") == .emptyObject)
    }

    @Test(arguments: [
        ("", "empty"),
        ("{", "unexpected end of text"),
        (#"{"a":}"#, "unexpected character '}'"),
        (#"{"a" 1}"#, "':' was expected"),
        (#"{"a": 1,}"#, "object key was expected"),
        (#"{"a": [1,]}"#, "value was expected"),
        (#"{"a": [1 2]}"#, "',' or ']' was expected"),
        (#"{"a": 1 "b": 2}"#, "',' or '}' was expected"),
        (#"{"a": 01}"#, "',' or '}' was expected"),
        (#"{"a": 1.}"#, "invalid number"),
        (#"{"a": -}"#, "invalid number"),
        (#"{"a": tru}"#, "value was expected"),
        (#"{'a': 1}"#, "object key was expected"),
        (#"{"a": "\x"}"#, "unknown escape"),
        (#"{"a": "\u12"}"#, #"incomplete \u escape"#),
        (#"{"a": "\ud83d"}"#, "unpaired surrogate"),
        (#"{"a": "open}"#, "unterminated string"),
        ("{\"a\": \"line\nbreak\"}", "control character"),
        (#"{"a": 1e999}"#, "out of range"),
        (#"{} {}"#, "after the end of the document"),
        (#"{"a": NaN}"#, "value was expected"),
    ])
    func invalidJSONIsRefusedWith20001(text: String, problem: String) {
        let error = #expect(throws: TwilioError.self) { try AttributeValue.parseAttributes(text) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.hasPrefix("Attributes must be valid JSON: ") == true)
        #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("at position") == true)
    }

    @Test(arguments: ["[]", "[1]", "1", #""text""#, "null", "true"])
    func aTopLevelValueOtherThanAnObjectIsRefused(_ text: String) {
        #expect(throws: TwilioError.invalidParameter("Attributes must be a JSON object")) {
            try AttributeValue.parseAttributes(text)
        }
    }

    @Test func errorsNameTheParameterAndTheCharacterPosition() {
        // Position 7 counts characters: the 'é' before the problem is one character but two UTF-8 bytes.
        let expected = "TaskAttributes must be valid JSON: unexpected character 'x' where a value was expected at position 7"
        #expect(throws: TwilioError.invalidParameter(expected)) {
            try AttributeValue.parseAttributes(#"{"é": x}"#, parameter: "TaskAttributes")
        }
    }

    @Test func nestingIsLimitedToAHundredLevels() throws {
        let deepest = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try AttributeValue.parse(json: deepest) }
        let tooDeep = String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        let error = #expect(throws: TwilioError.self) { try AttributeValue.parse(json: tooDeep) }
        #expect(error?.message.contains("nesting deeper than 100 levels") == true)
    }

    @Test func tenThousandLevelsAreADepthErrorNamingTheParameter() {
        let deep = String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        let error = #expect(throws: TwilioError.self) { try AttributeValue.parseAttributes(deep, parameter: "Attributes") }
        #expect(error?.code == 20001)
        #expect(error?.message.hasPrefix("Attributes must be valid JSON: nesting deeper than 100 levels") == true, "\(error?.message ?? "")")
    }

    @Test func theNULCharacterIsRefusedSinceNotEveryDatabaseCanStoreIt() {
        let error = #expect(throws: TwilioError.self) { try AttributeValue.parseAttributes(#"{"name": "a\u0000b"}"#) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains(#"the NUL character \u0000 is not allowed at position 12"#) == true, "\(error?.message ?? "")")
        #expect(throws: Never.self) { try AttributeValue.parseAttributes(#"{"name": "a\u0001b"}"#) }
    }

    @Test func attributesUpToSixteenKilobytesAreAcceptedAndLargerOnesRefused() throws {
        let envelope = #"{"a":""}"#
        let largest = #"{"a":""# + String(repeating: "x", count: TextLimit.attributes.maximum - envelope.utf8.count) + #""}"#
        #expect(throws: Never.self) { try AttributeValue.checkAttributes(largest) }
        let error = #expect(throws: TwilioError.self) { try AttributeValue.checkAttributes(largest + " ", parameter: "Attributes") }
        #expect(error == TwilioError.invalidParameter("Attributes exceeds the 16384 byte limit"))
    }

    @Test func pathsStepThroughObjectsAndArraysAndMissingStepsAreNull() throws {
        let value = try AttributeValue.parseAttributes(#"{"string_const": "foo", "object": {"array": ["a", "b", "c"], "attr": "bar"}}"#)
        #expect(value.value(at: AttributePath(keys: ["string_const"])) == .string("foo"))
        #expect(value.value(at: AttributePath([.key("object"), .key("array"), .index(2)])) == .string("c"))
        #expect(value.value(at: AttributePath(keys: ["object", "attr"])) == .string("bar"))
        #expect(value.value(at: AttributePath([.key("object"), .key("array"), .index(3)])) == .null)
        #expect(value.value(at: AttributePath(keys: ["object", "missing"])) == .null)
        #expect(value.value(at: AttributePath(keys: ["string_const", "deeper"])) == .null)
    }
}
