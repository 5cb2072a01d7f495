import Foundation
import SwitchboardCore
import SwitchboardStorage

/// TaskRouter rows for the contract tests. Every SID is random, so tests sharing a PostgreSQL database
/// never see each other's rows; the dates differ per field so a column mix-up cannot go unnoticed.
enum TaskRouterFixtures {
    static let created = Fixtures.now
    static let updated = Fixtures.now.addingTimeInterval(60)
    static let statusChanged = Fixtures.now.addingTimeInterval(30)

    static func sid(_ prefix: SidPrefix) -> String { RandomSidGenerator().make(prefix) }

    static func workspace(accountSid: String, name: String = "Support") -> Workspace {
        Workspace(
            sid: sid(.workspace), accountSid: accountSid, friendlyName: name,
            eventCallbackURL: "https://example.com/events", eventsFilter: "task.created,worker.activity.update",
            multiTaskEnabled: false, prioritizeQueueOrder: .lifo,
            defaultActivitySid: sid(.activity), timeoutActivitySid: sid(.activity),
            dateCreated: created, dateUpdated: updated)
    }

    static func activity(in workspace: Workspace, name: String = "Offline", available: Bool = false) -> Activity {
        Activity(sid: sid(.activity), accountSid: workspace.accountSid, workspaceSid: workspace.sid, friendlyName: name,
                 available: available, dateCreated: created, dateUpdated: updated)
    }

    static func taskChannel(in workspace: Workspace, uniqueName: String = "voice", optimized: Bool? = nil) -> TaskChannel {
        TaskChannel(sid: sid(.taskChannel), accountSid: workspace.accountSid, workspaceSid: workspace.sid,
                    friendlyName: uniqueName.capitalized, uniqueName: uniqueName, channelOptimizedRouting: optimized,
                    dateCreated: created, dateUpdated: updated)
    }

    static func taskQueue(in workspace: Workspace, name: String = "Sales", reservationActivitySid: String? = nil, assignmentActivitySid: String? = nil) -> TaskQueue {
        TaskQueue(sid: sid(.taskQueue), accountSid: workspace.accountSid, workspaceSid: workspace.sid, friendlyName: name,
                  targetWorkers: "languages HAS \"en\" AND skill > 2", maxReservedWorkers: 3, taskOrder: .lifo,
                  reservationActivitySid: reservationActivitySid, assignmentActivitySid: assignmentActivitySid,
                  dateCreated: created, dateUpdated: updated)
    }

    static func workflow(in workspace: Workspace, name: String = "Default", callback: String? = nil, fallback: String? = nil) -> Workflow {
        Workflow(sid: sid(.workflow), accountSid: workspace.accountSid, workspaceSid: workspace.sid, friendlyName: name,
                 configuration: #"{"task_routing":{"filters":[],"default_filter":{"queue":"WQ00000000000000000000000000000000"}}}"#,
                 assignmentCallbackUrl: callback, fallbackAssignmentCallbackUrl: fallback, taskReservationTimeout: 95,
                 dateCreated: created, dateUpdated: updated)
    }

    static func worker(in workspace: Workspace, name: String = "Alice", activitySid: String? = nil) -> Worker {
        Worker(sid: sid(.worker), accountSid: workspace.accountSid, workspaceSid: workspace.sid, friendlyName: name,
               attributes: #"{"languages":["en","es"],"skill":3,"name":"Zoë"}"#, activitySid: activitySid ?? sid(.activity),
               dateStatusChanged: statusChanged, dateCreated: created, dateUpdated: updated)
    }

    static func workerChannel(of worker: Worker, for taskChannel: TaskChannel, capacity: Int = 1, available: Bool = true, assignedTasks: Int = 0) -> WorkerChannel {
        WorkerChannel(sid: sid(.workerChannel), accountSid: worker.accountSid, workspaceSid: worker.workspaceSid,
                      workerSid: worker.sid, taskChannelSid: taskChannel.sid, taskChannelUniqueName: taskChannel.uniqueName,
                      configuredCapacity: capacity, available: available, assignedTasks: assignedTasks,
                      dateCreated: created, dateUpdated: updated)
    }

    /// Stores a new account and `count` workspaces in it.
    static func seedWorkspaces(_ storage: SQLStorage, count: Int = 1) async throws -> (Account, [Workspace]) {
        let account = Fixtures.account()
        let workspaces = (0..<count).map { workspace(accountSid: account.sid, name: "Workspace \($0)") }
        try await storage.write { session in
            try await session.accounts.insert(account)
            for workspace in workspaces { try await session.workspaces.insert(workspace) }
        }
        return (account, workspaces)
    }
}
