public import SwitchboardCore

/// The task queues of workspaces.
public protocol TaskQueueRepository: Sendable {
    /// Stores a new queue.
    func insert(_ queue: TaskQueue) async throws
    /// The queue with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> TaskQueue?
    /// The queue with this name in this workspace.
    func find(friendlyName: String, workspaceSid: String) async throws -> TaskQueue?
    /// The workspace's queues, optionally only the one with this name.
    func list(workspaceSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<TaskQueue>
    /// Saves an existing queue.
    func update(_ queue: TaskQueue) async throws
    /// Removes the queue; `false` when the workspace has no such queue.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
}

/// The workflows of workspaces.
public protocol WorkflowRepository: Sendable {
    /// Stores a new workflow.
    func insert(_ workflow: Workflow) async throws
    /// The workflow with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> Workflow?
    /// The workspace's workflows, optionally only those with this name.
    func list(workspaceSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<Workflow>
    /// Saves an existing workflow.
    func update(_ workflow: Workflow) async throws
    /// Removes the workflow; `false` when the workspace has no such workflow.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
}

/// Which workers a worker list returns; every filter set must hold.
public struct WorkerFilter: Sendable, Equatable {
    /// Only workers with this friendly name.
    public var friendlyName: String?
    /// Only workers in one of these activities.
    public var activitySids: [String]?
    /// Only these workers, as chosen by an expression evaluated outside the database.
    public var workerSids: [String]?

    /// No filtering.
    public init(friendlyName: String? = nil, activitySids: [String]? = nil, workerSids: [String]? = nil) {
        self.friendlyName = friendlyName
        self.activitySids = activitySids
        self.workerSids = workerSids
    }
}

/// The workers of workspaces and their per-channel capacity.
public protocol WorkerRepository: Sendable {
    /// Stores a new worker.
    func insert(_ worker: Worker) async throws
    /// The worker with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> Worker?
    /// The worker with this name in this workspace.
    func find(friendlyName: String, workspaceSid: String) async throws -> Worker?
    /// The workspace's workers that pass `filter`.
    func list(workspaceSid: String, filter: WorkerFilter, page: PageRequest) async throws -> Page<Worker>
    /// Every worker of the workspace, for evaluating expressions over them.
    func all(workspaceSid: String) async throws -> [Worker]
    /// How many of the workspace's workers are in this activity.
    func count(activitySid: String, workspaceSid: String) async throws -> Int
    /// Saves an existing worker.
    func update(_ worker: Worker) async throws
    /// Removes the worker and its channels; `false` when the workspace has no such worker.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
    /// Stores a new worker channel.
    func insertChannel(_ channel: WorkerChannel) async throws
    /// The worker's channel with this SID or for this task channel SID.
    func channel(sid: String, workerSid: String) async throws -> WorkerChannel?
    /// The worker's channels.
    func channels(workerSid: String, page: PageRequest) async throws -> Page<WorkerChannel>
    /// Saves an existing worker channel.
    func updateChannel(_ channel: WorkerChannel) async throws
    /// Removes every worker's channel for a task channel that is being deleted.
    func deleteChannels(taskChannelSid: String, workspaceSid: String) async throws
}
