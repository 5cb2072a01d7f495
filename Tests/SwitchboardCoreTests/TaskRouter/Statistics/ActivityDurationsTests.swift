import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct ActivityDurationsTests {
    typealias F = StatisticsFixtures

    static func change(_ worker: String, to activity: String, at seconds: Double) -> TaskRouterEvent {
        F.event(ActivityDurations.eventType, at: seconds, task: nil, worker: worker, queue: nil, workflow: nil, activity: activity)
    }

    @Test func aWorkerWhoNeverChangedSpentTheWindowSinceTheirCreationInTheirActivity() {
        let workers = [F.worker("WKold", activity: "WAidle", createdSecondsAfterStart: -600), F.worker("WKnew", activity: "WAidle", createdSecondsAfterStart: 300)]
        let durations = ActivityDurations.compute(workers: workers, changes: [], window: F.window, now: F.window.end)
        #expect(durations == ["WAidle": DurationSummary([900, 600])])
    }

    @Test func eachStintBetweenChangesIsOneSampleClippedToTheWindow() {
        let worker = F.worker("WKa", activity: "WAidle", createdSecondsAfterStart: -3600)
        let changes = [
            Self.change("WKa", to: "WAidle", at: -100),  // the last change before the window: idle as it began
            Self.change("WKa", to: "WAbreak", at: 100),
            Self.change("WKa", to: "WAidle", at: 160),
            Self.change("WKa", to: "WAbreak", at: 700),
            Self.change("WKa", to: "WAidle", at: 800),
        ]
        let durations = ActivityDurations.compute(workers: [worker], changes: changes, window: F.window, now: F.window.end.addingTimeInterval(60))
        #expect(durations["WAidle"] == DurationSummary([100, 540, 100]))
        #expect(durations["WAbreak"] == DurationSummary([60, 100]))
    }

    @Test func theLastStintEndsNowAndOtherWorkersChangesAreIgnored() {
        let worker = F.worker("WKa", activity: "WAbreak", createdSecondsAfterStart: -3600)
        let changes = [Self.change("WKa", to: "WAbreak", at: 500), Self.change("WKgone", to: "WAidle", at: 10)]
        let durations = ActivityDurations.compute(workers: [worker], changes: changes, window: F.window, now: F.start.addingTimeInterval(600))
        // A change that does not say what it left (recorded before Switchboard kept that) leaves the time before it out.
        #expect(durations == ["WAbreak": DurationSummary([100])])
    }

    @Test func theActivityLeftAtTheFirstChangeCountsForTheTimeTheWorkerSpentInIt() {
        let worker = F.worker("WKa", activity: "WAbreak", createdSecondsAfterStart: -3600)
        let changes = [
            F.event(ActivityDurations.eventType, at: 500, task: nil, worker: "WKa", queue: nil, workflow: nil, activity: "WAbreak",
                    leaving: ("WAidle", 1_000_000)),
        ]
        let durations = ActivityDurations.compute(workers: [worker], changes: changes, window: F.window, now: F.start.addingTimeInterval(600))
        // Idle for 1000 s before the change at 500 s: the window holds its last 500 s of it.
        #expect(durations == ["WAidle": DurationSummary([500]), "WAbreak": DurationSummary([100])])
    }
}
