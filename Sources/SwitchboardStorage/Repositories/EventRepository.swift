public import Foundation
public import SwitchboardCore

/// The event log of workspaces.
public protocol EventRepository: Sendable {
    /// Records an event.
    func insert(_ event: TaskRouterEvent) async throws
    /// The event with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> TaskRouterEvent?
    /// The workspace's events that pass `filter`, oldest first.
    func list(workspaceSid: String, filter: EventFilter, page: PageRequest) async throws -> Page<TaskRouterEvent>
    /// Every event of the workspace of one of these types that happened from `start` through `end`, oldest first.
    func all(workspaceSid: String, types: [String], from start: Date, through end: Date) async throws -> [TaskRouterEvent]
    /// For each worker, the workspace's last event of this type concerning them that happened before `date`.
    func lastPerWorker(workspaceSid: String, type: String, before date: Date) async throws -> [TaskRouterEvent]
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
