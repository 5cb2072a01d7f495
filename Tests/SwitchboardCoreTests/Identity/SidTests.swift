import Testing
@testable import SwitchboardCore

@Suite struct SidTests {
    @Test func generatedSidsArePrefixPlus32LowercaseHexDigits() {
        for prefix in SidPrefix.allCases {
            let sid = RandomSidGenerator().make(prefix)
            #expect(sid.count == 34)
            #expect(sid.hasPrefix(prefix.rawValue))
            #expect(sid.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) })
            #expect(Sid.isValid(sid, prefix: prefix))
        }
    }

    @Test func generatedSidsDoNotRepeat() {
        let sids = (0..<1000).map { _ in RandomSidGenerator().make(.flexFlow) }
        #expect(Set(sids).count == sids.count)
    }

    @Test(arguments: ["FO123", "AC" + String(repeating: "a", count: 32), "FO" + String(repeating: "g", count: 32), "FO" + String(repeating: "a", count: 33)])
    func malformedSidsAreNotValidFlexFlowSids(_ value: String) {
        #expect(!Sid.isValid(value, prefix: .flexFlow))
    }
}
