public import SwitchboardCore

/// Which tasks a task list returns; every filter set must hold.
public struct TaskFilter: Sendable, Equatable {
    /// Only tasks in one of these assignment statuses.
    public var assignmentStatuses: [TaskAssignmentStatus]?
    /// Only tasks of this workflow.
    public var workflowSid: String?
    /// Only tasks in this queue.
    public var taskQueueSid: String?
    /// Only tasks of this priority.
    public var priority: Int?
    /// Only these tasks, as chosen by an expression evaluated outside the database.
    public var taskSids: [String]?

    /// No filtering.
    public init() {}
}

/// The tasks of workspaces.
public protocol TaskRepository: Sendable {
    /// Stores a new task.
    func insert(_ task: TaskRouterTask) async throws
    /// The task with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> TaskRouterTask?
    /// The same, locked for the rest of the transaction where the database locks rows. Every change to a task
    /// or its reservations locks the task first, so concurrent changes queue instead of overwriting each other.
    func lock(sid: String, workspaceSid: String) async throws -> TaskRouterTask?
    /// The workspace's tasks that pass `filter`, oldest first.
    func list(workspaceSid: String, filter: TaskFilter, page: PageRequest) async throws -> Page<TaskRouterTask>
    /// Every task of the workspace in one of these statuses, oldest first.
    func all(workspaceSid: String, statuses: [TaskAssignmentStatus]) async throws -> [TaskRouterTask]
    /// Saves an existing task.
    func update(_ task: TaskRouterTask) async throws
    /// Saves `task` only if its stored status is still `expected`; `false` when another writer moved it first.
    func update(_ task: TaskRouterTask, ifStatusIs expected: TaskAssignmentStatus) async throws -> Bool
    /// Removes the task and its reservations; `false` when the workspace has no such task.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
    /// Workspaces that have tasks in one of these statuses: where timers have work.
    func workspacesWithTasks(in statuses: [TaskAssignmentStatus]) async throws -> [String]
    /// How many tasks each workspace of every account has in each status.
    func countByStatus() async throws -> [TaskStatusCount]
}

/// How many tasks one workspace has in one status.
public struct TaskStatusCount: Sendable, Equatable {
    /// The workspace.
    public var workspaceSid: String
    /// The status counted.
    public var status: TaskAssignmentStatus
    /// How many tasks are in it.
    public var count: Int

    /// Creates a count.
    public init(workspaceSid: String, status: TaskAssignmentStatus, count: Int) {
        self.workspaceSid = workspaceSid
        self.status = status
        self.count = count
    }
}
