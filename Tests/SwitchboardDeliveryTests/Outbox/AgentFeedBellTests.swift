import Testing
@testable import SwitchboardDelivery

@Suite struct AgentFeedBellTests {
    @Test func aRingWakesEveryWaiter() async {
        let bell = AgentFeedBell()
        let seen = bell.rings
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await bell.wait(after: seen, timeout: .seconds(30)) } }
            try? await Task.sleep(for: .milliseconds(50))
            bell.ring()
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aRingBeforeTheWaitIsNotSleptThrough() async {
        let bell = AgentFeedBell()
        let seen = bell.rings
        bell.ring()
        let started = ContinuousClock.now
        await bell.wait(after: seen, timeout: .seconds(30))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func withoutARingAWaitEndsAtItsTimeout() async {
        let bell = AgentFeedBell()
        let started = ContinuousClock.now
        await bell.wait(after: bell.rings, timeout: .milliseconds(100))
        #expect(ContinuousClock.now - started >= .milliseconds(100))
    }
}
