import Foundation
import Logging
import Testing
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// The engine keeps a routing model per workspace between passes. Changes committed without it (by the API, or
/// by another `serve` process on the same database) must still reach that model before the next decision.
@Suite struct RoutingEngineKeptModelTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    let sids = RandomSidGenerator()

    /// What the test seeds: a workspace without multitasking, an offline and an idle activity, one channel,
    /// a queue for workers with skill `x`, and two workers with room for one task each.
    struct Seeded {
        let workspace: Workspace
        let idle: String
        let channel: TaskChannel
        let queue: TaskQueue
        let matching: Worker
        let other: Worker
    }

    func seed(_ storage: SQLStorage, account: Account) async throws -> Seeded {
        let (offline, idle) = (sids.make(.activity), sids.make(.activity))
        let workspace = Workspace(
            sid: sids.make(.workspace), accountSid: account.sid, friendlyName: "Kept model", eventCallbackURL: nil, eventsFilter: nil,
            multiTaskEnabled: false, prioritizeQueueOrder: .fifo, defaultActivitySid: offline, timeoutActivitySid: offline,
            dateCreated: Self.start, dateUpdated: Self.start)
        let activities = [
            Activity(sid: offline, accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "Offline", available: false,
                     dateCreated: Self.start, dateUpdated: Self.start),
            Activity(sid: idle, accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "Idle", available: true,
                     dateCreated: Self.start, dateUpdated: Self.start),
        ]
        let channel = TaskChannel(sid: sids.make(.taskChannel), accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "SMS",
                                  uniqueName: "sms", channelOptimizedRouting: nil, dateCreated: Self.start, dateUpdated: Self.start)
        let queue = TaskQueue(
            sid: sids.make(.taskQueue), accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "X", targetWorkers: "skill == 'x'",
            maxReservedWorkers: 1, taskOrder: .fifo, reservationActivitySid: nil, assignmentActivitySid: nil,
            dateCreated: Self.start, dateUpdated: Self.start)
        // The matching worker starts offline; the other one is idle but outside the queue.
        let matching = Worker(sid: sids.make(.worker), accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "kate",
                              attributes: #"{"skill":"x"}"#, activitySid: offline, dateStatusChanged: Self.start,
                              dateCreated: Self.start, dateUpdated: Self.start)
        let other = Worker(sid: sids.make(.worker), accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "lee",
                           attributes: #"{"skill":"y"}"#, activitySid: idle, dateStatusChanged: Self.start,
                           dateCreated: Self.start, dateUpdated: Self.start)
        let channelSids = [sids.make(.workerChannel), sids.make(.workerChannel)]
        try await storage.write { session in
            try await session.workspaces.insert(workspace)
            for activity in activities { try await session.activities.insert(activity) }
            try await session.taskChannels.insert(channel)
            try await session.taskQueues.insert(queue)
            for (worker, channelSid) in zip([matching, other], channelSids) {
                try await session.workers.insert(worker)
                try await session.workers.insertChannel(WorkerChannel(
                    sid: channelSid, accountSid: account.sid, workspaceSid: workspace.sid, workerSid: worker.sid,
                    taskChannelSid: channel.sid, taskChannelUniqueName: "sms", configuredCapacity: 1, available: true, assignedTasks: 0,
                    dateCreated: Self.start, dateUpdated: Self.start))
            }
        }
        return Seeded(workspace: workspace, idle: idle, channel: channel, queue: queue, matching: matching, other: other)
    }

    func task(in seeded: Seeded) -> TaskRouterTask {
        TaskRouterTask(
            sid: sids.make(.task), accountSid: seeded.workspace.accountSid, workspaceSid: seeded.workspace.sid, workflowSid: nil,
            taskQueueSid: seeded.queue.sid, taskChannelSid: seeded.channel.sid, taskChannelUniqueName: "sms", attributes: "{}",
            priority: 0, timeout: 86_400, assignmentStatus: .pending, reason: nil, routingStep: nil, dateEnteredStep: nil,
            taskQueueEnteredDate: nil, dateCreated: Self.start, dateUpdated: Self.start)
    }

    func holder(of task: TaskRouterTask, in storage: SQLStorage) async throws -> String? {
        try await storage.read { try await $0.reservations.all(taskSid: task.sid) }.first { $0.status == .pending }?.workerSid
    }

    @Test func activityAndAttributeChangesCommittedWithoutTheEngineReachItsKeptModel() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let storage = try SQLStorage(location: .sqliteMemory, logger: logger)
        do {
            try await storage.migrate()
            let sid = sids.make(.account)
            let account = Account(sid: sid, ownerAccountSid: sid, friendlyName: "main", status: .active, type: .full,
                                  authToken: Secrets.makeAuthToken(), dateCreated: Self.start, dateUpdated: Self.start)
            try await storage.write { try await $0.accounts.insert(account) }
            let seeded = try await seed(storage, account: account)
            let engine = RoutingEngine(storage: storage, time: FixedTime(Self.start), sids: sids, logger: logger)

            // Nobody can take the first task yet, and the engine now keeps a model of the workspace.
            let first = try await engine.createTask(task(in: seeded))
            #expect(first.assignmentStatus == .pending)
            #expect(try await holder(of: first, in: storage) == nil)

            // The matching worker becomes available in a write the engine does not see, as another process's would.
            var available = seeded.matching
            available.activitySid = seeded.idle
            available.dateUpdated = Self.start.addingTimeInterval(1)
            try await storage.write { [available] in try await $0.workers.update(available) }
            try await engine.route(workspaceSid: seeded.workspace.sid)
            #expect(try await holder(of: first, in: storage) == seeded.matching.sid)

            // The other worker's attributes change the same way: they join the queue and take the next task, since
            // the first worker is now full.
            var joined = seeded.other
            joined.attributes = #"{"skill":"x"}"#
            joined.dateUpdated = Self.start.addingTimeInterval(2)
            try await storage.write { [joined] in try await $0.workers.update(joined) }
            let second = try await engine.createTask(task(in: seeded))
            #expect(try await holder(of: second, in: storage) == seeded.other.sid)
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
    }
}
