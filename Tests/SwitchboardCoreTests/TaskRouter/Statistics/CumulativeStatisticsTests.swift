import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct CumulativeStatisticsTests {
    typealias F = StatisticsFixtures

    /// Two tasks in the support queue, one rejected then accepted then completed, the other canceled; a voice task
    /// in the sales queue of another workflow, deleted; one event before the window and one after it.
    static let events: [TaskRouterEvent] = [
        F.event("task.created", at: -10, task: "WTold", age: 0),
        F.event("task.created", at: 0, task: "WT1", age: 0),
        F.event("task-queue.entered", at: 0, task: "WT1", age: 0),
        F.event("reservation.created", at: 1, task: "WT1", worker: "WKa", age: 1),
        F.event("reservation.rejected", at: 4, task: "WT1", worker: "WKa", age: 4),
        F.event("reservation.created", at: 5, task: "WT1", worker: "WKb", age: 5),
        F.event("reservation.accepted", at: 12, task: "WT1", worker: "WKb", age: 12),
        F.event("task.completed", at: 60, task: "WT1", age: 60),
        F.event("task.created", at: 100, task: "WT2", age: 0),
        F.event("task-queue.entered", at: 100, task: "WT2", age: 0),
        F.event("reservation.created", at: 101, task: "WT2", worker: "WKa", age: 1),
        F.event("task.canceled", at: 130, task: "WT2", age: 30),
        F.event("reservation.canceled", at: 130, task: "WT2", worker: "WKa", age: 30),
        F.event("task.created", at: 200, task: "WT3", queue: "WQsales", workflow: "WWother", channel: "voice", age: 0),
        F.event("task-queue.entered", at: 200, task: "WT3", queue: "WQsales", workflow: "WWother", channel: "voice", age: 0),
        F.event("task-queue.moved", at: 210, task: "WT3", queue: "WQsales", workflow: "WWother", channel: "voice", age: 10),
        F.event("workflow.timeout", at: 220, task: "WT3", queue: "WQsales", workflow: "WWother", channel: "voice", age: 20),
        F.event("task.deleted", at: 300, task: "WT3", queue: "WQsales", workflow: "WWother", channel: "voice", age: 100),
        F.event("worker.activity.update", at: 400, task: nil, worker: "WKa", queue: nil, workflow: nil, activity: "WAbreak"),
        F.event("reservation.accepted", at: 901, task: "WTlate", worker: "WKb", age: 1),
    ]

    @Test func theWorkspaceCountsEveryEventInTheWindow() {
        let all = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope())
        #expect((all.reservationsCreated, all.reservationsAccepted, all.reservationsRejected, all.reservationsCanceled) == (3, 1, 1, 1))
        #expect((all.reservationsTimedOut, all.reservationsRescinded) == (0, 0))
        #expect((all.tasksCreated, all.tasksEnteredQueue, all.tasksCompleted, all.tasksCanceled, all.tasksDeleted) == (3, 3, 1, 1, 1))
        #expect((all.tasksMoved, all.tasksTimedOutInWorkflow) == (1, 1))
        #expect(all.waitUntilAccepted == DurationSummary([12]))
        #expect(all.averageTaskAcceptanceTime == 12)
        #expect(all.waitUntilCanceled == DurationSummary([30]))
        #expect(all.splits.isEmpty)
    }

    @Test func aQueueOrWorkflowOrChannelCountsOnlyItsTasks() {
        let support = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope(taskQueueSid: "WQsupport"))
        #expect((support.tasksCreated, support.tasksEnteredQueue, support.tasksDeleted, support.tasksMoved) == (2, 2, 0, 0))
        #expect(support.reservationsCreated == 3)
        let other = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope(workflowSid: "WWother"))
        #expect((other.tasksCreated, other.tasksDeleted, other.tasksTimedOutInWorkflow, other.reservationsCreated) == (1, 1, 1, 0))
        let voice = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope(taskChannel: "voice"))
        #expect((voice.tasksCreated, voice.tasksMoved, voice.reservationsCreated) == (1, 1, 0))
    }

    @Test func workersCountOnlyTheirReservations() {
        let a = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope(workerSids: ["WKa"]))
        #expect((a.reservationsCreated, a.reservationsRejected, a.reservationsCanceled, a.reservationsAccepted) == (2, 1, 1, 0))
        #expect((a.tasksCreated, a.tasksCanceled) == (0, 0))
        let nobody = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope(workerSids: []))
        #expect(nobody == CumulativeStatistics())
    }

    @Test func waitsSplitBelowAndAtOrAboveEachThreshold() {
        let split = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope(), thresholds: [12, 30, 60])
        #expect(split.splits.map(\.threshold) == [12, 30, 60])
        // Accepted after 12 seconds; canceled after 30.
        #expect(split.splits.map { [$0.reservationsAcceptedBelow, $0.reservationsAcceptedAbove] } == [[0, 1], [1, 0], [1, 0]])
        #expect(split.splits.map { [$0.tasksCanceledBelow, $0.tasksCanceledAbove] } == [[0, 1], [0, 1], [1, 0]])
    }

    @Test func theWaitInTheQueueCountsFromWhenTheTaskEnteredIt() {
        let entered = ["WT1": F.start.addingTimeInterval(8)]
        let support = CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope(taskQueueSid: "WQsupport"), queueEntered: entered)
        #expect(support.waitInQueueUntilAccepted == DurationSummary([4]))
        #expect(CumulativeStatistics.tally(Self.events, in: F.window, scope: StatisticsScope()).waitInQueueUntilAccepted == DurationSummary([]))
    }

    @Test func everyCountedEventTypeIsOneToLoad() {
        let types = Set(Self.events.map(\.eventType)).subtracting(["worker.activity.update"])
        #expect(types.isSubset(of: Set(CumulativeStatistics.eventTypes)))
    }
}
