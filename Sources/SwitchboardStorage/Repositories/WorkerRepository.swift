public import SwitchboardCore

/// The workers of workspaces and their per-channel capacity.
public protocol WorkerRepository: Sendable {
    /// Stores a new worker.
    func insert(_ worker: Worker) async throws
    /// The worker with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> Worker?
    /// The worker with this SID, whatever its workspace: `switchboard agent-token` starts from the SID alone.
    func find(sid: String) async throws -> Worker?
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
    /// The worker's channel with this SID, or for the task channel with this SID or unique name.
    func channel(sid: String, workerSid: String) async throws -> WorkerChannel?
    /// The worker's channels.
    func channels(workerSid: String, page: PageRequest) async throws -> Page<WorkerChannel>
    /// Saves an existing worker channel.
    func updateChannel(_ channel: WorkerChannel) async throws
    /// Every worker channel of the workspace.
    func allChannels(workspaceSid: String) async throws -> [WorkerChannel]
    /// The worker's channel for a task channel, locked for the rest of the transaction where the database
    /// can lock rows, so two routers cannot both fill its last slot.
    func lockChannel(workerSid: String, taskChannelSid: String) async throws -> WorkerChannel?
    /// Removes every worker's channel for a task channel that is being deleted.
    func deleteChannels(taskChannelSid: String, workspaceSid: String) async throws
}
