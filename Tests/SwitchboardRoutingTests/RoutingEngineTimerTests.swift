import Foundation
import Logging
import Testing
import SwitchboardCore
import SwitchboardStorage
import SwitchboardRouting

/// A clock the test sets.
final class FixedTime: TimeSource {
    let date: Date
    init(_ date: Date) { self.date = date }
    func now() -> Date { date }
}

@Suite struct RoutingEngineTimerTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    let sids = RandomSidGenerator()

    /// A workspace with one worker holding one pending reservation that expired a minute before `start`;
    /// `timeoutActivityExists` false leaves the workspace's timeout activity pointing at nothing.
    func seedExpiredReservation(in storage: SQLStorage, account: Account, timeoutActivityExists: Bool) async throws -> (Workspace, Worker, Reservation) {
        let (offline, timeout) = (sids.make(.activity), sids.make(.activity))
        let workspace = Workspace(
            sid: sids.make(.workspace), accountSid: account.sid, friendlyName: "Timers", eventCallbackURL: nil, eventsFilter: nil,
            multiTaskEnabled: false, prioritizeQueueOrder: .fifo, defaultActivitySid: offline, timeoutActivitySid: timeout,
            dateCreated: Self.start, dateUpdated: Self.start)
        var activities = [Activity(sid: offline, accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "Offline",
                                   available: false, dateCreated: Self.start, dateUpdated: Self.start)]
        if timeoutActivityExists {
            activities.append(Activity(sid: timeout, accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "Timed out",
                                       available: false, dateCreated: Self.start, dateUpdated: Self.start))
        }
        let channel = TaskChannel(sid: sids.make(.taskChannel), accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "SMS",
                                  uniqueName: "sms", channelOptimizedRouting: nil, dateCreated: Self.start, dateUpdated: Self.start)
        let worker = Worker(sid: sids.make(.worker), accountSid: account.sid, workspaceSid: workspace.sid, friendlyName: "kate", attributes: "{}",
                            activitySid: offline, dateStatusChanged: Self.start, dateCreated: Self.start, dateUpdated: Self.start)
        let task = TaskRouterTask(
            sid: sids.make(.task), accountSid: account.sid, workspaceSid: workspace.sid, workflowSid: nil, taskQueueSid: nil,
            taskChannelSid: channel.sid, taskChannelUniqueName: "sms", attributes: "{}", priority: 0, timeout: 86_400,
            assignmentStatus: .reserved, reason: nil, routingStep: nil, dateEnteredStep: nil, taskQueueEnteredDate: nil,
            dateCreated: Self.start, dateUpdated: Self.start)
        let reservation = ReservationRules.create(sid: sids.make(.reservation), task: task, workerSid: worker.sid, workerName: "kate",
                                                  reservationTimeout: 60, now: Self.start.addingTimeInterval(-120))
        let stored = activities
        try await storage.write { session in
            try await session.workspaces.insert(workspace)
            for activity in stored { try await session.activities.insert(activity) }
            try await session.taskChannels.insert(channel)
            try await session.workers.insert(worker)
            try await session.tasks.insert(task)
            try await session.reservations.insert(reservation)
        }
        return (workspace, worker, reservation)
    }

    @Test func aReservationThatCannotMoveItsWorkerStillTimesOutAndDoesNotHoldUpOtherWorkspaces() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let storage = try SQLStorage(location: .sqliteMemory, logger: logger)
        do {
            try await storage.migrate()
            let sid = sids.make(.account)
            let account = Account(sid: sid, ownerAccountSid: sid, friendlyName: "main", status: .active, type: .full,
                                  authToken: Secrets.makeAuthToken(), dateCreated: Self.start, dateUpdated: Self.start)
            try await storage.write { try await $0.accounts.insert(account) }
            let broken = try await seedExpiredReservation(in: storage, account: account, timeoutActivityExists: false)
            let sound = try await seedExpiredReservation(in: storage, account: account, timeoutActivityExists: true)
            let engine = RoutingEngine(storage: storage, time: FixedTime(Self.start), sids: sids, logger: logger)
            try await engine.expire()
            for (workspace, worker, reservation) in [broken, sound] {
                let ended = try await storage.read { try await $0.reservations.find(sid: reservation.sid, workerSid: worker.sid) }
                #expect(ended?.status == .timeout)
                let moved = try await storage.read { try await $0.workers.find(sid: worker.sid, workspaceSid: workspace.sid) }
                #expect(moved?.activitySid == (workspace.sid == broken.0.sid ? worker.activitySid : workspace.timeoutActivitySid))
            }
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
    }
}
