import Foundation
import Testing
import SwitchboardCore

@Suite struct ConversationTimerTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func conversation(inactive: String?, closed: String?) throws -> Conversation {
        try ConversationRules.create(
            ConversationChanges(timerInactive: inactive, timerClosed: closed),
            sid: "CH" + String(repeating: "a", count: 32), accountSid: "AC" + String(repeating: "b", count: 32), now: now)
    }

    @Test func timersCountFromCreationAndShowAsDates() throws {
        let created = try conversation(inactive: "PT10M", closed: "P1D")
        #expect(created.dateInactive == now.addingTimeInterval(600))
        #expect(created.dateClosed == now.addingTimeInterval(86_400))
    }

    @Test func theInactiveTimerComesDueFirstThenTheClosedTimer() throws {
        let created = try conversation(inactive: "PT1M", closed: "PT10M")
        #expect(created.timerOutcome(at: now.addingTimeInterval(30)) == nil)
        #expect(created.timerOutcome(at: now.addingTimeInterval(60)) == .inactive)
        #expect(created.timerOutcome(at: now.addingTimeInterval(600)) == .closed)
    }

    @Test func activityRestartsTheTimers() throws {
        var active = try conversation(inactive: "PT1M", closed: "PT10M")
        active.restartTimers(at: now.addingTimeInterval(50))
        #expect(active.timerOutcome(at: now.addingTimeInterval(60)) == nil)
        #expect(active.dateInactive == now.addingTimeInterval(110))
    }

    @Test func aClosedConversationHasNoTimers() throws {
        var closed = try conversation(inactive: "PT1M", closed: "PT10M")
        closed.state = .closed
        closed.restartTimers(at: now)
        #expect(closed.dateInactive == nil && closed.dateClosed == nil)
        #expect(closed.timerOutcome(at: now.addingTimeInterval(3600)) == nil)
    }
}
