import Testing
import SwitchboardCore

@Suite struct RandomHexTests {
    @Test func itGivesTheCountOfLowercaseHexDigitsAndNoTwoAlike() {
        let made = (0..<200).map { _ in RandomHex.make(count: 32) }
        #expect(made.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(Set(made).count == made.count)
        #expect(RandomHex.make(count: 0).isEmpty)
        #expect(RandomHex.make(count: 17).count == 17)
    }

    @Test func everyPositionTakesEveryDigit() {
        let made = (0..<400).map { _ in Array(RandomHex.make(count: 32)) }
        // Each of the two 16-digit halves comes from its own 64 random bits: every position must vary fully.
        for position in 0..<32 {
            #expect(Set(made.map { $0[position] }).count == 16, "position \(position)")
        }
    }
}
