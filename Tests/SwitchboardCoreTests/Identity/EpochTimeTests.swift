import Foundation
import Testing
import SwitchboardCore

@Suite struct EpochTimeTests {
    @Test func ordinaryDatesConvertExactly() {
        let date = Date(timeIntervalSince1970: 1_470_089_440.9)
        #expect(date.wholeSecondsSince1970 == 1_470_089_440)
        #expect(date.wholeMillisecondsSince1970 == 1_470_089_440_900)
    }

    @Test func datesBeyondInt64SaturateInsteadOfTrapping() {
        #expect(Date(timeIntervalSince1970: 1e300).wholeSecondsSince1970 == Int64.max)
        #expect(Date(timeIntervalSince1970: -1e300).wholeMillisecondsSince1970 == Int64.min)
        #expect(Date(timeIntervalSince1970: .infinity).wholeSecondsSince1970 == Int64.max)
        #expect(Int64(saturating: .nan) == 0)
        #expect(Int64(saturating: 9.223372036854775807e18) == Int64.max)
    }
}
