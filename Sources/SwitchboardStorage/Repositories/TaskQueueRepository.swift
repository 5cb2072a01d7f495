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
    /// A queue of the workspace that moves workers to the activity on reservation or assignment, if any.
    func using(activitySid: String, workspaceSid: String) async throws -> TaskQueue?
    /// Saves an existing queue.
    func update(_ queue: TaskQueue) async throws
    /// Removes the queue; `false` when the workspace has no such queue.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
}
