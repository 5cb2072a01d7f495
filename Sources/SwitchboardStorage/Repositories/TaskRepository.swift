public import Foundation
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
}

/// The reservations of tasks to workers.
public protocol ReservationRepository: Sendable {
    /// Stores a new reservation.
    func insert(_ reservation: Reservation) async throws
    /// The reservation with this SID of this task.
    func find(sid: String, taskSid: String) async throws -> Reservation?
    /// The same, re-read under a row lock; take the task's lock first.
    func lock(sid: String, taskSid: String) async throws -> Reservation?
    /// The reservation with this SID of this worker.
    func find(sid: String, workerSid: String) async throws -> Reservation?
    /// The task's reservations, optionally in one status.
    func list(taskSid: String, status: ReservationStatus?, page: PageRequest) async throws -> Page<Reservation>
    /// The worker's reservations, optionally in one status.
    func list(workerSid: String, status: ReservationStatus?, page: PageRequest) async throws -> Page<Reservation>
    /// Every reservation of the task.
    func all(taskSid: String) async throws -> [Reservation]
    /// Pending reservations whose time ran out, in every workspace.
    func expired(before date: Date) async throws -> [Reservation]
    /// Saves an existing reservation.
    func update(_ reservation: Reservation) async throws
    /// When each worker of the workspace last had a reservation made, answered or ended, by worker SID:
    /// the start of their idle time for longest-idle routing.
    func lastActivity(workspaceSid: String) async throws -> [String: Date]
    /// Reservations that hold the worker's capacity (pending, accepted, wrapping), counted per task channel SID.
    func load(workerSid: String) async throws -> [String: Int]
    /// The same count for every worker of the workspace: worker SID, then task channel SID.
    func load(workspaceSid: String) async throws -> [String: [String: Int]]
    /// For each of these tasks, the workers who rejected it or let it time out.
    func declinedWorkers(taskSids: [String]) async throws -> [String: Set<String>]
    /// Recounts the worker channel's `assigned_tasks` from its accepted and wrapping reservations.
    func recountAssignedTasks(workerSid: String, taskChannelSid: String) async throws
}

/// The event log of workspaces.
public protocol EventRepository: Sendable {
    /// Records an event.
    func insert(_ event: TaskRouterEvent) async throws
    /// The event with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> TaskRouterEvent?
    /// The workspace's events that pass `filter`, oldest first.
    func list(workspaceSid: String, filter: EventFilter, page: PageRequest) async throws -> Page<TaskRouterEvent>
}

/// Which events an event list returns; every filter set must hold.
public struct EventFilter: Sendable, Equatable {
    /// Only events of this type.
    public var eventType: String?
    /// Only events concerning this task.
    public var taskSid: String?
    /// Only events concerning this worker.
    public var workerSid: String?
    /// Only events of this reservation.
    public var reservationSid: String?

    /// Creates a filter.
    public init(eventType: String? = nil, taskSid: String? = nil, workerSid: String? = nil, reservationSid: String? = nil) {
        self.eventType = eventType
        self.taskSid = taskSid
        self.workerSid = workerSid
        self.reservationSid = reservationSid
    }
}
