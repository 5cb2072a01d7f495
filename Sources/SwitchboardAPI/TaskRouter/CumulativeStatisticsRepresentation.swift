import SwitchboardCore

/// Cumulative statistics as the workspace's, a queue's, a workflow's and the workers' resources show them:
/// exactly the properties of each `…_cumulative_statistics` schema but the resource's identity (`account_sid`,
/// `workspace_sid`, the queue or workflow SID, `url`), which the `CumulativeStatistics` resources add around
/// these fields and the combined `Statistics` resources do not repeat in their `cumulative` object.
enum CumulativeStatisticsRepresentation {
    static func workspace(_ statistics: CumulativeStatistics, window: StatisticsWindow) -> [(String, JSONValue)] {
        head(statistics, window: window) + [
            ("tasks_canceled", .int(statistics.tasksCanceled)),
            ("tasks_completed", .int(statistics.tasksCompleted)),
            ("tasks_created", .int(statistics.tasksCreated)),
            ("tasks_deleted", .int(statistics.tasksDeleted)),
            ("tasks_moved", .int(statistics.tasksMoved)),
            ("tasks_timed_out_in_workflow", .int(statistics.tasksTimedOutInWorkflow)),
        ]
    }

    static func queue(_ statistics: CumulativeStatistics, window: StatisticsWindow) -> [(String, JSONValue)] {
        head(statistics, window: window) + [
            ("wait_duration_in_queue_until_accepted", duration(statistics.waitInQueueUntilAccepted)),
            ("tasks_canceled", .int(statistics.tasksCanceled)),
            ("tasks_completed", .int(statistics.tasksCompleted)),
            ("tasks_deleted", .int(statistics.tasksDeleted)),
            ("tasks_entered", .int(statistics.tasksEnteredQueue)),
            ("tasks_moved", .int(statistics.tasksMoved)),
        ]
    }

    static func workflow(_ statistics: CumulativeStatistics, window: StatisticsWindow) -> [(String, JSONValue)] {
        head(statistics, window: window) + [
            ("tasks_canceled", .int(statistics.tasksCanceled)),
            ("tasks_completed", .int(statistics.tasksCompleted)),
            // A workflow's tasks enter it as they are created.
            ("tasks_entered", .int(statistics.tasksCreated)),
            ("tasks_deleted", .int(statistics.tasksDeleted)),
            ("tasks_moved", .int(statistics.tasksMoved)),
            ("tasks_timed_out_in_workflow", .int(statistics.tasksTimedOutInWorkflow)),
        ]
    }

    /// The workers' fields: their reservations, and `activity_durations` with one entry per activity of the
    /// workspace (zeros for an activity nobody spent time in).
    static func workers(
        _ statistics: CumulativeStatistics, durations: [String: DurationSummary], activities: [Activity], window: StatisticsWindow
    ) -> [(String, JSONValue)] {
        Self.window(window) + [
            ("activity_durations", .array(activities.map { activity in
                .object([("sid", .string(activity.sid)), ("friendly_name", .string(activity.friendlyName))]
                        + summary(durations[activity.sid] ?? DurationSummary([])))
            })),
        ] + reservations(statistics)
    }

    /// What the task-centred resources begin with: acceptance time, window, reservations, splits and waits.
    private static func head(_ statistics: CumulativeStatistics, window: StatisticsWindow) -> [(String, JSONValue)] {
        [("avg_task_acceptance_time", .int(statistics.averageTaskAcceptanceTime))]
            + self.window(window)
            + reservations(statistics)
            + [
                ("split_by_wait_time", splits(statistics.splits)),
                ("wait_duration_until_accepted", duration(statistics.waitUntilAccepted)),
                ("wait_duration_until_canceled", duration(statistics.waitUntilCanceled)),
            ]
    }

    private static func window(_ window: StatisticsWindow) -> [(String, JSONValue)] {
        [("start_time", .string(WireDate.iso8601(window.start))), ("end_time", .string(WireDate.iso8601(window.end)))]
    }

    private static func reservations(_ statistics: CumulativeStatistics) -> [(String, JSONValue)] {
        [
            ("reservations_created", .int(statistics.reservationsCreated)),
            ("reservations_accepted", .int(statistics.reservationsAccepted)),
            ("reservations_rejected", .int(statistics.reservationsRejected)),
            ("reservations_timed_out", .int(statistics.reservationsTimedOut)),
            ("reservations_canceled", .int(statistics.reservationsCanceled)),
            ("reservations_rescinded", .int(statistics.reservationsRescinded)),
        ]
    }

    private static func summary(_ duration: DurationSummary) -> [(String, JSONValue)] {
        [("avg", .int(duration.average)), ("min", .int(duration.minimum)), ("max", .int(duration.maximum)), ("total", .int(duration.total))]
    }

    private static func duration(_ duration: DurationSummary) -> JSONValue {
        .object(summary(duration))
    }

    /// `split_by_wait_time`: an object keyed by threshold, or `null` when `SplitByWaitTime` was not sent.
    private static func splits(_ splits: [WaitTimeSplit]) -> JSONValue {
        guard !splits.isEmpty else { return .null }
        return .object(splits.map { split in
            (String(split.threshold), .object([
                ("above", .object([("tasks_canceled", .int(split.tasksCanceledAbove)), ("reservations_accepted", .int(split.reservationsAcceptedAbove))])),
                ("below", .object([("tasks_canceled", .int(split.tasksCanceledBelow)), ("reservations_accepted", .int(split.reservationsAcceptedBelow))])),
            ]))
        })
    }
}
