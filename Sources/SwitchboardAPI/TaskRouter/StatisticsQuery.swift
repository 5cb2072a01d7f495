import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The query parameters TaskRouter's statistics resources share (`StartDate`, `EndDate`, `Minutes`,
/// `TaskChannel`, `SplitByWaitTime`), and the reads that turn them into statistics.
struct StatisticsQuery {
    /// The interval cumulative statistics cover.
    let window: StatisticsWindow
    /// `TaskChannel` as sent: a SID or a unique name.
    let taskChannel: String?
    /// `SplitByWaitTime`'s thresholds, in seconds.
    let thresholds: [Int]
    let now: Date

    init(_ query: FormParameters, now: Date) throws(TwilioError) {
        self.window = try StatisticsWindow.resolve(
            startDate: try query.date("StartDate"), endDate: try query.date("EndDate"), minutes: try query.int("Minutes"), now: now)
        self.taskChannel = query.string("TaskChannel")
        self.thresholds = try WaitTimeSplit.thresholds(query.string("SplitByWaitTime"))
        self.now = now
    }

    /// The channel `TaskChannel` names, or `nil` when it was not sent; one the workspace lacks is a 20001.
    func channel(workspaceSid: String, session: any StorageSession) async throws -> TaskChannel? {
        guard let taskChannel else { return nil }
        guard let found = try await session.taskChannels.find(sidOrUniqueName: taskChannel, workspaceSid: workspaceSid) else {
            throw TwilioError.invalidParameter("TaskChannel \(taskChannel) is not a task channel of this workspace")
        }
        return found
    }

    /// The workspace's real-time statistics, on the requested channel.
    func realTime(workspaceSid: String, session: any StorageSession) async throws -> RealTimeStatistics {
        let channel = try await channel(workspaceSid: workspaceSid, session: session)
        return try await RealTimeStatistics.load(workspaceSid: workspaceSid, session: session, now: now, taskChannelSid: channel?.sid)
    }

    /// The cumulative statistics of `scope` (narrowed to the requested channel) over the window.
    func cumulative(_ scope: StatisticsScope, workspaceSid: String, session: any StorageSession) async throws -> CumulativeStatistics {
        try await cumulative([scope], workspaceSid: workspaceSid, session: session)[0]
    }

    /// The cumulative statistics of each scope, from one read of the window's events. A queue's scope also
    /// measures the wait in the queue, from when each accepted task entered it.
    func cumulative(_ scopes: [StatisticsScope], workspaceSid: String, session: any StorageSession) async throws -> [CumulativeStatistics] {
        let channel = try await channel(workspaceSid: workspaceSid, session: session)?.uniqueName
        let events = try await session.events.all(workspaceSid: workspaceSid, types: CumulativeStatistics.eventTypes, from: window.start, through: window.end)
        var queueEntered: [String: Date] = [:]
        if scopes.contains(where: { $0.taskQueueSid != nil }) {
            let accepted = Set(events.filter { $0.eventType == "reservation.accepted" }.compactMap(\.taskSid))
            queueEntered = try await Self.queueEnteredDates(of: Array(accepted), workspaceSid: workspaceSid, session: session)
        }
        return scopes.map { scope in
            var scope = scope
            scope.taskChannel = channel
            return CumulativeStatistics.tally(events, in: window, scope: scope, thresholds: thresholds, queueEntered: queueEntered)
        }
    }

    /// How long `workers` spent in each activity over the window, by activity SID.
    func activityDurations(of workers: [Worker], workspaceSid: String, session: any StorageSession) async throws -> [String: DurationSummary] {
        let type = ActivityDurations.eventType
        let before = try await session.events.lastPerWorker(workspaceSid: workspaceSid, type: type, before: window.start)
        let during = try await session.events.all(workspaceSid: workspaceSid, types: [type], from: window.start, through: window.end)
        return ActivityDurations.compute(workers: workers, changes: before + during, window: window, now: now)
    }

    /// When each of these tasks entered the queue it is in; deleted tasks are left out.
    static func queueEnteredDates(of taskSids: [String], workspaceSid: String, session: any StorageSession) async throws -> [String: Date] {
        var entered: [String: Date] = [:]
        let size = PageRequest.maximumSize
        for start in stride(from: 0, to: taskSids.count, by: size) {
            var filter = TaskFilter()
            filter.taskSids = Array(taskSids[start..<min(start + size, taskSids.count)])
            for task in try await session.tasks.list(workspaceSid: workspaceSid, filter: filter, page: PageRequest(size: size)).items {
                entered[task.sid] = task.taskQueueEnteredDate
            }
        }
        return entered
    }
}
