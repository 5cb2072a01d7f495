import Foundation
import SwitchboardCore
import SwitchboardStorage

/// What is happening in a workspace right now, counted the way TaskRouter's RealTimeStatistics report it.
/// The field lists leave out the resource's identity (`account_sid`, `workspace_sid`, `url`, …), which the
/// `RealTimeStatistics` resources add around them and the combined `Statistics` resources do not repeat in
/// their `realtime` object.
struct RealTimeStatistics {
    let tasks: [TaskRouterTask]
    let workers: [Worker]
    let activities: [Activity]
    let now: Date

    static let liveStatuses: [TaskAssignmentStatus] = [.pending, .reserved, .assigned, .wrapping]

    /// The workspace now; only the tasks of one channel when `taskChannelSid` is given (`TaskChannel`).
    static func load(workspaceSid: String, session: any StorageSession, now: Date, taskChannelSid: String? = nil) async throws -> RealTimeStatistics {
        let tasks = try await session.tasks.all(workspaceSid: workspaceSid, statuses: liveStatuses)
        return RealTimeStatistics(
            tasks: taskChannelSid.map { channel in tasks.filter { $0.taskChannelSid == channel } } ?? tasks,
            workers: try await session.workers.all(workspaceSid: workspaceSid),
            activities: try await session.activities.list(workspaceSid: workspaceSid, friendlyName: nil, available: nil,
                                                          page: PageRequest(size: PageRequest.maximumSize)).items,
            now: now)
    }

    /// The workspace's real-time fields.
    func workspaceFields() -> [(String, JSONValue)] {
        [("activity_statistics", activityStatistics(workers))] + Self.taskFields(tasks, now: now) + [("total_workers", .int(workers.count))]
    }

    /// A queue's real-time fields: its tasks, and the workers its `TargetWorkers` selects.
    func queueFields(_ queue: TaskQueue) -> [(String, JSONValue)] {
        let tasks = tasks.filter { $0.taskQueueSid == queue.sid }
        let eligible = eligibleWorkers(of: queue)
        let longestInQueue = tasks.filter { $0.assignmentStatus == .pending }
            .min { ($0.taskQueueEnteredDate ?? $0.dateCreated) < ($1.taskQueueEnteredDate ?? $1.dateCreated) }
        return [("activity_statistics", activityStatistics(eligible))]
            + Self.taskFields(tasks, now: now)
            + [
                ("longest_relative_task_age_in_queue", .int(longestInQueue.map { max(0, Int(now.timeIntervalSince($0.taskQueueEnteredDate ?? $0.dateCreated))) } ?? 0)),
                ("longest_relative_task_sid_in_queue", .string(longestInQueue?.sid)),
                ("total_available_workers", .int(available(eligible).count)),
                ("total_eligible_workers", .int(eligible.count)),
            ]
    }

    /// A workflow's real-time fields: its tasks.
    func workflowFields(_ workflowSid: String) -> [(String, JSONValue)] {
        Self.taskFields(tasks.filter { $0.workflowSid == workflowSid }, now: now)
    }

    /// The real-time fields of some of the workspace's workers: how many there are, and in which activity.
    func workerFields(_ workers: [Worker]) -> [(String, JSONValue)] {
        [("activity_statistics", activityStatistics(workers)), ("total_workers", .int(workers.count))]
    }

    /// `tasks_by_status`, `tasks_by_priority`, `total_tasks` and the longest waiting task, over `tasks`.
    static func taskFields(_ tasks: [TaskRouterTask], now: Date) -> [(String, JSONValue)] {
        let byStatus = liveStatuses.map { status in (status.rawValue, JSONValue.int(tasks.filter { $0.assignmentStatus == status }.count)) }
        var byPriority: [Int: Int] = [:]
        for task in tasks { byPriority[task.priority, default: 0] += 1 }
        let waiting = tasks.filter { $0.assignmentStatus == .pending }.min { $0.dateCreated < $1.dateCreated }
        return [
            ("tasks_by_status", .object(byStatus)),
            ("tasks_by_priority", .object(byPriority.keys.sorted().map { (String($0), .int(byPriority[$0]!)) })),
            ("total_tasks", .int(tasks.count)),
            ("longest_task_waiting_age", .int(waiting.map { max(0, Int(now.timeIntervalSince($0.dateCreated))) } ?? 0)),
            ("longest_task_waiting_sid", .string(waiting?.sid)),
        ]
    }

    /// `activity_statistics`: how many of `workers` are in each activity.
    func activityStatistics(_ workers: [Worker]) -> JSONValue {
        .array(activities.map { activity in
            .object([
                ("sid", .string(activity.sid)),
                ("friendly_name", .string(activity.friendlyName)),
                ("workers", .int(workers.filter { $0.activitySid == activity.sid }.count)),
            ])
        })
    }

    /// Workers a queue's `TargetWorkers` selects; a blank expression selects none.
    func eligibleWorkers(of queue: TaskQueue) -> [Worker] {
        guard let expression = try? queue.parsedTargetWorkers() else { return [] }
        return workers.filter { (try? expression.matches(worker: $0.parsedAttributes())) ?? false }
    }

    /// Workers whose activity is available.
    func available(_ workers: [Worker]) -> [Worker] {
        let availableActivities = Set(activities.filter(\.available).map(\.sid))
        return workers.filter { availableActivities.contains($0.activitySid) }
    }
}
