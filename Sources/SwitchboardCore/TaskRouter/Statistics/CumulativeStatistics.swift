public import struct Foundation.Date

/// What happened in a workspace, a queue, a workflow or to some workers over a window, counted from the
/// TaskRouter events recorded then, as Twilio's `CumulativeStatistics` resources report it.
///
/// Reservations count by the event of each move (`reservation.created`, `.accepted`, …). Tasks count by
/// `task.created`, `task.canceled`, `task.completed` and `task.deleted`; a queue's entered and moved tasks by
/// `task-queue.entered` and `task-queue.moved` (a move counts for the queue the task moved into); a workflow's
/// entered tasks by the `task.created` of its tasks, and those that fell out of it by `workflow.timeout`. Wait
/// durations are the task's age when its reservation was accepted, or when it was canceled.
public struct CumulativeStatistics: Sendable, Equatable {
    /// `reservations_created`.
    public var reservationsCreated = 0
    /// `reservations_accepted`.
    public var reservationsAccepted = 0
    /// `reservations_rejected`.
    public var reservationsRejected = 0
    /// `reservations_timed_out`.
    public var reservationsTimedOut = 0
    /// `reservations_canceled`.
    public var reservationsCanceled = 0
    /// `reservations_rescinded`.
    public var reservationsRescinded = 0
    /// `tasks_created`: tasks created in the workspace, or entering the workflow (`tasks_entered`).
    public var tasksCreated = 0
    /// `tasks_entered` of a queue: tasks that entered it.
    public var tasksEnteredQueue = 0
    /// `tasks_canceled`.
    public var tasksCanceled = 0
    /// `tasks_completed`.
    public var tasksCompleted = 0
    /// `tasks_deleted`.
    public var tasksDeleted = 0
    /// `tasks_moved`: tasks moved from one queue to another.
    public var tasksMoved = 0
    /// `tasks_timed_out_in_workflow`.
    public var tasksTimedOutInWorkflow = 0
    /// `wait_duration_until_accepted`: from task creation to each accepted reservation.
    public var waitUntilAccepted = DurationSummary([])
    /// `wait_duration_until_canceled`: from task creation to each cancellation.
    public var waitUntilCanceled = DurationSummary([])
    /// `wait_duration_in_queue_until_accepted`: from entering the queue to each accepted reservation.
    public var waitInQueueUntilAccepted = DurationSummary([])
    /// `split_by_wait_time`, one per requested threshold, in the order requested.
    public var splits: [WaitTimeSplit] = []

    /// `avg_task_acceptance_time`: the mean time from a task's creation to its acceptance.
    public var averageTaskAcceptanceTime: Int { waitUntilAccepted.average }

    /// Nothing counted yet.
    public init() {}

    /// The event types these statistics read; others can be left out when loading.
    public static let eventTypes = [
        "task.created", "task.canceled", "task.completed", "task.deleted", "task-queue.entered", "task-queue.moved",
        "workflow.timeout", "reservation.created", "reservation.accepted", "reservation.rejected", "reservation.timeout",
        "reservation.canceled", "reservation.rescinded",
    ]

    /// Counts the `events` that happened in `window` and fall in `scope`. `thresholds` are `SplitByWaitTime`'s;
    /// `queueEntered` gives, by task SID, when each task entered the queue it is in, for the wait in the queue.
    public static func tally(
        _ events: [TaskRouterEvent], in window: StatisticsWindow, scope: StatisticsScope, thresholds: [Int] = [],
        queueEntered: [String: Date] = [:]
    ) -> CumulativeStatistics {
        var statistics = CumulativeStatistics()
        statistics.splits = thresholds.map(WaitTimeSplit.init(threshold:))
        var accepted: [Int] = []
        var canceled: [Int] = []
        var inQueue: [Int] = []
        for recorded in events {
            let event = StatisticsEvent(recorded)
            guard window.contains(event.date), scope.includes(event) else { continue }
            // A worker's statistics count only what happened to their reservations.
            if scope.workerSids != nil, !event.type.hasPrefix("reservation.") { continue }
            switch event.type {
            case "reservation.created": statistics.reservationsCreated += 1
            case "reservation.accepted":
                statistics.reservationsAccepted += 1
                if let age = event.taskAge {
                    accepted.append(age)
                    statistics.split(age) { $0.reservationsAcceptedBelow += 1 } above: { $0.reservationsAcceptedAbove += 1 }
                }
                if let task = event.taskSid, let entered = queueEntered[task] {
                    inQueue.append(max(0, Int(event.date.timeIntervalSince(entered).rounded(.down))))
                }
            case "reservation.rejected": statistics.reservationsRejected += 1
            case "reservation.timeout": statistics.reservationsTimedOut += 1
            case "reservation.canceled": statistics.reservationsCanceled += 1
            case "reservation.rescinded": statistics.reservationsRescinded += 1
            case "task.created": statistics.tasksCreated += 1
            case "task-queue.entered": statistics.tasksEnteredQueue += 1
            case "task-queue.moved": statistics.tasksMoved += 1
            case "task.canceled":
                statistics.tasksCanceled += 1
                if let age = event.taskAge {
                    canceled.append(age)
                    statistics.split(age) { $0.tasksCanceledBelow += 1 } above: { $0.tasksCanceledAbove += 1 }
                }
            case "task.completed": statistics.tasksCompleted += 1
            case "task.deleted": statistics.tasksDeleted += 1
            case "workflow.timeout": statistics.tasksTimedOutInWorkflow += 1
            default: continue
            }
        }
        statistics.waitUntilAccepted = DurationSummary(accepted)
        statistics.waitUntilCanceled = DurationSummary(canceled)
        statistics.waitInQueueUntilAccepted = DurationSummary(inQueue)
        return statistics
    }

    /// Counts a wait of `seconds` in every split, below or at-and-above its threshold.
    private mutating func split(_ seconds: Int, below: (inout WaitTimeSplit) -> Void, above: (inout WaitTimeSplit) -> Void) {
        for index in splits.indices {
            if seconds < splits[index].threshold { below(&splits[index]) } else { above(&splits[index]) }
        }
    }
}
