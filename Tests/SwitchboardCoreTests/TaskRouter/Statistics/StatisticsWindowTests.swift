import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct StatisticsWindowTests {
    let now = StatisticsFixtures.start

    @Test func theDefaultWindowIsTheLastFifteenMinutes() throws {
        #expect(try StatisticsWindow.resolve(startDate: nil, endDate: nil, minutes: nil, now: now)
                == StatisticsWindow(start: now.addingTimeInterval(-900), end: now))
    }

    @Test func minutesCountBackFromTheEndAndAStartDateWins() throws {
        let end = now.addingTimeInterval(-3600)
        #expect(try StatisticsWindow.resolve(startDate: nil, endDate: end, minutes: 60, now: now)
                == StatisticsWindow(start: end.addingTimeInterval(-3600), end: end))
        let start = now.addingTimeInterval(-86_400)
        #expect(try StatisticsWindow.resolve(startDate: start, endDate: nil, minutes: 5, now: now) == StatisticsWindow(start: start, end: now))
    }

    @Test func aWindowEndingBeforeItStartsOrWithoutMinutesIsRefused() {
        #expect(throws: TwilioError.self) { try StatisticsWindow.resolve(startDate: now, endDate: now.addingTimeInterval(-1), minutes: nil, now: now) }
        #expect(throws: TwilioError.self) { try StatisticsWindow.resolve(startDate: nil, endDate: nil, minutes: 0, now: now) }
        #expect(throws: TwilioError.self) { try StatisticsWindow.resolve(startDate: now.addingTimeInterval(1), endDate: nil, minutes: nil, now: now) }
    }

    @Test func bothEndsAreInTheWindow() {
        let window = StatisticsFixtures.window
        #expect(window.contains(window.start) && window.contains(window.end))
        #expect(!window.contains(window.start.addingTimeInterval(-0.001)) && !window.contains(window.end.addingTimeInterval(0.001)))
    }

    @Test func durationsSummariseInWholeSeconds() {
        let none = DurationSummary([])
        #expect((none.average, none.minimum, none.maximum, none.total) == (0, 0, 0, 0))
        let some = DurationSummary([10, 3, 5])
        #expect((some.average, some.minimum, some.maximum, some.total) == (6, 3, 10, 18))
        #expect(DurationSummary([1, 2]).average == 2)
    }

    @Test func splitByWaitTimeIsACommaSeparatedListOfSeconds() throws {
        #expect(try WaitTimeSplit.thresholds(nil).isEmpty)
        #expect(try WaitTimeSplit.thresholds("5, 30,5,0") == [5, 30, 0])
        for bad in ["", "soon", "5,,10", "-1", "1.5"] {
            #expect(throws: TwilioError.self) { try WaitTimeSplit.thresholds(bad) }
        }
    }
}
