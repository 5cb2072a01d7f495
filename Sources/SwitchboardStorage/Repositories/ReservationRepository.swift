public import Foundation
public import SwitchboardCore

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
    /// For each of these tasks, the workers who rejected it or let it time out and have not returned to an
    /// available activity since: those it must not be offered to again.
    func declinedWorkers(taskSids: [String]) async throws -> [String: Set<String>]
    /// Records that the worker came back to an available activity: the tasks they declined may be offered to them again.
    func workerReturned(workerSid: String) async throws
    /// For each of these tasks, the workers it is offered to right now: those holding a pending reservation of it.
    func pendingWorkers(taskSids: [String]) async throws -> [String: Set<String>]
    /// Recounts the worker channel's `assigned_tasks` from its accepted and wrapping reservations.
    func recountAssignedTasks(workerSid: String, taskChannelSid: String) async throws
}
