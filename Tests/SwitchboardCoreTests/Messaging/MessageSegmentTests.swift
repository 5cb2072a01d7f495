import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct MessageSegmentTests {
    func segments(_ body: String, channel: DeliveryChannel = .sms) -> Int {
        let now = Date(timeIntervalSince1970: 0)
        return Message(sid: "SM1", accountSid: "AC1", channel: channel, direction: .outboundAPI, from: "+14155550199",
                       to: "+14155550100", body: body, status: .queued, dateCreated: now, dateUpdated: now).segmentCount
    }

    @Test(arguments: [(0, 1), (1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)])
    func gsm7Takes160CharactersInOneSegmentAnd153PerPart(_ length: Int, _ expected: Int) {
        #expect(segments(String(repeating: "a", count: length)) == expected)
    }

    @Test func everyCharacterOfTheBasicSetCountsOne() {
        let basic = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà"
        #expect(segments(basic + String(repeating: "a", count: 160 - basic.unicodeScalars.count)) == 1)
        #expect(segments(basic + String(repeating: "a", count: 161 - basic.unicodeScalars.count)) == 2)
    }

    @Test(arguments: ["€", "^", "{", "}", "\\", "[", "~", "]", "|"])
    func extensionCharactersCountTwo(_ character: String) {
        #expect(segments(String(repeating: character, count: 80)) == 1)
        #expect(segments(String(repeating: character, count: 81)) == 2)
        #expect(segments(character + String(repeating: "a", count: 158)) == 1)
        #expect(segments(character + String(repeating: "a", count: 159)) == 2)
    }

    @Test(arguments: [(70, 1), (71, 2), (134, 2), (135, 3)])
    func oneCharacterOutsideGSM7MakesItUCS2With70InOneAnd67PerPart(_ length: Int, _ expected: Int) {
        #expect(segments("Ж" + String(repeating: "a", count: length - 1)) == expected)
    }

    @Test func ucs2CountsUTF16UnitsSoAnEmojiTakesTwo() {
        #expect(segments(String(repeating: "😀", count: 35)) == 1)
        #expect(segments(String(repeating: "😀", count: 36)) == 2)
    }

    @Test(arguments: [DeliveryChannel.whatsapp, .messenger, .email, .chat])
    func otherChannelsAreOneSegment(_ channel: DeliveryChannel) {
        #expect(segments(String(repeating: "a", count: 1600), channel: channel) == 1)
    }
}
