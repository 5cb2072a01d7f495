import Foundation
import SwitchboardCore
import SwitchboardStorage

/// What is happening in a workspace right now, counted the way TaskRouter's RealTimeStatistics report it.
struct RealTimeStatistics {
    let tasks: [TaskRouterTask]
    let workers: [Worker]
    let activities: [Activity]
    let now: Date

    static let liveStatuses: [TaskAssignmentStatus] = [.pending, .reserved, .assigned, .wrapping]

    static func load(workspaceSid: String, session: any StorageSession, now: Date) async throws -> RealTimeStatistics {
        RealTimeStatistics(
            tasks: try await session.tasks.all(workspaceSid: workspaceSid, statuses: liveStatuses),
            workers: try await session.workers.all(workspaceSid: workspaceSid),
            activities: try await session.activities.list(workspaceSid: workspaceSid, friendlyName: nil, available: nil,
                                                          page: PageRequest(size: PageRequest.maximumSize)).items,
            now: now)
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
