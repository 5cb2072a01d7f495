import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct ChatRulesTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let channel = ChatChannel(sid: "CH" + String(repeating: "0", count: 32), accountSid: "AC" + String(repeating: "0", count: 32),
                              serviceSid: "IS" + String(repeating: "0", count: 32), friendlyName: nil, uniqueName: nil, attributes: "{}",
                              type: "public", createdBy: "system", dateCreated: Date(timeIntervalSince1970: 0), dateUpdated: Date(timeIntervalSince1970: 0))

    @Test func aMessageBodyOf32KiBIsAcceptedAndLargerIs50504() throws {
        let largest = String(repeating: "x", count: 32 * 1024)
        _ = try ChatRules.message(body: largest, from: nil, attributes: nil, sid: "IM1", channel: channel, index: 0, now: now)
        let error = #expect(throws: TwilioError.self) {
            try ChatRules.message(body: largest + "x", from: nil, attributes: nil, sid: "IM1", channel: channel, index: 0, now: now)
        }
        #expect(error?.code == 50504)
        #expect(error?.httpStatus == 400)
    }

    @Test func channelAttributesPastSixteenKilobytesAreRefused() {
        let attributes = #"{"a":""# + String(repeating: "x", count: 16 * 1024) + #""}"#
        let service = ChatService(sid: channel.serviceSid, accountSid: channel.accountSid, friendlyName: "s", dateCreated: now, dateUpdated: now)
        let error = #expect(throws: TwilioError.self) {
            try ChatRules.channel(friendlyName: nil, uniqueName: nil, attributes: attributes, type: nil, createdBy: nil, sid: "CH1",
                                  service: service, now: now)
        }
        #expect(error == TwilioError.invalidParameter("Attributes exceeds the 16384 byte limit"))
    }

    @Test func deeplyNestedAttributesAreADepthErrorNotAStackOverflow() {
        // 8,000 levels fit within the attributes limit, so the depth limit is what answers.
        let deep = String(repeating: "[", count: 8000) + String(repeating: "]", count: 8000)
        let error = #expect(throws: TwilioError.self) { try ChatAttributes.check(#"{"a":"# + deep + "}") }
        #expect(error?.code == 20001)
        #expect(error?.message.contains("nesting deeper than 100 levels") == true, "\(error?.message ?? "")")
    }
}
