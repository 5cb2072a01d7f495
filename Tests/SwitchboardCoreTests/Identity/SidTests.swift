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

    @Test(arguments: [
        "IS" + String(repeating: "a", count: 32), "IS" + String(repeating: "F", count: 32),
        // Twilio's documentation placeholders, and the generated samples' `…None`.
        "IS" + String(repeating: "x", count: 32), "IS" + String(repeating: "X", count: 32) + "None",
    ])
    func wellFormedSidsAndTwilioPlaceholdersAreReferences(_ value: String) {
        #expect(Sid.isReference(value, prefix: "IS"))
    }

    @Test(arguments: [
        "IS" + String(repeating: "a", count: 31), "IS" + String(repeating: "a", count: 33), "IS" + String(repeating: "g", count: 32),
        "IS1", "IS", "FW" + String(repeating: "a", count: 32), "IS" + String(repeating: "a", count: 32) + "None", "IS" + String(repeating: "X", count: 32) + "none",
    ])
    func malformedSidsAreNotReferences(_ value: String) {
        #expect(!Sid.isReference(value, prefix: "IS"))
    }
}
