import Testing
@testable import SwitchboardCore

@Suite struct SandboxFailureRuleTests {
    @Test func aRuleMayOnlyFailOrLeaveUndelivered() {
        #expect(SandboxFailureRule.statuses == [.failed, .undelivered])
    }

    @Test func aRefusalDefaultsTo30008AndANeverArrivedMessageTo30003() {
        #expect(SandboxFailureRule.defaultErrorCode(for: .failed) == 30008)
        #expect(SandboxFailureRule.defaultErrorCode(for: .undelivered) == 30003)
    }

    @Test(arguments: [(30003, "Unreachable destination handset"), (30005, "Unknown destination handset"),
                      (30006, "Landline or unreachable carrier"), (30007, "Message filtered"), (30008, "Unknown error"),
                      (63016, "Failed to send freeform message because you are outside the allowed window"),
                      (12345, "Delivery failed with error 12345")])
    func eachCodeHasTwiliosExplanation(_ code: Int, _ explanation: String) {
        #expect(SandboxFailureRule.errorMessage(for: code) == explanation)
    }
}
